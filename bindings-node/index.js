'use strict'
// @checkout-kit/node entry point. As in the official `razorpay` package, the module itself is
// the `Razorpay` class (`const Razorpay = require('@checkout-kit/node')`, `import Razorpay from
// '@checkout-kit/node'`); every other export is a property of it.
//
// The class's resource methods (`orders.create`, `payments.fetchMultipleRefund`, … 142 of them)
// are built here at load time from the API table declared once in razorpay-core and exported
// by the native module (`apiEndpoints()`): each method only maps its positional arguments to
// the table's names and calls the native `request`. Paths, queries, bodies, defaults,
// validation, retries and errors are all decided in Rust.
const binding = require('./binding.js')

const endpoints = binding.apiEndpoints()

/** Resource name → [method name, endpoint] pairs, in the official order. */
const resources = new Map()
for (const endpoint of endpoints) {
  const [resource, method] = endpoint.name.split('.')
  if (!resources.has(resource)) resources.set(resource, [])
  resources.get(resource).push([method, endpoint])
}

/** True for a plain options object (`{ idempotencyKey }`) passed after the official arguments. */
function isOptions(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** `JSON.stringify(args)`; a BigInt, a cycle or a throwing getter becomes a coded TypeError. */
function encodeArgs(args) {
  try {
    return JSON.stringify(args)
  } catch (cause) {
    const error = new TypeError(`The arguments cannot be sent as JSON: ${cause && cause.message}`)
    error.code = 'ERR_INVALID_ARG_VALUE'
    throw error
  }
}

/**
 * The upload's `params.file.value` as JSON the table reads: a Buffer or Uint8Array as its
 * bytes, a file stream (`fs.createReadStream(path)`, what the official examples pass) as its
 * name and bytes, read here because a stream cannot cross into Rust. Other values unchanged.
 */
async function uploadable(params) {
  const value = params && params.file && params.file.value
  if (value instanceof Uint8Array) {
    return { ...params, file: { ...params.file, value: { type: 'Buffer', data: Array.from(value) } } }
  }
  if (value && typeof value.pipe === 'function' && typeof value.path === 'string') {
    const bytes = await require('node:fs').promises.readFile(value.path)
    value.destroy()
    const name = require('node:path').basename(value.path)
    return { ...params, file: { ...params.file, value: { type: 'File', name, data: Array.from(bytes) } } }
  }
  return params
}

/**
 * Calls `endpoint` with the official positional arguments: an optional node-style callback as
 * the last argument (the Promise then settles with `undefined`, as the official one does), and
 * our per-call options (`{ idempotencyKey }`) after the official arguments.
 */
function invoke(client, endpoint, positional) {
  let callback
  if (positional.length > 0 && typeof positional[positional.length - 1] === 'function') {
    callback = positional[positional.length - 1]
    positional = positional.slice(0, -1)
  }
  const args = {}
  endpoint.args.forEach((arg, index) => {
    if (positional[index] !== undefined) args[arg.name] = positional[index]
  })
  const extra = positional[endpoint.args.length]
  const options = isOptions(extra) ? extra : null
  // JSON.stringify turns Date objects into ISO strings, which the table reads as dates.
  const send = () => client.request(endpoint.name, encodeArgs(args), options)
  let promise
  if (endpoint.body.kind === 'multipart') {
    promise = uploadable(args.params).then((params) => {
      if (params !== undefined) args.params = params
      return send()
    })
  } else {
    try {
      promise = send()
    } catch (error) {
      promise = Promise.reject(error)
    }
  }
  if (!callback) return promise
  return promise.then(
    (value) => {
      callback(null, value)
    },
    (error) => {
      callback(error, null)
    },
  )
}

class Razorpay {
  /**
   * `new Razorpay({ key_id, key_secret, headers?, baseUrl?, timeouts?, retries?, userAgent? })`.
   * Throws a coded error for unusable options (see README).
   */
  constructor(options) {
    const client = new binding.RazorpayClient(options)
    Object.defineProperty(this, 'client', { value: client, enumerable: false })
    this.key_id = client.keyId
    for (const [resource, methods] of resources) {
      const api = {}
      for (const [method, endpoint] of methods) {
        api[method] = (...positional) => invoke(client, endpoint, positional)
      }
      this[resource] = api
    }
  }

  /** `'test'` or `'live'`, from the key id's prefix. */
  get mode() {
    return this.client.mode
  }

  /**
   * Any method of the table by its official name, arguments by the table's names:
   * `rzp.request('payments.fetch', { payment_id: 'pay_…', params: { 'expand[]': 'card' } })`.
   */
  request(name, args, options) {
    try {
      return this.client.request(name, encodeArgs(args ?? {}), options ?? null)
    } catch (error) {
      return Promise.reject(error)
    }
  }

  /** `Razorpay.validateWebhookSignature(body, signature, secret)`, as on the official class. */
  static validateWebhookSignature(body, signature, secret) {
    return binding.validateWebhookSignature(body, signature, secret)
  }
}

Razorpay.VERSION = require('./package.json').version

/** Settles `promise` through a node-style `callback` when one is given, as the official methods do. */
function withCallback(promise, callback) {
  if (typeof callback !== 'function') return promise
  return promise.then(
    (value) => {
      callback(null, value)
    },
    (error) => {
      callback(error, null)
    },
  )
}

/**
 * The official package's `OAuthTokenClient` (`razorpay/dist/oAuthTokenClient`): the same four
 * methods over the native `OAuthClient`, where the URL, the validations and the requests are
 * razorpay-core's. `options` (`{ baseUrl, timeouts, userAgent, maxResponseBytes }`) is ours.
 */
class OAuthTokenClient {
  constructor(options) {
    Object.defineProperty(this, 'client', { value: new binding.OAuthClient(options ?? null), enumerable: false })
  }

  generateAuthUrl(params) {
    return this.client.generateAuthUrl(params)
  }

  getAccessToken(params = {}, callback) {
    return withCallback(this.client.call('getAccessToken', params), callback)
  }

  refreshToken(params = {}, callback) {
    return withCallback(this.client.call('refreshToken', params), callback)
  }

  revokeToken(params = {}, callback) {
    return withCallback(this.client.call('revokeToken', params), callback)
  }
}

// Named exports, written out one by one so that Node's ESM loader (cjs-module-lexer) sees each
// name: `import { verifyWebhookSignature } from '@checkout-kit/node'` works.
module.exports = Razorpay
module.exports.Razorpay = Razorpay
// TypeScript's default import without esModuleInterop reads `.default`.
module.exports.default = Razorpay
module.exports.RazorpayClient = binding.RazorpayClient
module.exports.Orders = binding.Orders
module.exports.Payments = binding.Payments
module.exports.Refunds = binding.Refunds
module.exports.WebhookVerifier = binding.WebhookVerifier
module.exports.apiEndpoints = binding.apiEndpoints
module.exports.applyFixes = binding.applyFixes
module.exports.applyPaymentEvent = binding.applyPaymentEvent
module.exports.createPaymentState = binding.createPaymentState
module.exports.formatMinorUnits = binding.formatMinorUnits
module.exports.generateOnboardingSignature = binding.generateOnboardingSignature
module.exports.decryptOnboardingSignature = binding.decryptOnboardingSignature
module.exports.OAuthTokenClient = OAuthTokenClient
module.exports.getCurrency = binding.getCurrency
module.exports.listCurrencies = binding.listCurrencies
module.exports.planCheckout = binding.planCheckout
module.exports.signInvoice = binding.signInvoice
module.exports.signPayment = binding.signPayment
module.exports.signPaymentLink = binding.signPaymentLink
module.exports.signSubscription = binding.signSubscription
module.exports.signWebhook = binding.signWebhook
module.exports.validateCart = binding.validateCart
module.exports.validateCarts = binding.validateCarts
module.exports.validatePaymentVerification = binding.validatePaymentVerification
module.exports.validateWebhookSignature = binding.validateWebhookSignature
module.exports.verifyInvoiceSignature = binding.verifyInvoiceSignature
module.exports.verifyPaymentLinkSignature = binding.verifyPaymentLinkSignature
module.exports.verifyPaymentSignature = binding.verifyPaymentSignature
module.exports.verifySubscriptionSignature = binding.verifySubscriptionSignature
module.exports.verifyWebhookSignature = binding.verifyWebhookSignature
// Error classes (errors.js): named one by one so ESM named imports see them.
const errors = require('./errors.js')
module.exports.CheckoutKitError = errors.CheckoutKitError
module.exports.RazorpayApiError = errors.RazorpayApiError
module.exports.PaymentAlreadyCapturedError = errors.PaymentAlreadyCapturedError
module.exports.PAYMENT_ALREADY_CAPTURED = errors.PAYMENT_ALREADY_CAPTURED
module.exports.errorCode = errors.errorCode
// Whether the native webhook fast path is installed (see src/fast_path.rs); read-only, hidden.
Object.defineProperty(module.exports, '__checkoutKitFastPath', {
  value: binding.__checkoutKitFastPath === true,
  enumerable: false,
})
