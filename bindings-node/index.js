'use strict'
// @checkout-kit/node entry point. The native module is loaded by the loader napi-rs generates
// (binding.js, which picks the right .node file for the platform); this file only adds the one
// export napi cannot declare: `Razorpay`, the official SDK's name for the client class.
// Written as a re-export so that ESM `import { Razorpay, verifyWebhookSignature } from
// '@checkout-kit/node'` sees every name.
module.exports = require('./binding.js')
module.exports.Razorpay = module.exports.RazorpayClient
// Error classes (errors.js): named one by one so ESM named imports see them.
const errors = require('./errors.js')
module.exports.CheckoutKitError = errors.CheckoutKitError
module.exports.RazorpayApiError = errors.RazorpayApiError
module.exports.PaymentAlreadyCapturedError = errors.PaymentAlreadyCapturedError
module.exports.PAYMENT_ALREADY_CAPTURED = errors.PAYMENT_ALREADY_CAPTURED
module.exports.errorCode = errors.errorCode
