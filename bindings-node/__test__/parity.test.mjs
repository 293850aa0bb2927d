// Parity proof for the "drop-in" claim: every resource method of the official `razorpay`
// package (2.9.8, a devDependency) and the same call through @checkout-kit/node are sent to one
// local HTTP server that records each request; the two requests must be identical: method,
// path and query (byte for byte), body (byte for byte), and the headers that matter
// (Authorization, Content-Type of a body, X-Razorpay-Account). User-Agent and Accept differ by
// design (each client names itself).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { kit, Razorpay as Official } from './helpers.mjs'

const KEY_ID = 'rzp_test_parity00001'
const KEY_SECRET = 'parity_secret'
const ACCOUNT = 'acc_parity0001'
const RELEVANT_HEADERS = ['authorization', 'x-razorpay-account']
const uploadPath = join(mkdtempSync(join(tmpdir(), 'parity-')), 'evidence.pdf')
writeFileSync(uploadPath, '%PDF-1.4 parity evidence')

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

/**
 * Upload parameters: a file stream (as the official examples pass) with every argument, a
 * Buffer with only the required ones.
 */
function uploadParams(rich) {
  const value = rich ? createReadStream(uploadPath) : Buffer.from('%PDF-1.4 parity')
  return { file: { value }, purpose: 'dispute_evidence', ...(rich ? { meta: { case: 'parity 1' } } : {}) }
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
        args.push(endpoint.body.kind === 'multipart' ? uploadParams(rich) : richParams())
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

/** What must match; a multipart boundary is random on both sides, so it is named BOUNDARY. */
function comparable(request) {
  const headers = {}
  for (const name of RELEVANT_HEADERS) headers[name] = request.headers[name]
  let body = request.body.toString('latin1')
  if (request.body.length > 0) {
    let contentType = request.headers['content-type']
    const boundary = /boundary=(.+)$/.exec(contentType ?? '')?.[1]
    if (boundary) {
      contentType = contentType.replace(boundary, 'BOUNDARY')
      body = body.split(boundary).join('BOUNDARY')
    }
    headers['content-type'] = contentType
  }
  return { method: request.method, url: request.url, headers, body }
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
      // Fresh arguments for each client: a file stream is read once.
      const theirs = (await sent(server, () => official[resource][method](...argsFor(endpoint, rich)))).map(comparable)
      const mine = (await sent(server, () => ours[resource][method](...argsFor(endpoint, rich)))).map(comparable)
      // With every argument each method must really send (so each is exercised); with only
      // the required ones, a method the official package refuses must be refused by us too.
      if (rich && theirs.length === 0) {
        differences.push(`${name}: the official method sent nothing`)
        same = false
      }
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
  assert.deepEqual(differences, [])
  assert.equal(identical, officialMethods.length)
})
