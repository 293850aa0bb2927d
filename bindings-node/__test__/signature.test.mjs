// Signature verification: every shared vector, Buffer and string bodies, UTF-8, and the
// drop-in aliases against the official `razorpay` package.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'

import { kit, Razorpay, officialUtils, fixture, fixtureJson, assertThrowsCode } from './helpers.mjs'

const { vectors } = fixtureJson('signature_vectors.json')

/** The exact bytes a vector signs. */
function messageBytes(vector) {
  return vector.message_file ? fixture(vector.message_file) : Buffer.from(vector.message, 'utf8')
}

/** Checks one vector through the kind's own verifier; returns its verdict. */
function verifyVector(vector) {
  const { secret, expected_signature_hex: signature } = vector
  const message = messageBytes(vector)
  const parts = message.toString('utf8').split('|')
  switch (vector.kind) {
    case 'webhook':
    case 'raw_hmac': {
      const fromBuffer = kit.verifyWebhookSignature(message, signature, secret)
      const fromString = kit.verifyWebhookSignature(message.toString('utf8'), signature, secret)
      const fromUint8 = kit.verifyWebhookSignature(new Uint8Array(message), signature, secret)
      assert.equal(fromBuffer, fromString, 'Buffer and string bodies agree')
      assert.equal(fromBuffer, fromUint8, 'Buffer and Uint8Array bodies agree')
      const verifier = new kit.WebhookVerifier(secret)
      assert.equal(verifier.verify(message, signature), fromBuffer, 'WebhookVerifier agrees')
      return fromBuffer
    }
    case 'payment(order)': {
      assert.equal(parts.length, 2)
      return kit.verifyPaymentSignature(parts[0], parts[1], signature, secret)
    }
    case 'subscription': {
      // Razorpay signs payment_id|subscription_id; our argument order is subscription first.
      assert.equal(parts.length, 2)
      return kit.verifySubscriptionSignature(parts[1], parts[0], signature, secret)
    }
    case 'payment_link': {
      assert.equal(parts.length, 4)
      return kit.verifyPaymentLinkSignature(parts[0], parts[1], parts[2], parts[3], signature, secret)
    }
    default:
      throw new Error(`unknown vector kind ${vector.kind}`)
  }
}

describe('signature_vectors.json', () => {
  test('the fixture file holds the vectors', () => {
    assert.ok(vectors.length >= 17, `expected at least 17 vectors, got ${vectors.length}`)
  })

  vectors.forEach((vector, index) => {
    const name = `#${index} ${vector.kind} ${vector.valid ? 'valid' : 'invalid'}${vector.note ? ` (${vector.note.slice(0, 50)})` : ''}`
    test(name, () => {
      assert.equal(verifyVector(vector), vector.valid)
      if (vector.valid) {
        // The signers reproduce every valid vector, byte for byte.
        const message = messageBytes(vector)
        assert.equal(kit.signWebhook(message, vector.secret), vector.expected_signature_hex)
        if (vector.kind === 'payment(order)') {
          const [orderId, paymentId] = message.toString('utf8').split('|')
          assert.equal(kit.signPayment(orderId, paymentId, vector.secret), vector.expected_signature_hex)
        }
        if (vector.kind === 'subscription') {
          const [paymentId, subscriptionId] = message.toString('utf8').split('|')
          assert.equal(kit.signSubscription(subscriptionId, paymentId, vector.secret), vector.expected_signature_hex)
        }
        if (vector.kind === 'payment_link') {
          const [id, ref, status, paymentId] = message.toString('utf8').split('|')
          assert.equal(kit.signPaymentLink(id, ref, status, paymentId, vector.secret), vector.expected_signature_hex)
        }
      }
    })
  })
})

describe('verify functions', () => {
  const secret = 'EnLs21M47BllR3X8PSFtjtbd'

  test('upper-case hex is accepted, any other change is not', () => {
    const sig = kit.signPayment('order_1', 'pay_1', secret)
    assert.equal(kit.verifyPaymentSignature('order_1', 'pay_1', sig.toUpperCase(), secret), true)
    assert.equal(kit.verifyPaymentSignature('order_1', 'pay_2', sig, secret), false)
    assert.equal(kit.verifyPaymentSignature('order_1', 'pay_1', sig, secret + 'x'), false)
    assert.equal(kit.verifyPaymentSignature('order_1', 'pay_1', sig.slice(0, 63), secret), false)
    assert.equal(kit.verifyPaymentSignature('order_1', 'pay_1', sig + '0', secret), false)
    assert.equal(kit.verifyPaymentSignature('order_1', 'pay_1', 'z'.repeat(64), secret), false)
    assert.equal(kit.verifyPaymentSignature('order_1', 'pay_1', '', secret), false)
  })

  test('invoice signatures: invoice_id|receipt|status|payment_id, empty receipt allowed', () => {
    const expected = createHmac('sha256', secret).update('inv_1|rcpt_9|paid|pay_1').digest('hex')
    assert.equal(kit.signInvoice('inv_1', 'rcpt_9', 'paid', 'pay_1', secret), expected)
    assert.equal(kit.verifyInvoiceSignature('inv_1', 'rcpt_9', 'paid', 'pay_1', expected, secret), true)
    assert.equal(kit.verifyInvoiceSignature('inv_1', 'rcpt_8', 'paid', 'pay_1', expected, secret), false)
    const noReceipt = createHmac('sha256', secret).update('inv_1||paid|pay_1').digest('hex')
    assert.equal(kit.verifyInvoiceSignature('inv_1', '', 'paid', 'pay_1', noReceipt, secret), true)
  })

  test('payment link without a reference id signs the empty string', () => {
    const sig = createHmac('sha256', secret).update('plink_1||paid|pay_1').digest('hex')
    assert.equal(kit.verifyPaymentLinkSignature('plink_1', '', 'paid', 'pay_1', sig, secret), true)
  })

  test('empty untrusted inputs are rejected as false, an empty secret throws', () => {
    const sig = kit.signPayment('order_1', 'pay_1', secret)
    assert.equal(kit.verifyPaymentSignature('', 'pay_1', sig, secret), false)
    assert.equal(kit.verifyWebhookSignature('', sig, secret), false)
    assert.equal(kit.verifyWebhookSignature(Buffer.alloc(0), sig, secret), false)
    assertThrowsCode(() => kit.verifyPaymentSignature('order_1', 'pay_1', sig, ''), 'SIGNATURE_MISSING_INPUT')
    assertThrowsCode(() => kit.verifyWebhookSignature('{}', sig, ''), 'SIGNATURE_MISSING_INPUT')
  })
})

describe('missing or mistyped arguments are TypeErrors with a code', () => {
  const sig = 'a'.repeat(64)
  const calls = {
    verifyPaymentSignature: ['order_1', 'pay_1', sig, 'secret'],
    verifySubscriptionSignature: ['sub_1', 'pay_1', sig, 'secret'],
    verifyPaymentLinkSignature: ['plink_1', 'ref', 'paid', 'pay_1', sig, 'secret'],
    verifyInvoiceSignature: ['inv_1', 'rcpt', 'paid', 'pay_1', sig, 'secret'],
    verifyWebhookSignature: ['{}', sig, 'secret'],
    validateWebhookSignature: ['{}', sig, 'secret'],
    signWebhook: ['{}', 'secret'],
    signPayment: ['order_1', 'pay_1', 'secret'],
  }
  for (const [name, args] of Object.entries(calls)) {
    test(name, () => {
      assert.equal(typeof kit[name](...args), name.startsWith('sign') ? 'string' : 'boolean')
      for (let missing = 0; missing < args.length; missing += 1) {
        const without = args.slice(0, missing)
        assertThrowsCode(() => kit[name](...without), 'ERR_INVALID_ARG_TYPE', TypeError)
        const mistyped = [...args]
        mistyped[missing] = 42
        assertThrowsCode(() => kit[name](...mistyped), 'ERR_INVALID_ARG_TYPE', TypeError)
      }
    })
  }
})

describe('webhook bodies: Buffer, string, UTF-8', () => {
  const secret = 'whsec_ünïcødé_🔑'

  test('non-ASCII UTF-8 string and Buffer bodies verify alike', () => {
    const body = JSON.stringify({ event: 'payment.captured', note: '₹1,234.50 — नमस्ते 😀', name: 'Zoë' })
    const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex')
    assert.equal(kit.signWebhook(body, secret), signature)
    assert.equal(kit.signWebhook(Buffer.from(body), secret), signature)
    assert.equal(kit.verifyWebhookSignature(body, signature, secret), true)
    assert.equal(kit.verifyWebhookSignature(Buffer.from(body), signature, secret), true)
    assert.equal(kit.verifyWebhookSignature(body.replace('😀', '😁'), signature, secret), false)
  })

  test('a Buffer that is not valid UTF-8 is hashed byte for byte', () => {
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d])
    const signature = createHmac('sha256', secret).update(body).digest('hex')
    assert.equal(kit.verifyWebhookSignature(body, signature, secret), true)
    assert.equal(kit.signWebhook(body, secret), signature)
  })

  test('strings are hashed as Node encodes them, lone surrogates included, at any length', () => {
    for (const body of ['', 'a', '\ud800', 'x\udfffy', 'é'.repeat(300), '😀'.repeat(5000), 'z'.repeat(3 * 1024 * 1024)]) {
      const expected = createHmac('sha256', 'k').update(body).digest('hex')
      assert.equal(kit.signWebhook(body, 'k'), expected)
      if (body.length > 0) assert.equal(kit.verifyWebhookSignature(body, expected, 'k'), true)
    }
  })

  test('long secrets and long signatures take the heap path correctly', () => {
    const secret = 'ş'.repeat(1000)
    const expected = createHmac('sha256', secret).update('{}').digest('hex')
    assert.equal(kit.signWebhook('{}', secret), expected)
    assert.equal(kit.verifyWebhookSignature('{}', expected, secret), true)
    assert.equal(new kit.WebhookVerifier(secret).verify('{}', expected), true)
    assert.equal(kit.verifyWebhookSignature('{}', expected + 'f'.repeat(10000), secret), false)
  })

  test('any typed array or DataView is hashed as its bytes', () => {
    const bytes = Buffer.from('{"event":"order.paid"}')
    const expected = createHmac('sha256', 'k').update(bytes).digest('hex')
    const copy = new ArrayBuffer(bytes.length)
    new Uint8Array(copy).set(bytes)
    assert.equal(kit.verifyWebhookSignature(new DataView(copy), expected, 'k'), true)
    assert.equal(kit.verifyWebhookSignature(new Uint8Array(copy), expected, 'k'), true)
    assertThrowsCode(() => kit.verifyWebhookSignature(copy, expected, 'k'), 'ERR_INVALID_ARG_TYPE', TypeError)
  })

  test('a view into a larger buffer hashes only its own bytes', () => {
    const backing = Buffer.from('xxxx{"a":1}yyyy')
    const view = backing.subarray(4, 11)
    const signature = createHmac('sha256', 'k').update('{"a":1}').digest('hex')
    assert.equal(kit.verifyWebhookSignature(view, signature, 'k'), true)
  })

  test('a re-serialised body (the classic parsed-body bug) does not verify', () => {
    const raw = '{\n  "event": "payment.captured",\n  "amount": 100\n}'
    const signature = kit.signWebhook(raw, 'k')
    assert.equal(kit.verifyWebhookSignature(raw, signature, 'k'), true)
    assert.equal(kit.verifyWebhookSignature(JSON.stringify(JSON.parse(raw)), signature, 'k'), false)
  })
})

describe('drop-in aliases agree with the official razorpay package', () => {
  const secret = 'EnLs21M47BllR3X8PSFtjtbd'
  const bodies = [
    '{"a":1,"b":2,"c":{"d":3}}',
    JSON.stringify({ entity: 'event', event: 'order.paid', note: 'café ₹ 😀' }),
    fixture('razorpay-sdk/razorpay-python/fake_payment_authorized_webhook.json').toString('utf8'),
    'x'.repeat(16 * 1024),
  ]

  test('validateWebhookSignature on valid, tampered and malformed signatures', () => {
    for (const body of bodies) {
      const good = createHmac('sha256', secret).update(body).digest('hex')
      const candidates = [good, good.replace(/.$/, (c) => (c === '0' ? '1' : '0')), 'sdfafds', '', good.slice(1)]
      for (const signature of candidates) {
        const official = officialUtils.validateWebhookSignature(body, signature, secret)
        assert.equal(kit.validateWebhookSignature(body, signature, secret), official)
        assert.equal(kit.validateWebhookSignature(Buffer.from(body), signature, secret), official)
        assert.equal(Razorpay.validateWebhookSignature(body, signature, secret), official)
      }
    }
  })

  test('validatePaymentVerification for orders, subscriptions and payment links', () => {
    const cases = [
      { order_id: 'order_IEIaMR65cu6nz3', payment_id: 'pay_IH4NVgf4Dreq1l' },
      { subscription_id: 'sub_ID6MOhgkcoHj9I', payment_id: 'pay_IDZNwZZFtnjyym' },
      {
        payment_link_id: 'plink_IH3cNucfVEgV68',
        payment_link_reference_id: 'TSsd1989',
        payment_link_status: 'paid',
        payment_id: 'pay_IH3d0ara9bSsjQ',
      },
      // order_id wins over subscription_id, as in the official SDK
      { order_id: 'order_1', subscription_id: 'sub_1', payment_id: 'pay_1' },
    ]
    const fromVectors = (kind, message) =>
      vectors.find((v) => v.kind === kind && v.message === message && v.valid).expected_signature_hex
    const signatures = [
      fromVectors('payment(order)', 'order_IEIaMR65cu6nz3|pay_IH4NVgf4Dreq1l'),
      fromVectors('subscription', 'pay_IDZNwZZFtnjyym|sub_ID6MOhgkcoHj9I'),
      fromVectors('payment_link', 'plink_IH3cNucfVEgV68|TSsd1989|paid|pay_IH3d0ara9bSsjQ'),
      createHmac('sha256', secret).update('order_1|pay_1').digest('hex'),
      createHmac('sha256', secret).update('pay_1|sub_1').digest('hex'),
      'test_signature',
    ]
    let matches = 0
    for (const params of cases) {
      for (const signature of signatures) {
        const official = officialUtils.validatePaymentVerification(params, signature, secret)
        assert.equal(kit.validatePaymentVerification(params, signature, secret), official, JSON.stringify(params))
        if (official) matches += 1
      }
    }
    assert.equal(matches, 4, 'each valid case matched exactly its own signature')
  })

  test('both reject params without an id', () => {
    assert.throws(() => officialUtils.validatePaymentVerification({ payment_id: 'p' }, 'sig', secret))
    assertThrowsCode(() => kit.validatePaymentVerification({ payment_id: 'p' }, 'sig', secret), 'ERR_INVALID_ARG_TYPE', TypeError)
    assert.throws(() => officialUtils.validatePaymentVerification({ order_id: 'o', payment_id: 'p' }, 'sig', ''))
    assertThrowsCode(() => kit.validatePaymentVerification({ order_id: 'o', payment_id: 'p' }, 'sig', ''), 'SIGNATURE_MISSING_INPUT')
  })
})
