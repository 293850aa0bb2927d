// One client in a process of its own, for a fair resident-memory reading: loads only that
// client (`ours` = @checkout-kit/node, `official` = razorpay), runs every benchmarked call at
// concurrency 64 against the sandbox, and prints {peakRssKiB, finalRssKiB} as JSON. `node` loads
// neither client and makes no call: the floor both readings stand on.
//   node bench/rss-child.mjs <ours|official|node> <sandboxUrl> <keyId> <keySecret> <fixturesJson> <callsPerKind>
import { createRequire } from 'node:module'

import { CALLS, throughput } from './workload.mjs'

const require = createRequire(import.meta.url)
const [which, url, keyId, keySecret, fixturesJson, perKind] = process.argv.slice(2)
const fixtures = JSON.parse(fixturesJson)

let client
if (which === 'ours') {
  const Razorpay = require('../index.js')
  client = new Razorpay({ key_id: keyId, key_secret: keySecret, baseUrl: url })
} else if (which === 'official') {
  const Razorpay = require('razorpay')
  client = new Razorpay({ key_id: keyId, key_secret: keySecret })
  client.api.rq.defaults.baseURL = url
} else if (which !== 'node') {
  throw new Error(`unknown client ${which}`)
}

if (client) for (const name of CALLS) await throughput(name, client, fixtures, Number(perKind), 64)
console.log(JSON.stringify({ peakRssKiB: process.resourceUsage().maxRSS, finalRssKiB: Math.round(process.memoryUsage().rss / 1024) }))
