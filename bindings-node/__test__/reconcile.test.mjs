// Reconciliation over the JSON state: unit cases through the binding, then a whole checkout
// against the sandbox whose signed webhooks (duplicated and shuffled) are verified with
// WebhookVerifier.constructEvent and folded in with applyPaymentEvent.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'

import { kit, fixture, startSandbox, assertThrowsCode } from './helpers.mjs'

const ORDER = 'order_DESlLckIVRkHWj'
const PAYMENT = 'pay_DESlfW9H8K9uqM'

/** A webhook event for ORDER built from the documented payment.captured sample. */
function paymentEvent(name, status, { amount = 50000, captured = status === 'captured' } = {}) {
  const sample = JSON.parse(fixture('webhooks/payment.captured.json').toString('utf8'))
  sample.event = name
  Object.assign(sample.payload.payment.entity, { id: PAYMENT, order_id: ORDER, amount, currency: 'INR', status, captured })
  const body = JSON.stringify(sample)
  return new kit.WebhookVerifier('whsec').constructEvent(body, kit.signWebhook(body, 'whsec'))
}

describe('applyPaymentEvent', () => {
  test('callback → AUTHORIZED, captured webhook → PAID with effects once', () => {
    const state = kit.createPaymentState(ORDER, 50000, 'INR')
    assert.equal(state.status, 'AWAITING_PAYMENT')
    const afterCallback = kit.applyPaymentEvent(state, { type: 'callback', razorpayOrderId: ORDER, razorpayPaymentId: PAYMENT })
    assert.equal(afterCallback.state.status, 'AUTHORIZED')
    assert.equal(afterCallback.changed, true)

    const captured = { type: 'webhook', eventId: 'evt_1', event: paymentEvent('payment.captured', 'captured') }
    const paid = kit.applyPaymentEvent(afterCallback.state, captured)
    assert.equal(paid.state.status, 'PAID')
    assert.equal(paid.state.amountPaid, 50000)
    assert.deepEqual(paid.effects, [
      { type: 'MARK_ORDER_PAID', razorpayOrderId: ORDER, amount: 50000, currency: 'INR' },
      { type: 'NOTIFY_CUSTOMER', notification: { kind: 'PAYMENT_RECEIVED' } },
    ])

    const again = kit.applyPaymentEvent(paid.state, captured)
    assert.equal(again.duplicate, true)
    assert.equal(again.changed, false)
    assert.deepEqual(again.effects, [])
    assert.deepEqual(again.state, paid.state)
  })

  test('order of inputs does not matter; a late payment.failed does not downgrade PAID', () => {
    const inputs = [
      { type: 'webhook', eventId: 'evt_a', event: paymentEvent('payment.authorized', 'authorized') },
      { type: 'webhook', eventId: 'evt_c', event: paymentEvent('payment.captured', 'captured') },
      { type: 'callback', razorpayOrderId: ORDER, razorpayPaymentId: PAYMENT },
      { type: 'webhook', eventId: 'evt_f', event: paymentEvent('payment.failed', 'failed') },
    ]
    const finals = [inputs, [...inputs].reverse(), [inputs[1], inputs[3], inputs[0], inputs[2], inputs[1]]].map((sequence) => {
      let state = kit.createPaymentState(ORDER, 50000, 'INR')
      const effects = []
      for (const input of sequence) {
        const outcome = kit.applyPaymentEvent(state, input)
        state = outcome.state
        effects.push(...outcome.effects)
      }
      return { state, effects: effects.map((e) => e.type).sort() }
    })
    for (const final of finals) {
      assert.equal(final.state.status, 'PAID')
      assert.deepEqual(final.state, finals[0].state)
      assert.deepEqual(final.effects, ['MARK_ORDER_PAID', 'NOTIFY_CUSTOMER'])
    }
  })

  test('the state may be stored as JSON text; manual capture asks to capture', () => {
    const state = JSON.stringify(kit.createPaymentState(ORDER, 50000, 'INR', { captureMode: 'manual' }))
    const outcome = kit.applyPaymentEvent(state, { type: 'webhook', eventId: 'evt_m', event: paymentEvent('payment.authorized', 'authorized') })
    assert.deepEqual(outcome.effects, [{ type: 'CAPTURE_PAYMENT', paymentId: PAYMENT, amount: 50000, currency: 'INR' }])
  })

  test('an amount mismatch is an anomaly, abandonment releases stock', () => {
    let state = kit.createPaymentState(ORDER, 50000, 'INR')
    const short = kit.applyPaymentEvent(state, { type: 'webhook', eventId: 'evt_s', event: paymentEvent('payment.captured', 'captured', { amount: 100 }) })
    assert.ok(short.newAnomalies.some((a) => a.type === 'PAYMENT_AMOUNT_MISMATCH' && a.amount === 100))
    assert.notEqual(short.state.status, 'PAID')
    state = kit.applyPaymentEvent(short.state, { type: 'abandoned', at: 1700000000 }).state
    assert.equal(state.abandonedAt, 1700000000)
  })

  test('bad states and inputs throw coded errors; nothing crashes', () => {
    const state = kit.createPaymentState(ORDER, 50000, 'INR')
    assertThrowsCode(() => kit.applyPaymentEvent(state, { type: 'teleport' }), 'RECONCILE_INVALID_JSON')
    assertThrowsCode(() => kit.applyPaymentEvent({ ...state, amount: -5 }, { type: 'abandoned', at: 1 }), 'RECONCILE_INVALID_STATE')
    assertThrowsCode(() => kit.applyPaymentEvent('{not json', { type: 'abandoned', at: 1 }), 'RECONCILE_INVALID_JSON')
    assertThrowsCode(() => kit.applyPaymentEvent(state, { type: 'callback', razorpayOrderId: ORDER, razorpayPaymentId: '' }), 'RECONCILE_INVALID_INPUT')
    assertThrowsCode(() => kit.applyPaymentEvent(state), 'ERR_INVALID_ARG_TYPE', TypeError)
    assertThrowsCode(() => kit.createPaymentState(ORDER, 0, 'INR'), 'RECONCILE_INVALID_STATE')
    assertThrowsCode(() => kit.createPaymentState(ORDER, 1.5, 'INR'), 'ERR_OUT_OF_RANGE', RangeError)
  })
})

describe('a whole checkout reconciled from signed sandbox webhooks (duplicated, shuffled)', () => {
  let sandbox
  let receiver
  const deliveries = []
  let notify = () => {}

  before(async () => {
    receiver = createServer((request, response) => {
      const chunks = []
      request.on('data', (chunk) => chunks.push(chunk))
      request.on('end', () => {
        deliveries.push({
          body: Buffer.concat(chunks),
          signature: request.headers['x-razorpay-signature'],
          eventId: request.headers['x-razorpay-event-id'],
        })
        response.writeHead(200).end('ok')
        notify()
      })
    })
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    sandbox = await startSandbox(['--webhook-url', `http://127.0.0.1:${receiver.address().port}/webhooks`])
    await sandbox.control('/webhooks/faults', { duplicate_rate: 1.0, shuffle_window_ms: 50 })
  })

  after(async () => {
    await sandbox?.stop()
    await new Promise((resolve) => receiver?.close(resolve))
  })

  test('pay, refund partly then fully: the webhook-built state matches the API', async () => {
    const client = new kit.RazorpayClient({ key_id: sandbox.keyId, key_secret: sandbox.keySecret, baseUrl: sandbox.url })
    const verifier = new kit.WebhookVerifier([sandbox.webhookSecret, 'an_old_secret'])
    const order = await client.orders.create({ amount: 80000, currency: 'INR' })
    let state = kit.createPaymentState(order.id, order.amount, order.currency)
    const effects = []
    const applyAll = () => {
      while (deliveries.length > 0) {
        const delivery = deliveries.shift()
        const event = verifier.constructEvent(delivery.body, delivery.signature)
        const outcome = kit.applyPaymentEvent(state, { type: 'webhook', eventId: delivery.eventId, event })
        state = outcome.state
        effects.push(...outcome.effects)
      }
    }
    const settle = async () => {
      const { body } = await sandbox.control('/webhooks/idle?timeout_ms=10000')
      assert.equal(body.idle, true)
      applyAll()
    }

    const { status, body: callback } = await sandbox.control('/checkout', { order_id: order.id })
    assert.equal(status, 200)
    await settle()
    assert.equal(state.status, 'PAID')
    assert.equal(state.amountPaid, 80000)

    await client.payments.refund(callback.razorpay_payment_id, { amount: 30000 })
    await settle()
    assert.equal(state.status, 'PARTIALLY_REFUNDED')
    await client.payments.refund(callback.razorpay_payment_id)
    await settle()
    assert.equal(state.status, 'REFUNDED')

    const payment = await client.payments.fetch(callback.razorpay_payment_id)
    assert.equal(state.amountRefunded, payment.amount_refunded)
    assert.equal(state.amountPaid, (await client.orders.fetch(order.id)).amount_paid)
    // Every event arrived twice, yet each effect happened once.
    assert.equal(effects.filter((e) => e.type === 'MARK_ORDER_PAID').length, 1)
    assert.ok(state.appliedEventIds.length >= 5)
    // Fetching from the API afterwards changes nothing.
    const fetched = kit.applyPaymentEvent(state, { type: 'fetchedPayment', payment })
    assert.equal(fetched.state.status, 'REFUNDED')
    assert.deepEqual(fetched.effects, [])
  })
})
