// The API client against the razorpay-sandbox binary: every resource method, the official
// SDK's shapes, every error class with code/statusCode/error body, timeouts, retries, and an
// event loop that keeps turning while requests are in flight.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'

import { kit, startSandbox, assertRejectsCode } from './helpers.mjs'

let sandbox
let client

/** Pays an order through the sandbox's simulated Checkout; returns the razorpay_* triple. */
async function pay(orderId, extra = {}) {
  const { status, body } = await sandbox.control('/checkout', { order_id: orderId, ...extra })
  assert.equal(status, 200, JSON.stringify(body))
  return body
}

/** Requests the sandbox saw, optionally only those to `path`. */
async function requests(path) {
  const { body } = await sandbox.control('/requests')
  return body.items.filter((r) => path === undefined || r.path === path)
}

before(async () => {
  sandbox = await startSandbox()
  client = new kit.RazorpayClient({ key_id: sandbox.keyId, key_secret: sandbox.keySecret, baseUrl: sandbox.url })
})

after(async () => {
  await sandbox?.stop()
})

describe('construction', () => {
  test('the module is the Razorpay class, as the official package', () => {
    assert.equal(kit.Razorpay, kit)
    const rzp = new kit({ key_id: sandbox.keyId, key_secret: sandbox.keySecret, baseUrl: sandbox.url })
    assert.ok(rzp instanceof kit)
    assert.equal(rzp.mode, 'test')
    assert.equal(rzp.key_id, sandbox.keyId)
    // The typed native client stays available.
    assert.equal(new kit.RazorpayClient({ key_id: 'rzp_test_x', key_secret: 's' }).keyId, 'rzp_test_x')
    assert.equal(new kit.Razorpay({ key_id: 'rzp_live_x', key_secret: 's' }).mode, 'live')
  })

  test('the key secret is never exposed', () => {
    assert.ok(!JSON.stringify(client).includes(sandbox.keySecret))
    assert.ok(!Object.values(client).includes(sandbox.keySecret))
  })

  test('bad options are coded errors', () => {
    assert.throws(() => new kit.Razorpay(), (e) => e instanceof TypeError && e.code === 'ERR_INVALID_ARG_TYPE')
    assert.throws(() => new kit.Razorpay({ key_id: 'rzp_test_x' }), (e) => e instanceof TypeError && e.code === 'ERR_INVALID_ARG_VALUE')
    assert.throws(
      () => new kit.Razorpay({ key_id: 'rzp_test_x', key_secret: 12345678 }),
      (e) => e.code === 'ERR_INVALID_ARG_VALUE' && !e.message.includes('12345678'),
    )
    assert.throws(() => new kit.Razorpay({ key_id: 'x', key_secret: 'y', headers: { 'X-Razorpay-Account': 5 } }), (e) => e.code === 'ERR_INVALID_ARG_VALUE' && /headers/.test(e.message))
    assert.throws(() => new kit.Razorpay({ key_id: 'x', key_secret: 'y', headers: { Authorization: 'Basic x' } }), (e) => e.code === 'INVALID_CONFIG')
    assert.throws(() => new kit.Razorpay({ key_id: '', key_secret: 'y' }), (e) => e.code === 'INVALID_CONFIG')
    assert.throws(() => new kit.Razorpay({ key_id: 'x', key_secret: 'y', baseUrl: 'not a url' }), (e) => e.code === 'INVALID_CONFIG')
    assert.throws(() => new kit.Razorpay({ key_id: 'x', key_secret: 'y', timeouts: { request: -1 } }), (e) => e.code === 'ERR_INVALID_ARG_VALUE')
  })
})

describe('orders', () => {
  test('create, fetch, all, edit, fetchPayments', async () => {
    const order = await client.orders.create({ amount: 50000, currency: 'INR', receipt: 'rcpt_node_1', notes: { cart: 'c_1' } })
    assert.match(order.id, /^order_[0-9A-Za-z]{14}$/)
    assert.equal(order.entity, 'order')
    assert.equal(order.amount, 50000)
    assert.equal(order.amount_due, 50000)
    assert.equal(order.amount_paid, 0)
    assert.equal(order.status, 'created')
    assert.deepEqual(order.notes, { cart: 'c_1' })

    assert.deepEqual(await client.orders.fetch(order.id), order)

    const list = await client.orders.all({ receipt: 'rcpt_node_1' })
    assert.equal(list.entity, 'collection')
    assert.ok(list.items.some((o) => o.id === order.id))
    assert.equal((await client.orders.all({ count: 1 })).items.length, 1)
    assert.ok((await client.orders.all()).count >= 1)

    const edited = await client.orders.edit(order.id, { notes: { cart: 'c_1', note: 'gift' } })
    assert.deepEqual(edited.notes, { cart: 'c_1', note: 'gift' })

    const payments = await client.orders.fetchPayments(order.id)
    assert.deepEqual(payments.items, [])
  })

  test('amount as a digit string, flags as 0/1, as the official SDK allows', async () => {
    const order = await client.orders.create({ amount: '25000', currency: 'INR', partial_payment: 1, first_payment_min_amount: 10000 })
    assert.equal(order.amount, 25000)
    assert.equal(order.partial_payment, true)
  })
})

describe('a whole payment: checkout, signature, capture state, refunds', () => {
  test('pay, verify the callback, fetch, refund partly then fully', async () => {
    const order = await client.orders.create({ amount: 120000, currency: 'INR', receipt: 'rcpt_node_2' })
    const callback = await pay(order.id)
    assert.equal(callback.razorpay_order_id, order.id)
    assert.equal(
      kit.verifyPaymentSignature(callback.razorpay_order_id, callback.razorpay_payment_id, callback.razorpay_signature, sandbox.keySecret),
      true,
    )
    assert.equal(
      kit.validatePaymentVerification(
        { order_id: order.id, payment_id: callback.razorpay_payment_id },
        callback.razorpay_signature,
        sandbox.keySecret,
      ),
      true,
    )

    const payment = await client.payments.fetch(callback.razorpay_payment_id)
    assert.equal(payment.status, 'captured')
    assert.equal(payment.order_id, order.id)
    assert.equal(payment.amount, 120000)
    assert.equal((await client.orders.fetch(order.id)).status, 'paid')
    assert.deepEqual((await client.orders.fetchPayments(order.id)).items.map((p) => p.id), [payment.id])
    assert.ok((await client.payments.all({ count: 100 })).items.some((p) => p.id === payment.id))

    const partial = await client.payments.refund(payment.id, { amount: 20000, speed: 'optimum', notes: { reason: 'damaged' } }, { idempotencyKey: 'refund-node-0001' })
    assert.match(partial.id, /^rfnd_/)
    assert.equal(partial.amount, 20000)
    assert.equal(partial.payment_id, payment.id)
    const sent = await requests(`/v1/payments/${payment.id}/refund`)
    assert.equal(sent.at(-1).idempotency_key, 'refund-node-0001')

    const rest = await client.payments.refund(payment.id)
    assert.equal(rest.amount, 100000)
    const refunded = await client.payments.fetch(payment.id)
    assert.equal(refunded.amount_refunded, 120000)
    assert.equal(refunded.status, 'refunded')

    assert.deepEqual(await client.refunds.fetch(partial.id), partial)
    assert.deepEqual(await client.refunds.fetch(partial.id, { payment_id: payment.id }), partial)
    const forPayment = await client.refunds.all({ payment_id: payment.id })
    assert.deepEqual(forPayment.items.map((r) => r.id).sort(), [partial.id, rest.id].sort())
    assert.equal((await client.payments.fetchRefunds(payment.id)).count, 2)
    assert.ok((await client.refunds.all({ count: 100 })).items.some((r) => r.id === rest.id))
  })

  test('manual capture: authorized, then captured with payments.capture', async () => {
    const order = await client.orders.create({ amount: 30000, currency: 'INR', payment_capture: false })
    const callback = await pay(order.id, { outcome: 'authorized' })
    assert.equal((await client.payments.fetch(callback.razorpay_payment_id)).status, 'authorized')
    const captured = await client.payments.capture(callback.razorpay_payment_id, 30000, 'INR')
    assert.equal(captured.status, 'captured')
    assert.equal(captured.captured, true)
  })
})

describe('the drop-in: the official razorpay package sees the same API objects', () => {
  test('an order created by the official SDK fetches identically through ours, and vice versa', async () => {
    const official = sandbox.official()
    const theirs = await official.orders.create({ amount: 42000, currency: 'INR', receipt: 'rcpt_official' })
    assert.deepEqual(await client.orders.fetch(theirs.id), theirs)
    const ours = await client.orders.create({ amount: 43000, currency: 'INR', receipt: 'rcpt_ours' })
    assert.deepEqual(await official.orders.fetch(ours.id), ours)

    // Both reject an unknown id with the same Razorpay error body.
    const officialError = await official.orders.fetch('order_ZZZZZZZZZZZZZZ').catch((e) => e)
    const ourError = await client.orders.fetch('order_ZZZZZZZZZZZZZZ').catch((e) => e)
    assert.equal(ourError.statusCode, officialError.statusCode)
    assert.deepEqual(ourError.error, officialError.error)
    assert.ok(ourError instanceof Error)
  })
})

describe('errors: code, statusCode and the Razorpay error body', () => {
  test('unknown id → NOT_FOUND with the 400 body', async () => {
    const error = await assertRejectsCode(client.orders.fetch('order_DoesNotExist00'), 'NOT_FOUND')
    assert.equal(error.statusCode, 400)
    assert.equal(error.error.code, 'BAD_REQUEST_ERROR')
    assert.equal(error.error.description, 'The id provided does not exist')
    assert.equal(error.requestSent, true)
  })

  test('wrong key → AUTHENTICATION_FAILED 401', async () => {
    const wrong = new kit.RazorpayClient({ key_id: sandbox.keyId, key_secret: 'wrong_secret', baseUrl: sandbox.url })
    const error = await assertRejectsCode(wrong.orders.all(), 'AUTHENTICATION_FAILED')
    assert.equal(error.statusCode, 401)
    assert.equal(error.error.description, 'Authentication failed')
    assert.ok(!error.message.includes('wrong_secret'))
  })

  test('Razorpay rejects → BAD_REQUEST with field', async () => {
    const order = await client.orders.create({ amount: 10000, currency: 'INR' })
    const { razorpay_payment_id: paymentId } = await pay(order.id)
    const error = await assertRejectsCode(client.payments.refund(paymentId, { amount: 20000 }), 'BAD_REQUEST')
    assert.equal(error.statusCode, 400)
    assert.equal(error.error.field, 'amount')
    assert.equal(error.field, 'amount')
    assert.match(error.error.description, /greater than/)
  })

  test('validation before sending: nothing reaches the API', async () => {
    const before = (await requests('/v1/orders')).length
    const zero = await assertRejectsCode(client.orders.create({ amount: 0, currency: 'INR' }), 'AMOUNT_NOT_POSITIVE')
    assert.equal(zero.field, 'amount')
    assert.equal(zero.statusCode, null)
    assert.equal(zero.requestSent, false)
    const receipt = await client.orders.create({ amount: 10000, currency: 'INR', receipt: 'r'.repeat(41) }).catch((e) => e)
    assert.equal(receipt.field, 'receipt')
    assert.equal((await requests('/v1/orders')).length, before)
  })

  test('bad arguments reject (not throw) with coded TypeErrors', async () => {
    const pending = client.orders.create()
    assert.ok(pending instanceof Promise)
    const missing = await assertRejectsCode(pending, 'ERR_INVALID_ARG_TYPE')
    assert.ok(missing instanceof TypeError)
    await assertRejectsCode(client.orders.create({ amount: 1.5, currency: 'INR' }), 'ERR_INVALID_ARG_VALUE')
    await assertRejectsCode(client.orders.create({ amount: 1e300, currency: 'INR' }), 'ERR_INVALID_ARG_VALUE')
    await assertRejectsCode(client.orders.create({ amount: 100, currency: 'INR', method: 'upi' }), 'ERR_INVALID_ARG_VALUE')
    await assertRejectsCode(client.orders.fetch(42), 'ERR_INVALID_ARG_TYPE')
    await assertRejectsCode(client.payments.capture('pay_x', 2 ** 60, 'INR'), 'ERR_OUT_OF_RANGE')
    await assertRejectsCode(client.payments.refund('pay_x', { amount: 100 }, { idempotencyKey: 'short' }), 'IDEMPOTENCY_KEY_INVALID')
  })

  test('a 500 on create is not retried (no duplicate order) → SERVER_ERROR', async () => {
    await sandbox.control('/requests', undefined, 'DELETE')
    await sandbox.control('/faults', { next: [{ kind: 'server_error' }] })
    const error = await assertRejectsCode(client.orders.create({ amount: 10000, currency: 'INR' }), 'SERVER_ERROR')
    assert.equal(error.statusCode, 500)
    assert.equal(error.error.code, 'SERVER_ERROR')
    assert.equal((await requests('/v1/orders')).length, 1, 'the POST was sent exactly once')
  })

  test('a 500 on a GET is retried and succeeds', async () => {
    const order = await client.orders.create({ amount: 10000, currency: 'INR' })
    await sandbox.control('/requests', undefined, 'DELETE')
    await sandbox.control('/faults', { next: [{ kind: 'server_error' }] })
    const fast = new kit.RazorpayClient({
      key_id: sandbox.keyId,
      key_secret: sandbox.keySecret,
      baseUrl: sandbox.url,
      retries: { maxRetries: 2, initialBackoff: 10 },
    })
    assert.equal((await fast.orders.fetch(order.id)).id, order.id)
    assert.deepEqual((await requests(`/v1/orders/${order.id}`)).map((r) => r.status), [500, 200])
  })

  test('429 with retries off → RATE_LIMITED with retryAfter', async () => {
    const noRetry = new kit.RazorpayClient({ key_id: sandbox.keyId, key_secret: sandbox.keySecret, baseUrl: sandbox.url, retries: false })
    await sandbox.control('/faults', { next: [{ kind: 'rate_limited', retry_after_secs: 7 }] })
    const error = await assertRejectsCode(noRetry.orders.all(), 'RATE_LIMITED')
    assert.equal(error.statusCode, 429)
    // Milliseconds, like every Node duration (Retry-After: 7 seconds).
    assert.equal(error.retryAfter, 7000)
  })
})

describe('timeouts and connection failures end within their bounds', () => {
  test('a slow answer past the request timeout → TIMEOUT', async () => {
    const impatient = new kit.RazorpayClient({
      key_id: sandbox.keyId,
      key_secret: sandbox.keySecret,
      baseUrl: sandbox.url,
      timeouts: { request: 300 },
      retries: false,
    })
    await sandbox.control('/faults', { next: [{ kind: 'slow', delay_ms: 3000 }] })
    const started = performance.now()
    const error = await assertRejectsCode(impatient.orders.all(), 'TIMEOUT')
    const elapsed = performance.now() - started
    assert.ok(elapsed < 2000, `timed out after ${elapsed} ms`)
    assert.equal(error.statusCode, null)
    assert.equal(error.requestSent, true)
  })

  test('a server that accepts and never answers → TIMEOUT', async () => {
    const sockets = []
    const silent = createServer((socket) => sockets.push(socket))
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const stuck = new kit.RazorpayClient({
        key_id: 'rzp_test_x',
        key_secret: 'secret',
        baseUrl: `http://127.0.0.1:${silent.address().port}`,
        timeouts: { connect: 500, request: 400 },
        retries: false,
      })
      const started = performance.now()
      await assertRejectsCode(stuck.orders.fetch('order_AAAAAAAAAAAAAA'), 'TIMEOUT')
      assert.ok(performance.now() - started < 2000)
    } finally {
      sockets.forEach((s) => s.destroy())
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  test('nothing listening → CONNECTION_FAILED, request not sent', async () => {
    const probe = createServer()
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address()
    await new Promise((resolve) => probe.close(resolve))
    const nowhere = new kit.RazorpayClient({ key_id: 'rzp_test_x', key_secret: 's', baseUrl: `http://127.0.0.1:${port}`, retries: false })
    const error = await assertRejectsCode(nowhere.orders.all(), 'CONNECTION_FAILED')
    assert.equal(error.requestSent, false)
  })
})

describe('Promises run on the tokio runtime', () => {
  test('the event loop keeps turning while 32 slow requests are in flight', async () => {
    await sandbox.control('/faults', { next: Array.from({ length: 32 }, () => ({ kind: 'slow', delay_ms: 300 })) })
    let ticks = 0
    const timer = setInterval(() => {
      ticks += 1
    }, 10)
    const started = performance.now()
    const orders = await Promise.all(Array.from({ length: 32 }, (_, i) => client.orders.create({ amount: 10000 + i, currency: 'INR' })))
    const elapsed = performance.now() - started
    clearInterval(timer)
    assert.equal(new Set(orders.map((o) => o.id)).size, 32)
    assert.ok(ticks >= 10, `only ${ticks} timer ticks in ${elapsed} ms`)
    assert.ok(elapsed < 32 * 300, `requests ran concurrently (${elapsed} ms)`)
  })
})
