// ESM users import named exports straight from the CommonJS entry point, the alias included.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { Razorpay, RazorpayClient, WebhookVerifier, verifyWebhookSignature, validateCart } from '../index.js'
import kit from '../index.js'

test('named ESM imports, and the default import is the Razorpay class', () => {
  assert.equal(kit, Razorpay)
  assert.equal(typeof RazorpayClient, 'function')
  assert.equal(typeof verifyWebhookSignature, 'function')
  assert.equal(typeof validateCart, 'function')
  assert.equal(typeof WebhookVerifier, 'function')
  assert.equal(kit.Razorpay, Razorpay)
})
