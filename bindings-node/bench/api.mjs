// API-call benchmark (issue item 7): each call of CALLS through @checkout-kit/node and through
// the official `razorpay` package against a razorpay-sandbox at concurrency 64, in one run
// (rounds interleaved, median per client; a fresh sandbox per call), then the resident memory
// of each client in a separate child process running the same calls (median of peak RSS over
// alternating runs, a fresh sandbox per child).
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { median } from './stats.mjs'
import { CALLS, call, prepare, throughput } from './workload.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const CONCURRENCY = 64

function ratio(ours, theirs) {
  return `${(ours / theirs).toFixed(2)}x`
}

/**
 * Calls per timed round. `customers.create` gets an eighth: the sandbox checks each new customer
 * against every customer it holds (`fail_existing`), so 57,000 creates cost it minutes and time
 * the sandbox rather than the clients.
 */
function callsPerRound(name, quick) {
  const total = quick ? 1_000 : 4_000
  return name === 'customers.create' ? total / 8 : total
}

/**
 * Throughput of every call through both clients; { name: { official, ours, samples } }. Each
 * call gets a freshly started sandbox (`startSandbox`), so one call's leftovers (the customers
 * list grows by every `customers.create`, and the sandbox scans it) do not slow the next.
 */
export async function throughputBenchmark({ kit, Razorpay, startSandbox, keyId, keySecret, quick }) {
  const rounds = quick ? 3 : 7
  const results = {}
  for (const name of CALLS) {
    const total = callsPerRound(name, quick)
    const sandbox = await startSandbox()
    try {
      const ours = new kit.Razorpay({ key_id: keyId, key_secret: keySecret, baseUrl: sandbox.url })
      const official = new Razorpay({ key_id: keyId, key_secret: keySecret })
      official.api.rq.defaults.baseURL = sandbox.url
      const clients = { official, ours }
      const fixtures = await prepare(ours, sandbox.url, 'tp')
      // Both answer the same call with the same kind of object before anything is timed.
      const [a, b] = [await call(name, official, fixtures), await call(name, ours, fixtures)]
      if (JSON.stringify(Object.keys(a).sort()) !== JSON.stringify(Object.keys(b).sort())) throw new Error(`${name}: different answers`)
      // Warm-up: connections, JIT, the sandbox's allocations.
      for (const client of Object.values(clients)) await throughput(name, client, fixtures, 500, CONCURRENCY)
      const samples = { official: [], ours: [] }
      for (let round = 0; round < rounds; round += 1) {
        for (const who of round % 2 ? ['ours', 'official'] : ['official', 'ours']) {
          samples[who].push(await throughput(name, clients[who], fixtures, total, CONCURRENCY))
        }
      }
      results[name] = { official: median(samples.official), ours: median(samples.ours), samples }
      console.error(`${name}: official ${results[name].official.toFixed(0)}/s, ours ${results[name].ours.toFixed(0)}/s`)
    } finally {
      await sandbox.stop()
    }
  }
  console.log(`\n## API calls at concurrency ${CONCURRENCY} against a fresh razorpay-sandbox per call (${callsPerRound('orders.create', quick)} calls per round, ${callsPerRound('customers.create', quick)} for customers.create; median of ${rounds} rounds, interleaved)\n`)
  console.log('| call | official razorpay (axios) | @checkout-kit/node | ours / official |')
  console.log('|---|---|---|---|')
  for (const [name, r] of Object.entries(results)) {
    console.log(`| \`${name}\` | ${r.official.toFixed(0)} calls/s | ${r.ours.toFixed(0)} calls/s | **${ratio(r.ours, r.official)}** |`)
  }
  console.log('\nper round (calls/s):')
  for (const [name, r] of Object.entries(results)) {
    console.log(`- ${name}: official ${r.samples.official.map((x) => x.toFixed(0)).join(', ')}; ours ${r.samples.ours.map((x) => x.toFixed(0)).join(', ')}`)
  }
  return results
}

/** Runs one child and resolves with its {peakRssKiB, finalRssKiB}. */
function child(which, sandbox, keyId, keySecret, fixtures, perKind) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(here, 'rss-child.mjs'), which, sandbox.url, keyId, keySecret, JSON.stringify(fixtures), String(perKind)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    proc.stdout.on('data', (chunk) => {
      out += chunk
    })
    proc.once('error', reject)
    proc.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${which} child exited with ${code}`))
      resolve(JSON.parse(out.trim().split('\n').pop()))
    })
  })
}

/**
 * Peak resident memory of each client in its own process; { official, ours } in KiB. Every
 * child gets a fresh sandbox (started with `startSandbox`), so neither client meets a sandbox
 * the other has filled (customers.create slows down as the customer list grows). Rounds
 * alternate which client goes first; BENCH_RSS_RUNS sets their number (default 5, quick 1).
 */
export async function memoryBenchmark({ kit, startSandbox, keyId, keySecret, quick }) {
  const runs = Number(process.env.BENCH_RSS_RUNS ?? (quick ? 1 : 5))
  const perKind = quick ? 500 : 2_000
  const samples = { official: [], ours: [], node: [] }
  for (let run = 0; run < runs; run += 1) {
    for (const who of run % 2 ? ['ours', 'official', 'node'] : ['node', 'official', 'ours']) {
      const sandbox = await startSandbox()
      try {
        const setupClient = new kit.Razorpay({ key_id: keyId, key_secret: keySecret, baseUrl: sandbox.url })
        const fixtures = await prepare(setupClient, sandbox.url, `rss${run}${who}`)
        const started = Date.now()
        const sample = await child(who, sandbox, keyId, keySecret, fixtures, perKind)
        samples[who].push(sample)
        console.error(`rss run ${run + 1}/${runs} ${who}: peak ${(sample.peakRssKiB / 1024).toFixed(1)} MiB, end ${(sample.finalRssKiB / 1024).toFixed(1)} MiB (${((Date.now() - started) / 1000).toFixed(1)} s)`)
      } finally {
        await sandbox.stop()
      }
    }
  }
  const peak = (who) => median(samples[who].map((s) => s.peakRssKiB))
  const final = (who) => median(samples[who].map((s) => s.finalRssKiB))
  const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`
  const all = (who, key) => samples[who].map((s) => (s[key] / 1024).toFixed(1)).join(', ')
  console.log(`\n## Resident memory: each client alone in a child process running ${perKind} of each call at concurrency ${CONCURRENCY} (median of ${runs}, fresh sandbox each)\n`)
  console.log('| client | peak RSS | RSS at the end |')
  console.log('|---|---|---|')
  console.log(`| official razorpay (axios) | ${mib(peak('official'))} | ${mib(final('official'))} |`)
  console.log(`| @checkout-kit/node | ${mib(peak('ours'))} | ${mib(final('ours'))} |`)
  console.log(`| node alone (no client, no calls) | ${mib(peak('node'))} | ${mib(final('node'))} |`)
  console.log(`\npeak RSS ours / official: ${(peak('ours') / peak('official')).toFixed(2)}; above node alone: ours ${mib(peak('ours') - peak('node'))}, official ${mib(peak('official') - peak('node'))}`)
  console.log(`\nper run (MiB): official peak ${all('official', 'peakRssKiB')}; ours peak ${all('ours', 'peakRssKiB')}; node alone ${all('node', 'peakRssKiB')}`)
  return { official: peak('official'), ours: peak('ours'), samples }
}
