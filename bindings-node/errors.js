'use strict'
// Error classes of @checkout-kit/node, exported at runtime so `instanceof` works.
//
// The native module throws plain `Error`/`TypeError`/`RangeError` objects carrying a stable
// `code` (and, for the API client, `statusCode` and Razorpay's whole error body in `error`).
// These classes recognise those objects through `Symbol.hasInstance`, so
// `err instanceof RazorpayApiError` is true for every client rejection without the native side
// constructing JS classes, and a caller never needs to match on messages.

/** Razorpay's description of a capture of an already captured payment (400 BAD_REQUEST_ERROR). */
const ALREADY_CAPTURED = /already been captured/i

/** The stable code for "this payment is already captured", which callers branch on. */
const PAYMENT_ALREADY_CAPTURED = 'PAYMENT_ALREADY_CAPTURED'

function hasCode(value) {
  return value instanceof Error && typeof value.code === 'string' && value.code.length > 0
}

function isApiError(value) {
  return hasCode(value) && 'statusCode' in value && 'requestSent' in value
}

function isAlreadyCaptured(value) {
  return (
    isApiError(value) &&
    value.statusCode === 400 &&
    value.error !== null &&
    typeof value.error === 'object' &&
    typeof value.error.description === 'string' &&
    ALREADY_CAPTURED.test(value.error.description)
  )
}

/** Every error this module throws: an `Error` with a stable machine-readable `code`. */
class CheckoutKitError extends Error {
  /** For applications and tests that raise one themselves; any argument is accepted. */
  constructor(message, code) {
    super(typeof message === 'string' ? message : 'checkout-kit error')
    this.code = typeof code === 'string' && code.length > 0 ? code : 'CHECKOUT_KIT_ERROR'
  }

  static [Symbol.hasInstance](value) {
    return hasCode(value)
  }
}

/** What every API client Promise rejects with: `code`, `statusCode`, Razorpay's body in `error`. */
class RazorpayApiError extends CheckoutKitError {
  static [Symbol.hasInstance](value) {
    return isApiError(value)
  }
}

/** Capturing a payment Razorpay already captured: safe to treat as success when amounts match. */
class PaymentAlreadyCapturedError extends RazorpayApiError {
  static [Symbol.hasInstance](value) {
    return isAlreadyCaptured(value)
  }
}

// Each class names itself, as built-in errors do (`new RazorpayApiError().name`).
for (const cls of [CheckoutKitError, RazorpayApiError, PaymentAlreadyCapturedError]) {
  Object.defineProperty(cls.prototype, 'name', { value: cls.name, writable: true, configurable: true })
}

/**
 * The code to branch on: `PAYMENT_ALREADY_CAPTURED` for that case, else the error's own `code`,
 * `undefined` for anything that is not a checkout-kit error.
 */
function errorCode(value) {
  if (isAlreadyCaptured(value)) return PAYMENT_ALREADY_CAPTURED
  return hasCode(value) ? value.code : undefined
}

module.exports = {
  CheckoutKitError,
  RazorpayApiError,
  PaymentAlreadyCapturedError,
  PAYMENT_ALREADY_CAPTURED,
  errorCode,
}
