// ESM users import named exports straight from the CommonJS entry point, the alias included.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { Razorpay, RazorpayClient, WebhookVerifier, verifyWebhookSignature, validateCart } from '../index.js'
import kit from '../index.js'

test('named ESM imports, including the Razorpay alias', () => {
  assert.equal(Razorpay, RazorpayClient)
  assert.equal(typeof verifyWebhookSignature, 'function')
  assert.equal(typeof validateCart, 'function')
  assert.equal(typeof WebhookVerifier, 'function')
  assert.equal(kit.Razorpay, Razorpay)
})
