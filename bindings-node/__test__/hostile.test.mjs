// Issue 15, attacks 2-4 from Node: a hostile API endpoint cannot make the client read a huge
// body (success or error), blow up err.message with a huge description, redirect it elsewhere
// or pass off another entity; a live key refuses plain HTTP.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'

import { kit, assertRejectsCode } from './helpers.mjs'

const HUGE = 64 * 1024 * 1024
const LIMIT = 1024 * 1024
let server
let url
let targetHits = 0

before(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/v1/payments/pay_streamed':
      case '/v1/payments/pay_streamed_error': {
        res.writeHead(req.url.endsWith('error') ? 500 : 200, { 'content-type': 'application/json' })
        const chunk = Buffer.alloc(64 * 1024, 'x')
        let sent = 0
        const pump = () => {
          while (sent < HUGE) {
            sent += chunk.length
            if (!res.write(chunk)) return res.once('drain', pump)
          }
          res.end()
        }
        res.on('error', () => {})
        return pump()
      }
      case '/v1/payments/pay_long_description': {
        const body = JSON.stringify({ error: { code: 'BAD_REQUEST_ERROR', description: 'd'.repeat(512 * 1024) } })
        res.writeHead(400, { 'content-type': 'application/json' })
        return res.end(body)
      }
      case '/v1/payments/pay_redirect':
        res.writeHead(302, { location: '/v1/orders/order_target' })
        return res.end()
      case '/v1/orders/order_target':
        targetHits += 1
      // falls through: an order object
      case '/v1/payments/pay_is_an_order':
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ id: 'order_target', entity: 'order', amount: 100, currency: 'INR', status: 'created', created_at: 1 }))
      default:
        res.writeHead(404)
        return res.end()
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${server.address().port}`
})

after(() => {
  server.closeAllConnections?.()
  server.close()
})

function client() {
  return new kit.Razorpay({ key_id: 'rzp_test_hostile000001', key_secret: 's', baseUrl: url, retries: false, maxResponseBytes: LIMIT })
}

test('huge bodies stop at maxResponseBytes, success and error alike', async () => {
  const c = client()
  for (const [id, status] of [['pay_streamed', 200], ['pay_streamed_error', 500]]) {
    const err = await assertRejectsCode(c.payments.fetch(id), 'RESPONSE_TOO_LARGE')
    assert.equal(err.statusCode, status)
  }
  assert.equal(new kit.Razorpay({ key_id: 'rzp_test_x', key_secret: 's' }).mode, 'test')
  assert.throws(() => new kit.Razorpay({ key_id: 'rzp_test_x', key_secret: 's', maxResponseBytes: 0 }), (e) => e.code === 'INVALID_CONFIG')
})

test('a long error description is kept in err.error but clipped in err.message', async () => {
  const err = await assertRejectsCode(client().payments.fetch('pay_long_description'), 'BAD_REQUEST')
  assert.ok(err.message.length < 1024, `message of ${err.message.length} characters`)
  assert.equal(err.error.description.length, 512 * 1024)
})

test('redirects are not followed and another entity is refused', async () => {
  const redirected = await assertRejectsCode(client().payments.fetch('pay_redirect'), 'UNEXPECTED_RESPONSE')
  assert.equal(redirected.statusCode, 302)
  assert.equal(targetHits, 0)
  const wrong = await assertRejectsCode(client().payments.fetch('pay_is_an_order'), 'UNEXPECTED_RESPONSE')
  assert.match(wrong.message, /"order"/)
})

test('a live key refuses a plain-HTTP base URL', () => {
  assert.throws(
    () => new kit.Razorpay({ key_id: 'rzp_live_hostile000001', key_secret: 'live-secret', baseUrl: url }),
    (e) => e.code === 'INVALID_CONFIG' && /https/.test(e.message) && !e.message.includes('live-secret'),
  )
  assert.equal(new kit.Razorpay({ key_id: 'rzp_live_x', key_secret: 's', baseUrl: 'https://127.0.0.1:1' }).mode, 'live')
})
