// generateOnboardingSignature against the official one (razorpay 2.9.8,
// `razorpay/dist/utils/razorpay-utils`). Its output is randomised (a fresh AES-GCM nonce per
// call), so equality of outputs proves nothing; what is proved instead:
//   - ours decrypts the official output to JSON.stringify(params), and
//   - a decryption written from the official `encrypt` (Node's crypto, below) opens ours to
//     the same text;
//   - both accept and refuse the same secrets, and produce outputs of the same shape.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDecipheriv } from 'node:crypto'

import { kit, officialUtils, assertThrowsCode } from './helpers.mjs'

const official = officialUtils.generateOnboardingSignature

/** The inverse of the official `encrypt`: iv (12 bytes) ‖ ciphertext ‖ tag (16), hex. */
function officialFormatDecrypt(signature, secret) {
  const bytes = Buffer.from(signature, 'hex')
  const key = Buffer.from(secret.slice(0, 16), 'utf8')
  const decipher = createDecipheriv('aes-128-gcm', key, bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(bytes.length - 16))
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8')
}

const CASES = [
  [{ submerchant_id: 'acc_M83Uw27KXuC7c8', timestamp: 1700000000 }, 'EnLs21M47BllR3X8PSFtjtbd'],
  [{}, '0123456789abcdef'],
  [{ note: 'é ünïcode ✓ 🚀', nested: { list: [1, 2.5, null, true] }, '1': 'integer-like key first' }, 'a-secret-of-more-than-sixteen-characters'],
  [{ long: 'x'.repeat(10_000) }, 'éééééééé'],
]

test('each side decrypts the other side’s onboarding signature', () => {
  for (const [params, secret] of CASES) {
    const payload = JSON.stringify(params)
    const theirs = official(params, secret)
    const ours = kit.generateOnboardingSignature(params, secret)
    assert.match(ours, /^[0-9a-f]+$/)
    assert.equal(ours.length, theirs.length, 'same shape: nonce, ciphertext and tag')
    assert.equal(kit.decryptOnboardingSignature(theirs, secret), payload)
    assert.equal(officialFormatDecrypt(ours, secret), payload)
  }
})

test('a fresh nonce on every call, as the official one', () => {
  const params = { submerchant_id: 'acc_1' }
  const secret = 'EnLs21M47BllR3X8PSFtjtbd'
  const nonces = new Set(Array.from({ length: 50 }, () => kit.generateOnboardingSignature(params, secret).slice(0, 24)))
  assert.equal(nonces.size, 50)
})

test('omitted params are {} as in the official function', () => {
  const secret = '0123456789abcdef'
  assert.equal(kit.decryptOnboardingSignature(kit.generateOnboardingSignature(undefined, secret), secret), '{}')
  assert.equal(officialFormatDecrypt(official(undefined, secret), secret), '{}')
})

test('the same secrets are refused: ours with a code, theirs with "Encryption failed"', () => {
  for (const secret of ['', 'short', 'ééééééééé', 'abcdefghijklmn\u{1F600}', 'abcdefghijklmno\u{1F600}x']) {
    assert.throws(() => official({}, secret), /Encryption failed: Invalid key length/)
    const error = assertThrowsCode(() => kit.generateOnboardingSignature({}, secret), 'ONBOARDING_INVALID_SECRET')
    assert.ok(!secret || !error.message.includes(secret), 'the secret is not in the message')
  }
  assertThrowsCode(() => kit.generateOnboardingSignature({}, undefined), 'ERR_INVALID_ARG_TYPE', TypeError)
  const cycle = {}
  cycle.self = cycle
  assertThrowsCode(() => kit.generateOnboardingSignature(cycle, '0123456789abcdef'), 'ERR_INVALID_ARG_VALUE', TypeError)
})

test('a signature under another secret, altered or not hex does not open', () => {
  const secret = '0123456789abcdef'
  const signature = official({ a: 1 }, secret)
  assertThrowsCode(() => kit.decryptOnboardingSignature(signature, 'fedcba9876543210'), 'ONBOARDING_SIGNATURE_MISMATCH')
  const altered = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0')
  assertThrowsCode(() => kit.decryptOnboardingSignature(altered, secret), 'ONBOARDING_SIGNATURE_MISMATCH')
  assertThrowsCode(() => kit.decryptOnboardingSignature('not hex', secret), 'ONBOARDING_SIGNATURE_MALFORMED')
})

test('exported as a property of the module, the way every export is', () => {
  assert.equal(typeof kit.generateOnboardingSignature, 'function')
  assert.equal(kit.Razorpay.generateOnboardingSignature, kit.generateOnboardingSignature)
})
