// The checkout of docs/api-conventions.md ("The same checkout in four languages"), in
// TypeScript/JavaScript: validate, plan, verify the callback, construct the webhook event, apply.
// tests/readme.rs checks that the doc's block is an excerpt of this file.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { kit } from './helpers.mjs'

const { validateCart, planCheckout, verifyPaymentSignature, WebhookVerifier, createPaymentState,
  applyPaymentEvent, signPayment, signWebhook } = kit

const ORDER = 'order_DESlLckIVRkHWj'
const PAYMENT = 'pay_DESlfW9H8K9uqM'

test('the same checkout', () => {
  const keySecret = 'key_secret'
  const webhookSecret = 'whsec_1'
  const body = Buffer.from(JSON.stringify({
    entity: 'event', account_id: 'acc_1', event: 'payment.captured', contains: ['payment'],
    payload: { payment: { entity: { id: PAYMENT, entity: 'payment', amount: 55000, currency: 'INR',
      status: 'captured', order_id: ORDER, captured: true, notes: [] } } },
    created_at: 1700000000,
  }))
  const webhookSignature = signWebhook(body, webhookSecret)
  const razorpaySignature = signPayment(ORDER, PAYMENT, keySecret)

  // 1. Validate the cart: problems are data, not errors.
  const cart = { currency: 'INR', lines: [{ lineId: 'l1', productId: 'tea', quantity: 2, unitPrice: 27500 }] }
  const catalog = { items: [{ productId: 'tea', unitPrice: 27500, currency: 'INR', stockOnHand: 40 }] }
  const report = validateCart(cart, catalog)
  assert.equal(report.isValid, true)

  // 2. Plan the order: the amount to create the Razorpay order with.
  const { plan } = planCheckout(cart, catalog)
  assert.equal(plan.total, 55000)

  // 3. Verify the checkout callback: a verdict (true/false).
  assert.equal(verifyPaymentSignature(ORDER, PAYMENT, razorpaySignature, keySecret), true)
  const callback = { type: 'callback', razorpayOrderId: ORDER, razorpayPaymentId: PAYMENT }

  // 4. Construct the webhook event: only a verified body becomes an event.
  const event = new WebhookVerifier(webhookSecret).constructEvent(body, webhookSignature)

  // 5. Apply both to the order's payment state, in any order.
  const state = createPaymentState(ORDER, plan.total, 'INR')
  const authorized = applyPaymentEvent(state, callback)
  const paid = applyPaymentEvent(authorized.state, { type: 'webhook', eventId: 'evt_1', event })
  assert.equal(paid.state.status, 'PAID')
})
