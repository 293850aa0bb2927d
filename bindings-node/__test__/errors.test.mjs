// Error classes exported at runtime: `instanceof` works on what the native module throws, and
// "already captured" has a stable code instead of a message match.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { kit } from './helpers.mjs'

/** The shape every client rejection has (see RazorpayApiError in index.d.ts). */
function apiError(statusCode, description) {
  return Object.assign(new Error(description), {
    code: 'BAD_REQUEST',
    statusCode,
    error: { code: 'BAD_REQUEST_ERROR', description },
    field: null,
    retryAfter: null,
    requestSent: true,
  })
}

test('a native error is a CheckoutKitError, not an API error', () => {
  let thrown
  try {
    new kit.WebhookVerifier('')
  } catch (error) {
    thrown = error
  }
  assert.ok(thrown instanceof kit.CheckoutKitError)
  assert.equal(thrown instanceof kit.RazorpayApiError, false)
  assert.equal(kit.errorCode(thrown), 'WEBHOOK_NO_SECRET')
  assert.equal(new Error('plain') instanceof kit.CheckoutKitError, false)
  assert.equal(kit.errorCode(new Error('plain')), undefined)
  assert.equal(kit.errorCode('not an error'), undefined)
})

test('already captured has its own class and stable code', () => {
  const captured = apiError(400, 'This payment has already been captured')
  assert.ok(captured instanceof kit.RazorpayApiError)
  assert.ok(captured instanceof kit.PaymentAlreadyCapturedError)
  assert.equal(kit.errorCode(captured), kit.PAYMENT_ALREADY_CAPTURED)
  assert.equal(kit.PAYMENT_ALREADY_CAPTURED, 'PAYMENT_ALREADY_CAPTURED')

  const other = apiError(400, 'The amount must be at least INR 1.00')
  assert.ok(other instanceof kit.RazorpayApiError)
  assert.equal(other instanceof kit.PaymentAlreadyCapturedError, false)
  assert.equal(kit.errorCode(other), 'BAD_REQUEST')
})
