// ESM users import named exports straight from the CommonJS entry point, the alias included.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { Razorpay, RazorpayClient, WebhookVerifier, verifyWebhookSignature, validateCart } from '../index.js'
import kit from '../index.js'
import { generateOnboardingSignature, OAuthTokenClient } from '../index.js'

test('named ESM imports, and the default import is the Razorpay class', () => {
  assert.equal(kit, Razorpay)
  assert.equal(typeof RazorpayClient, 'function')
  assert.equal(typeof verifyWebhookSignature, 'function')
  assert.equal(typeof validateCart, 'function')
  assert.equal(typeof WebhookVerifier, 'function')
  assert.equal(kit.Razorpay, Razorpay)
})

test('generateOnboardingSignature and OAuthTokenClient are named ESM exports too', () => {
  assert.equal(generateOnboardingSignature, kit.generateOnboardingSignature)
  assert.equal(typeof generateOnboardingSignature, 'function')
  assert.equal(OAuthTokenClient, kit.OAuthTokenClient)
  assert.equal(typeof new OAuthTokenClient().generateAuthUrl, 'function')
})
