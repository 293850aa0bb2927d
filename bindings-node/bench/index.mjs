// Benchmark: @checkout-kit/node against the official `razorpay` package on the same inputs.
//   1. webhook verification on identical 1.4 KB and 16 KB bodies (Buffer and string):
//      our verifyWebhookSignature and WebhookVerifier.verify vs the official
//      validateWebhookSignature;
//   2. orders.create throughput at concurrency 64, both clients against the same
//      razorpay-sandbox.
// Prints medians and ratios. Run with `npm run bench` (release builds of the module and the
// sandbox); BENCH_QUICK=1 shortens it.
import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import os from 'node:os'

import { compare, formatMicros, formatRate, median } from './stats.mjs'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..', '..')
const kit = require('../index.js')
const Razorpay = require('razorpay')
const { validateWebhookSignature } = require('razorpay/dist/utils/razorpay-utils')

const quick = process.env.BENCH_QUICK === '1'
const SECRET = 'whsec_bench_3f9a0c'

/** A realistic payment.captured body padded (in notes) to exactly `size` bytes. */
function webhookBody(size) {
  const sample = JSON.parse(readFileSync(join(repoRoot, '..', 'shared', 'fixtures', 'webhooks', 'payment.captured.json'), 'utf8'))
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

/** Sends `total` orders.create calls through `create` with `concurrency` in flight; req/s. */
async function throughput(create, total, concurrency) {
  let next = 0
  const start = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1
        await create(next)
      }
    }),
  )
  return total / (Number(process.hrtime.bigint() - start) / 1e9)
}

async function ordersBenchmark() {
  const sandbox = await startSandbox()
  try {
    const ours = new kit.Razorpay({ key_id: 'rzp_test_bench', key_secret: 'bench_secret', baseUrl: sandbox.url })
    const official = new Razorpay({ key_id: 'rzp_test_bench', key_secret: 'bench_secret' })
    official.api.rq.defaults.baseURL = sandbox.url
    const params = (i) => ({ amount: 50000 + (i % 1000), currency: 'INR', receipt: `bench_${i}`, notes: { cart: `cart_${i}` } })
    const candidates = {
      official: (i) => official.orders.create(params(i)),
      ours: (i) => ours.orders.create(params(i)),
    }
    // Both produce the same order object from the same sandbox.
    const [a, b] = await Promise.all([candidates.official(1), candidates.ours(1)])
    if (JSON.stringify(Object.keys(a).sort()) !== JSON.stringify(Object.keys(b).sort())) throw new Error('different order shapes')

    const concurrency = 64
    const total = quick ? 1_000 : 4_000
    const rounds = quick ? 3 : 7
    const samples = { official: [], ours: [] }
    await throughput(candidates.official, 500, concurrency) // warm-up: connections, JIT
    await throughput(candidates.ours, 500, concurrency)
    for (let round = 0; round < rounds; round += 1) {
      for (const name of round % 2 ? ['ours', 'official'] : ['official', 'ours']) {
        samples[name].push(await throughput(candidates[name], total, concurrency))
      }
    }
    const result = { official: median(samples.official), ours: median(samples.ours) }
    console.log(`\n## orders.create at concurrency ${concurrency} against one razorpay-sandbox (${total} orders per round, median of ${rounds} rounds)\n`)
    console.log('| client | throughput | per round |')
    console.log('|---|---|---|')
    console.log(`| official razorpay (axios) | ${result.official.toFixed(0)} orders/s | ${samples.official.map((r) => r.toFixed(0)).join(', ')} |`)
    console.log(`| @checkout-kit/node | ${result.ours.toFixed(0)} orders/s | ${samples.ours.map((r) => r.toFixed(0)).join(', ')} |`)
    console.log(`\nratio ours / official: ${ratio(result.ours, result.official)}`)
    return result
  } finally {
    await sandbox.stop()
  }
}

console.log(`# @checkout-kit/node benchmark\n\nnode ${process.version}, razorpay ${Razorpay.VERSION}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${quick ? 'quick' : 'full'} run`)
const webhook = webhookBenchmark()
const orders = await ordersBenchmark()

const small = webhook.filter((row) => row.size === 1400)
const targets = [
  ['WebhookVerifier.verify ≥ 2.5x official on 1.4 KB', Math.min(...small.map((r) => r.verifier / r.official)) >= 2.5],
  ['verifyWebhookSignature ≥ 2x official on 1.4 KB', Math.min(...small.map((r) => r.oneShot / r.official)) >= 2],
  ['orders.create ≥ 1.5x official throughput', orders.ours / orders.official >= 1.5],
]
console.log('\n## Targets\n')
for (const [name, met] of targets) console.log(`- ${met ? 'met' : 'NOT met'}: ${name}`)
