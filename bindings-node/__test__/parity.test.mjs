// Parity proof for the "drop-in" claim: every resource method of the official `razorpay`
// package (2.9.8, a devDependency) and the same call through @checkout-kit/node are sent to one
// local HTTP server that records each request; the two requests must be identical: method,
// path and query (byte for byte), body (byte for byte), and the headers that matter
// (Authorization, Content-Type of a body, X-Razorpay-Account). User-Agent and Accept differ by
// design (each client names itself).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'

import { kit, Razorpay as Official } from './helpers.mjs'

const KEY_ID = 'rzp_test_parity00001'
const KEY_SECRET = 'parity_secret'
const ACCOUNT = 'acc_parity0001'
const RELEVANT_HEADERS = ['authorization', 'x-razorpay-account']

/** A local server that records every request and answers with the expected entity. */
async function recorder() {
  const seen = []
  let entity = null
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) })
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(entity ? { id: 'x_1', entity } : { id: 'x_1' }))
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    expect(value) {
      entity = value
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

/** The parameters every params argument gets: list window, a date, expand, unknown fields. */
function richParams() {
  return {
    amount: 5000,
    receipt: 'rcpt 1',
    notes: { purpose: 'parity & test' },
    from: '2024-01-01',
    to: 1704153600,
    count: 5,
    skip: 1,
    'expand[]': 'card',
    payment_id: 'pay_parity1',
    status: 'active',
    customer: { name: 'Gaurav Kumar', contact: '+919000090000' },
    line_items: [{ name: 'item', amount: 100 }],
    future_field: 'passed through',
  }
}

/** Positional arguments for a method: every argument (rich), or only the required ones. */
function argsFor(endpoint, rich) {
  const args = []
  for (const arg of endpoint.args) {
    if (!rich && !arg.required) {
      args.push(undefined)
      continue
    }
    switch (arg.kind) {
      case 'id':
        args.push(arg.name === 'medium' ? 'sms' : `${arg.name.replace(/_id$/, '')}_P1`)
        break
      case 'params':
        args.push(richParams())
        break
      case 'value':
        args.push(arg.name === 'amount' ? 5000 : 'INR')
        break
      case 'flag':
        args.push(true)
        break
    }
  }
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop()
  return args
}

/** Runs one call and returns the requests it sent. */
async function sent(server, call) {
  const before = server.seen.length
  try {
    await call()
  } catch {
    // Both clients may refuse a call; what matters is what reached the server.
  }
  return server.seen.slice(before)
}

function comparable(request) {
  const headers = {}
  for (const name of RELEVANT_HEADERS) headers[name] = request.headers[name]
  if (request.body.length > 0) headers['content-type'] = request.headers['content-type']
  return { method: request.method, url: request.url, headers, body: request.body.toString('utf8') }
}

test('every official method sends the identical request', async () => {
  const server = await recorder()
  const options = { key_id: KEY_ID, key_secret: KEY_SECRET, headers: { 'X-Razorpay-Account': ACCOUNT } }
  const official = new Official(options)
  official.api.rq.defaults.baseURL = server.url
  const ours = new kit({ ...options, baseUrl: server.url, retries: false })

  const officialMethods = []
  for (const [resource, api] of Object.entries(official)) {
    if (api && typeof api === 'object' && resource !== 'api') {
      for (const method of Object.keys(api)) officialMethods.push(`${resource}.${method}`)
    }
  }
  const table = new Map(kit.apiEndpoints().map((e) => [e.name, e]))
  const differences = []
  let identical = 0
  for (const name of officialMethods) {
    const endpoint = table.get(name)
    if (!endpoint) {
      differences.push(`${name}: missing`)
      continue
    }
    const [resource, method] = name.split('.')
    let same = true
    for (const rich of [true, false]) {
      server.expect(endpoint.entity)
      const args = argsFor(endpoint, rich)
      const theirs = (await sent(server, () => official[resource][method](...args))).map(comparable)
      const mine = (await sent(server, () => ours[resource][method](...args))).map(comparable)
      try {
        assert.deepEqual(mine, theirs)
      } catch {
        same = false
        differences.push(`${name} (${rich ? 'all arguments' : 'required only'}):\n  official ${JSON.stringify(theirs)}\n  ours     ${JSON.stringify(mine)}`)
      }
    }
    if (same) identical += 1
  }
  await server.close()
  console.log(`${identical} of ${officialMethods.length} methods send identical requests`)
  if (differences.length > 0) console.log(differences.join('\n'))
  assert.equal(officialMethods.length, 142)
  // The three document uploads (multipart/form-data) are the known, documented difference.
  const known = ['accounts.uploadAccountDoc', 'stakeholders.uploadStakeholderDoc', 'documents.create']
  const unexpected = differences.filter((d) => !known.some((k) => d.startsWith(`${k} `)))
  assert.deepEqual(unexpected, [])
})
