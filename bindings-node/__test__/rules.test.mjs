// Cart validation and the checkout plan, through the same JSON documents as the Rust crate
// (the worked example of checkout-rules' crate docs, reproduced field for field).
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'

import { kit, assertThrowsCode } from './helpers.mjs'

const cart = {
  currency: 'INR',
  lines: [
    { lineId: 'l1', productId: 'tea', quantity: 2, unitPrice: 25000 },
    { lineId: 'l2', productId: 'mug', quantity: 5, unitPrice: 39900 },
  ],
}
const catalog = {
  items: [
    { productId: 'tea', unitPrice: 27500, currency: 'INR', stockOnHand: 40 },
    { productId: 'mug', unitPrice: 39900, currency: 'INR', stockOnHand: 3 },
  ],
}

describe('validateCart', () => {
  test('reports a price rise and a stock shortage exactly as Rust does', () => {
    const report = kit.validateCart(cart, catalog)
    assert.deepEqual(report, {
      isValid: false,
      invalidItems: [
        {
          code: 'PRICE_INCREASED',
          severity: 'blocking',
          message: 'The price changed from ₹250.00 to ₹275.00. You will pay ₹275.00 each.',
          lineId: 'l1',
          lineIndex: 0,
          productId: 'tea',
          requestedQuantity: 2,
          oldUnitPrice: 25000,
          newUnitPrice: 27500,
          difference: 2500,
          differenceBps: 1000,
          fix: { kind: 'ACCEPT_NEW_PRICE', lineId: 'l1', lineIndex: 0, unitPrice: 27500 },
        },
        {
          code: 'INSUFFICIENT_STOCK',
          severity: 'blocking',
          message: 'Only 3 left in stock; you asked for 5. The quantity will be set to 3.',
          lineId: 'l2',
          lineIndex: 1,
          productId: 'mug',
          requestedQuantity: 5,
          availableQuantity: 3,
          fix: { kind: 'SET_QUANTITY', lineId: 'l2', lineIndex: 1, quantity: 3 },
        },
      ],
      cartProblems: [],
      totals: { currency: 'INR', lineCount: 2, totalQuantity: 5, subtotal: 174700, discount: 0, total: 174700 },
      submittedTotals: { currency: 'INR', lineCount: 2, totalQuantity: 7, subtotal: 249500, discount: 0, total: 249500 },
      fixes: [
        { kind: 'ACCEPT_NEW_PRICE', lineId: 'l1', lineIndex: 0, unitPrice: 27500 },
        { kind: 'SET_QUANTITY', lineId: 'l2', lineIndex: 1, quantity: 3 },
      ],
      repairedCart: {
        currency: 'INR',
        lines: [
          { lineId: 'l1', productId: 'tea', quantity: 2, unitPrice: 27500 },
          { lineId: 'l2', productId: 'mug', quantity: 3, unitPrice: 39900 },
        ],
      },
    })
  })

  test('a policy tolerating the price rise turns it into a warning', () => {
    const report = kit.validateCart(cart, catalog, { priceIncreaseTolerance: { basisPoints: 1000 } })
    assert.deepEqual(report.invalidItems.map((i) => [i.code, i.severity]), [
      ['PRICE_INCREASED', 'warning'],
      ['INSUFFICIENT_STOCK', 'blocking'],
    ])
    assert.equal(kit.validateCart(cart, catalog, null).invalidItems.length, 2)
  })

  test('removed, inactive and unknown products are reported with their codes', () => {
    const report = kit.validateCart(
      {
        currency: 'INR',
        lines: [
          { lineId: 'a', productId: 'gone', quantity: 1, unitPrice: 100 },
          { lineId: 'b', productId: 'off', quantity: 1, unitPrice: 100 },
          { lineId: 'c', productId: 'deleted', quantity: 1, unitPrice: 100 },
        ],
      },
      {
        items: [
          { productId: 'off', unitPrice: 100, currency: 'INR', stockOnHand: 5, active: false },
          { productId: 'deleted', unitPrice: 100, currency: 'INR', stockOnHand: 5, exists: false },
        ],
      },
    )
    assert.equal(report.isValid, false)
    assert.deepEqual(report.invalidItems.map((i) => [i.lineId, i.code]), [
      ['a', 'PRODUCT_NOT_FOUND'],
      ['b', 'PRODUCT_INACTIVE'],
      ['c', 'PRODUCT_NOT_FOUND'],
    ])
    assert.ok(report.cartProblems.some((p) => p.code === 'EMPTY_CART'))
  })

  test('applyFixes turns the report into the repaired cart', () => {
    const report = kit.validateCart(cart, catalog)
    assert.deepEqual(kit.applyFixes(cart, report.fixes), report.repairedCart)
    assert.equal(kit.validateCart(report.repairedCart, catalog).isValid, true)
  })
})

describe('planCheckout', () => {
  test('a valid cart gets a plan with locked prices, totals and stock decrements', () => {
    const repaired = kit.validateCart(cart, catalog).repairedCart
    const result = kit.planCheckout(repaired, catalog)
    assert.equal(result.isValid, true)
    assert.deepEqual(result.invalidItems, [])
    assert.equal(result.report, undefined)
    assert.equal(result.plan.total, 174700)
    assert.equal(kit.formatMinorUnits(result.plan.total, result.plan.currency), '₹1,747.00')
    assert.deepEqual(result.plan.stockDecrements, [
      { productId: 'mug', quantity: 3 },
      { productId: 'tea', quantity: 2 },
    ])
  })

  test('an invalid cart gets the report instead', () => {
    const result = kit.planCheckout(cart, catalog)
    assert.equal(result.isValid, false)
    assert.equal(result.plan, undefined)
    assert.deepEqual(result.report, kit.validateCart(cart, catalog))
    assert.deepEqual(result.invalidItems, result.report.invalidItems)
  })

  test('the order discount is allocated by largest remainder', () => {
    const result = kit.planCheckout(
      {
        currency: 'INR',
        orderDiscount: 10000,
        lines: ['x', 'y', 'z'].map((p, i) => ({ lineId: `l${i}`, productId: p, quantity: 1, unitPrice: 10000 })),
      },
      { items: ['x', 'y', 'z'].map((p) => ({ productId: p, unitPrice: 10000, currency: 'INR', stockOnHand: 5 })) },
    )
    assert.deepEqual(result.plan.lines.map((l) => l.discount), [3334, 3333, 3333])
    assert.equal(result.plan.total, 20000)
  })

  test('a price drop is charged and kept as a warning', () => {
    const result = kit.planCheckout(
      { currency: 'INR', lines: [{ lineId: 'l1', productId: 'tea', quantity: 1, unitPrice: 25000 }] },
      { items: [{ productId: 'tea', unitPrice: 20000, currency: 'INR', stockOnHand: 10 }] },
    )
    assert.equal(result.isValid, true)
    assert.equal(result.plan.total, 20000)
    assert.deepEqual(result.invalidItems.map((i) => [i.code, i.severity]), [['PRICE_DECREASED', 'warning']])
  })
})

describe('validateCarts', () => {
  test('validates many carts against one snapshot, in order', async () => {
    const carts = Array.from({ length: 50 }, (_, i) => ({
      id: `cart_${i}`,
      currency: 'INR',
      lines: [{ lineId: 'l1', productId: 'mug', quantity: (i % 5) + 1, unitPrice: 39900 }],
    }))
    const pending = kit.validateCarts(carts, catalog)
    assert.ok(pending instanceof Promise, 'validateCarts runs off the event loop')
    const reports = await pending
    assert.equal(reports.length, 50)
    reports.forEach((report, i) => {
      assert.equal(report.cartId, `cart_${i}`)
      assert.equal(report.isValid, (i % 5) + 1 <= 3)
      assert.deepEqual(report, kit.validateCart(carts[i], catalog))
    })
  })
})

describe('bad documents are coded TypeErrors', () => {
  test('missing or malformed arguments', () => {
    assertThrowsCode(() => kit.validateCart(), 'ERR_INVALID_ARG_TYPE', TypeError)
    assertThrowsCode(() => kit.validateCart(cart), 'ERR_INVALID_ARG_TYPE', TypeError)
    assertThrowsCode(() => kit.validateCart({ lines: [] }, catalog), 'ERR_INVALID_ARG_VALUE', TypeError)
    assertThrowsCode(() => kit.validateCart('cart', catalog), 'ERR_INVALID_ARG_VALUE', TypeError)
    assertThrowsCode(() => kit.validateCarts({}, catalog), 'ERR_INVALID_ARG_VALUE', TypeError)
    assertThrowsCode(() => kit.validateCart(cart, catalog, { duplicateLines: 'sometimes' }), 'ERR_INVALID_ARG_VALUE', TypeError)
  })

  test('amounts must be integers that fit: no silent truncation or saturation', () => {
    for (const unitPrice of [1.5, 1e300, '100', null]) {
      const bad = { currency: 'INR', lines: [{ lineId: 'l1', productId: 'tea', quantity: 1, unitPrice }] }
      const error = assertThrowsCode(() => kit.validateCart(bad, catalog), 'ERR_INVALID_ARG_VALUE', TypeError)
      assert.match(error.message, /cart/)
    }
  })

  test('huge but exact quantities overflow into a reported problem, not a crash', () => {
    const big = { currency: 'INR', lines: [{ lineId: 'l1', productId: 'tea', quantity: Number.MAX_SAFE_INTEGER, unitPrice: 27500 }] }
    const report = kit.validateCart(big, { items: [{ productId: 'tea', unitPrice: 27500, currency: 'INR', stockOnHand: 0, trackStock: false }] })
    assert.equal(report.isValid, false)
    assert.ok(report.invalidItems.some((i) => i.code === 'AMOUNT_OVERFLOW') || report.cartProblems.some((p) => p.code === 'AMOUNT_OVERFLOW'))
  })

  test('a cyclic object is a TypeError, not a stack overflow', () => {
    const cyclic = { currency: 'INR', lines: [] }
    cyclic.lines.push(cyclic)
    assertThrowsCode(() => kit.validateCart(cyclic, catalog), 'ERR_INVALID_ARG_VALUE', TypeError)
  })
})
