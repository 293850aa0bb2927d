// Currency formatting and table lookups (checkout_rules::currency).
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { kit, assertThrowsCode } from './helpers.mjs'

test('formatMinorUnits prints what Rust and the mobile bindings print', () => {
  assert.equal(kit.formatMinorUnits(123450, 'INR'), '₹1,234.50')
  assert.equal(kit.formatMinorUnits(123456700, 'INR'), '₹12,34,567.00')
  assert.equal(kit.formatMinorUnits(1235, 'JPY'), '¥1,235')
  assert.equal(kit.formatMinorUnits(1235, 'KWD'), 'KD 1.235')
  assert.equal(kit.formatMinorUnits(-5, 'USD'), '-$0.05')
  assert.equal(kit.formatMinorUnits(123450, 'XYZ'), 'XYZ 1,234.50')
})

test('formatMinorUnits takes bigint for amounts beyond Number.MAX_SAFE_INTEGER', () => {
  assert.equal(kit.formatMinorUnits(123450n, 'INR'), '₹1,234.50')
  assert.equal(kit.formatMinorUnits(-(2n ** 63n), 'JPY').startsWith('-¥9,223,372,036,854,775,808'), true)
  assertThrowsCode(() => kit.formatMinorUnits(2n ** 63n, 'INR'), 'ERR_OUT_OF_RANGE', RangeError)
  assertThrowsCode(() => kit.formatMinorUnits(-(2n ** 64n), 'INR'), 'ERR_OUT_OF_RANGE', RangeError)
})

test('formatMinorUnits refuses amounts it cannot hold exactly', () => {
  for (const amount of [1.5, NaN, Infinity, -Infinity, 2 ** 60, 1e300]) {
    assertThrowsCode(() => kit.formatMinorUnits(amount, 'INR'), 'ERR_OUT_OF_RANGE', RangeError)
  }
  for (const amount of ['100', null, undefined, {}, []]) {
    assertThrowsCode(() => kit.formatMinorUnits(amount, 'INR'), 'ERR_INVALID_ARG_TYPE', TypeError)
  }
  assertThrowsCode(() => kit.formatMinorUnits(100), 'ERR_INVALID_ARG_TYPE', TypeError)
})

test('getCurrency and listCurrencies expose the Razorpay table', () => {
  const inr = kit.getCurrency('INR')
  assert.equal(inr.code, 'INR')
  assert.equal(inr.exponent, 2)
  assert.equal(inr.minAmount, 100)
  assert.equal(inr.symbol, '₹')
  assert.equal(kit.getCurrency('KWD').amountStep, 10)
  assert.equal(kit.getCurrency('XYZ'), null)
  const all = kit.listCurrencies()
  assert.ok(all.length > 100)
  assert.ok(all.some((c) => c.code === 'JPY' && c.exponent === 0))
})
