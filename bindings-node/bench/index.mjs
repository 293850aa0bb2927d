// Benchmark: @checkout-kit/node against the official `razorpay` package on the same inputs.
//   1. webhook verification on identical 1.4 KB and 16 KB bodies (Buffer and string):
//      our verifyWebhookSignature and WebhookVerifier.verify vs the official
//      validateWebhookSignature;
//   2. API calls (orders.create, orders.fetch, payments.all, payments.refund,
//      customers.create) at concurrency 64, both clients against the same razorpay-sandbox
//      (a fresh one per call), and each client's resident memory in a child process of its
//      own (bench/api.mjs).
// Prints medians and ratios. Run with `npm run bench` (release builds of the module and the
// sandbox); BENCH_QUICK=1 shortens it. `--only <part>[,<part>]` runs only some parts:
// `webhook`, `api` (throughput) or `rss` (resident memory), e.g. `npm run bench -- --only rss`;
// `npm run bench:run -- --only rss` does the same without rebuilding.
import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import os from 'node:os'

import { compare, formatMicros, formatRate } from './stats.mjs'
import { memoryBenchmark, throughputBenchmark } from './api.mjs'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..', '..')
const kit = require('../index.js')
const Razorpay = require('razorpay')
const { validateWebhookSignature } = require('razorpay/dist/utils/razorpay-utils')

const quick = process.env.BENCH_QUICK === '1'
const PARTS = ['webhook', 'api', 'rss']
const parts = selectedParts(process.argv.slice(2))

/** The parts `--only a,b` (or `--only=a,b`) asks for; all of them without the flag. */
function selectedParts(args) {
  const index = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='))
  if (index < 0) return new Set(PARTS)
  const value = args[index].startsWith('--only=') ? args[index].slice('--only='.length) : args[index + 1]
  const wanted = (value ?? '').split(',').filter(Boolean)
  const unknown = wanted.filter((part) => !PARTS.includes(part))
  if (wanted.length === 0 || unknown.length > 0) {
    console.error(`--only takes a comma-separated list of ${PARTS.join(', ')}; got ${JSON.stringify(value ?? '')}`)
    process.exit(2)
  }
  return new Set(wanted)
}
const SECRET = 'whsec_bench_3f9a0c'

/** A realistic payment.captured body padded (in notes) to exactly `size` bytes. */
function webhookBody(size) {
  const sample = JSON.parse(readFileSync(join(process.env.CHECKOUT_KIT_FIXTURES ?? join(repoRoot, 'fixtures'), 'webhooks', 'payment.captured.json'), 'utf8'))
  sample.payload.payment.entity.notes = { padding: '' }
  const base = Buffer.byteLength(JSON.stringify(sample))
  if (base > size) throw new Error(`sample is already ${base} bytes`)
  sample.payload.payment.entity.notes.padding = 'x'.repeat(size - base)
  const text = JSON.stringify(sample)
  if (Buffer.byteLength(text) !== size) throw new Error('padding miscounted')
  return text
}

function ratio(ours, theirs) {
  return `${(ours / theirs).toFixed(2)}x`
}

function webhookBenchmark() {
  const verifier = new kit.WebhookVerifier(SECRET)
  const rows = []
  for (const size of [1400, 16 * 1024]) {
    const text = webhookBody(size)
    const buffer = Buffer.from(text)
    const signature = createHmac('sha256', SECRET).update(buffer).digest('hex')
    for (const [kind, body] of [['Buffer', buffer], ['string', text]]) {
      // Same inputs, and each must say "valid" before it is timed.
      for (const ok of [validateWebhookSignature(body, signature, SECRET), kit.verifyWebhookSignature(body, signature, SECRET), verifier.verify(body, signature)]) {
        if (ok !== true) throw new Error('a candidate rejected a valid signature')
      }
      const iterations = size > 4096 ? 5_000 : 20_000
      const result = compare(
        {
          official: () => validateWebhookSignature(body, signature, SECRET),
          oneShot: () => kit.verifyWebhookSignature(body, signature, SECRET),
          verifier: () => verifier.verify(body, signature),
        },
        { iterations: quick ? iterations / 10 : iterations, batches: quick ? 5 : 15 },
      )
      rows.push({ size, kind, ...result })
    }
  }
  console.log('\n## Webhook verification (median of interleaved batches)\n')
  console.log('| body | official validateWebhookSignature | verifyWebhookSignature | WebhookVerifier.verify | one-shot / official | verifier / official |')
  console.log('|---|---|---|---|---|---|')
  for (const row of rows) {
    console.log(
      `| ${row.size === 1400 ? '1.4 KB' : '16 KB'} ${row.kind} | ${formatRate(row.official)} (${formatMicros(row.official)}) | ${formatRate(row.oneShot)} (${formatMicros(row.oneShot)}) | ${formatRate(row.verifier)} (${formatMicros(row.verifier)}) | ${ratio(row.oneShot, row.official)} | ${ratio(row.verifier, row.official)} |`,
    )
  }
  return rows
}

/** Starts the sandbox binary (release build unless RAZORPAY_SANDBOX_BIN says otherwise). */
async function startSandbox() {
  const binary =
    process.env.RAZORPAY_SANDBOX_BIN ?? join(process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repoRoot, 'target'), 'release', 'razorpay-sandbox')
  const child = spawn(binary, ['--port', '0', '--key-id', 'rzp_test_bench', '--key-secret', 'bench_secret'], { stdio: ['ignore', 'pipe', 'ignore'] })
  const url = await new Promise((resolveUrl, reject) => {
    let out = ''
    child.once('error', reject)
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match) resolveUrl(match[1])
    })
  })
  child.stdout.resume()
  return { url, binary, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM') }) }
}

console.log(`# @checkout-kit/node benchmark\n\nnode ${process.version}, razorpay ${Razorpay.VERSION}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${quick ? 'quick' : 'full'} run, parts: ${[...parts].join(', ')}`)
const webhook = parts.has('webhook') ? webhookBenchmark() : null
const context = { kit, Razorpay, startSandbox, keyId: 'rzp_test_bench', keySecret: 'bench_secret', quick }
let calls = null
// Each call (throughput) and each memory child gets a sandbox of its own, started afresh.
if (parts.has('api')) calls = await throughputBenchmark(context)
const memory = parts.has('rss') ? await memoryBenchmark(context) : null

const targets = []
if (webhook) {
  const small = webhook.filter((row) => row.size === 1400)
  targets.push(
    ['WebhookVerifier.verify ≥ 2.5x official on 1.4 KB', Math.min(...small.map((r) => r.verifier / r.official)) >= 2.5],
    ['verifyWebhookSignature ≥ 2x official on 1.4 KB', Math.min(...small.map((r) => r.oneShot / r.official)) >= 2],
  )
}
if (calls) {
  targets.push(
    ['orders.create ≥ 1.5x official throughput', calls['orders.create'].ours / calls['orders.create'].official >= 1.5],
    ...Object.entries(calls).map(([name, r]) => [`${name} throughput ≥ official`, r.ours >= r.official]),
  )
}
if (memory) targets.push(['peak RSS ≤ official', memory.ours <= memory.official])
console.log('\n## Targets\n')
for (const [name, met] of targets) console.log(`- ${met ? 'met' : 'NOT met'}: ${name}`)
