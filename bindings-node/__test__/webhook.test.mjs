// WebhookVerifier: several secrets, verify, constructEvent (verify first, then parse) on every
// webhook sample from Razorpay's documentation.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

import { kit, fixture, fixturesDir, assertThrowsCode } from './helpers.mjs'

const samples = readdirSync(join(fixturesDir, 'webhooks')).filter((name) => name.endsWith('.json'))

describe('WebhookVerifier', () => {
  test('accepts any of its secrets (rotation) and nothing else', () => {
    const verifier = new kit.WebhookVerifier(['new_secret', 'old_secret'])
    assert.equal(verifier.secretCount, 2)
    const body = Buffer.from('{"entity":"event","event":"payment.captured"}')
    assert.equal(verifier.verify(body, kit.signWebhook(body, 'new_secret')), true)
    assert.equal(verifier.verify(body, kit.signWebhook(body, 'old_secret')), true)
    assert.equal(verifier.verify(body, kit.signWebhook(body, 'other')), false)
    assert.equal(verifier.verify(body.toString(), kit.signWebhook(body, 'old_secret')), true)
    assert.equal(verifier.verify(body, 'not-hex'), false)
    assert.equal(verifier.verify(body, ''), false)
  })

  test('a single secret may be passed as a string', () => {
    const verifier = new kit.WebhookVerifier('whsec')
    assert.equal(verifier.secretCount, 1)
    assert.equal(verifier.verify('x', kit.signWebhook('x', 'whsec')), true)
  })

  test('no secret, or an empty one, is a configuration error', () => {
    assertThrowsCode(() => new kit.WebhookVerifier([]), 'WEBHOOK_NO_SECRET')
    assertThrowsCode(() => new kit.WebhookVerifier(''), 'WEBHOOK_NO_SECRET')
    assertThrowsCode(() => new kit.WebhookVerifier(['ok', '']), 'WEBHOOK_NO_SECRET')
    assertThrowsCode(() => new kit.WebhookVerifier(), 'ERR_INVALID_ARG_TYPE', TypeError)
    assertThrowsCode(() => new kit.WebhookVerifier(['ok', 42]), 'ERR_INVALID_ARG_TYPE', TypeError)
  })

  test('assertValid throws the precise reason', () => {
    const verifier = new kit.WebhookVerifier('whsec')
    const body = '{"a":1}'
    verifier.assertValid(body, kit.signWebhook(body, 'whsec'))
    assertThrowsCode(() => verifier.assertValid(body, kit.signWebhook(body, 'nope')), 'SIGNATURE_MISMATCH')
    assertThrowsCode(() => verifier.assertValid(body, 'abc'), 'SIGNATURE_MALFORMED')
    assertThrowsCode(() => verifier.assertValid(body, ''), 'SIGNATURE_MISSING_INPUT')
    assertThrowsCode(() => verifier.assertValid('', kit.signWebhook('x', 'whsec')), 'SIGNATURE_MISSING_INPUT')
  })

  test('verify called on something else is a TypeError, not a type confusion', () => {
    const verifier = new kit.WebhookVerifier('whsec')
    const client = new kit.Razorpay({ key_id: 'rzp_test_x', key_secret: 'y' })
    for (const receiver of [{}, client, null, undefined, 42, Object.create(kit.WebhookVerifier.prototype)]) {
      assertThrowsCode(() => verifier.verify.call(receiver, '{}', 'a'.repeat(64)), 'ERR_INVALID_THIS', TypeError)
    }
  })

  test('secrets never appear in errors or in the object', () => {
    const verifier = new kit.WebhookVerifier('very_secret_value')
    assert.ok(!JSON.stringify(verifier).includes('very_secret_value'))
    try {
      verifier.assertValid('{}', kit.signWebhook('{}', 'x'))
    } catch (error) {
      assert.ok(!error.message.includes('very_secret_value'))
      assert.ok(!error.message.includes(kit.signWebhook('{}', 'very_secret_value')))
    }
  })
})

describe('constructEvent', () => {
  const secret = 'whsec_test'
  const verifier = new kit.WebhookVerifier(secret)

  test('verifies before parsing: a bad signature wins over a bad body', () => {
    const garbage = Buffer.from([0xff, 0x20, 0x6e, 0x6f, 0x74])
    assertThrowsCode(() => verifier.constructEvent(garbage, kit.signWebhook(garbage, 'other')), 'SIGNATURE_MISMATCH')
    assertThrowsCode(() => verifier.constructEvent(garbage, kit.signWebhook(garbage, secret)), 'WEBHOOK_INVALID_PAYLOAD')
    assertThrowsCode(() => verifier.constructEvent('{"event": 1}', kit.signWebhook('{"event": 1}', secret)), 'WEBHOOK_INVALID_PAYLOAD')
  })

  test(`parses all ${samples.length} documented webhook samples into typed events`, () => {
    assert.ok(samples.length >= 60)
    for (const name of samples) {
      const body = fixture(join('webhooks', name))
      const event = verifier.constructEvent(body, kit.signWebhook(body, secret))
      const raw = JSON.parse(body.toString('utf8'))
      assert.equal(event.event, raw.event, name)
      assert.equal(event.account_id, raw.account_id, name)
      assert.deepEqual(event.contains, raw.contains, name)
      // Every entity in the payload survives with every field it had.
      assert.deepEqual(Object.keys(event.payload).sort(), Object.keys(raw.payload).sort(), name)
      assert.deepEqual(event.payload, raw.payload, name)
    }
  })

  test('payment.captured exposes the typed payment with integer paise', () => {
    const body = fixture('webhooks/payment.captured.json')
    const event = verifier.constructEvent(body.toString('utf8'), kit.signWebhook(body, secret))
    const payment = event.payload.payment.entity
    assert.equal(event.event, 'payment.captured')
    assert.equal(payment.status, 'captured')
    assert.ok(Number.isSafeInteger(payment.amount))
    assert.match(payment.id, /^pay_/)
  })

  test('a tampered sample is rejected', () => {
    const body = fixture('webhooks/order.paid.json')
    const signature = kit.signWebhook(body, secret)
    const tampered = Buffer.from(body.toString('utf8').replace(/"amount":\s*(\d+)/, (_, n) => `"amount": ${Number(n) + 1}`))
    assert.notDeepEqual(tampered, body)
    assertThrowsCode(() => verifier.constructEvent(tampered, signature), 'SIGNATURE_MISMATCH')
  })
})

describe('fast path soundness', () => {
  test('the raw entry points are installed: napi-rs wraps the verifier where the fast path reads it', () => {
    // `false` means the load-time layout check failed (a napi-rs upgrade moved the wrapped
    // struct) and the slower napi-rs glue is serving every call.
    assert.equal(kit.__checkoutKitFastPath, true)
  })

  test('a body over a SharedArrayBuffer is copied, not borrowed: same verdicts', () => {
    const text = '{"entity":"event","event":"payment.captured"}'
    const shared = new SharedArrayBuffer(text.length)
    const view = new Uint8Array(shared)
    view.set(Buffer.from(text))
    const signature = kit.signWebhook(text, 'whsec')
    const verifier = new kit.WebhookVerifier('whsec')
    assert.equal(kit.verifyWebhookSignature(view, signature, 'whsec'), true)
    assert.equal(kit.validateWebhookSignature(new DataView(shared), signature, 'whsec'), true)
    assert.equal(verifier.verify(view, signature), true)
    view[0] = 0x20
    assert.equal(kit.verifyWebhookSignature(view, signature, 'whsec'), false)
    assert.equal(verifier.verify(view, signature), false)
  })
})
