// The Razorpay class (the module itself) against razorpay-sandbox: the official call shapes
// that the old typed client refused now work, with our errors, timeouts and retries kept.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'

import { kit, startSandbox, assertRejectsCode } from './helpers.mjs'

let sandbox
let rzp

before(async () => {
  sandbox = await startSandbox()
  rzp = new kit({ key_id: sandbox.keyId, key_secret: sandbox.keySecret, baseUrl: sandbox.url })
})

after(async () => {
  await sandbox?.stop()
})

test('orders.create defaults the currency to INR and takes a string amount', async () => {
  const order = await rzp.orders.create({ amount: '50000', receipt: 'class_1', notes: { cart: 'c_1' } })
  assert.equal(order.entity, 'order')
  assert.equal(order.currency, 'INR')
  assert.equal(order.amount, 50000)
  const fetched = await rzp.orders.fetch(order.id)
  assert.equal(fetched.id, order.id)
  const page = await rzp.orders.all({ from: '2000-01-01', count: 5 })
  assert.equal(page.entity, 'collection')
  assert.ok(page.items.some((o) => o.id === order.id))
})

test('a node-style callback as last argument', async () => {
  const order = await rzp.orders.create({ amount: 10000 })
  const result = await new Promise((resolve) => rzp.orders.fetch(order.id, (error, value) => resolve({ error, value })))
  assert.equal(result.error, null)
  assert.equal(result.value.id, order.id)
  const failure = await new Promise((resolve) => rzp.orders.fetch('order_doesnotexist1', (error, value) => resolve({ error, value })))
  assert.equal(failure.value, null)
  assert.equal(failure.error.code, 'NOT_FOUND')
})

test('bad input is a coded rejection and nothing is sent', async () => {
  const tooLong = await assertRejectsCode(rzp.orders.create({ amount: 100, receipt: 'r'.repeat(41) }), 'RECEIPT_TOO_LONG')
  assert.equal(tooLong.field, 'receipt')
  assert.equal(tooLong.requestSent, false)
  await assertRejectsCode(rzp.orders.fetch('../../x'), 'ID_INVALID')
  await assertRejectsCode(rzp.orders.fetch(), 'ARGUMENT_MISSING')
  await assertRejectsCode(rzp.orders.all({ to: 'someday' }), 'ARGUMENT_INVALID')
  await assertRejectsCode(rzp.request('orders.teleport', {}), 'METHOD_UNKNOWN')
})

test('the module is the class; every official method exists', () => {
  assert.equal(typeof kit, 'function')
  assert.equal(kit.default, kit)
  const methods = Object.values(rzp).filter((api) => typeof api === 'object').reduce((n, api) => n + Object.keys(api).length, 0)
  assert.equal(methods, kit.apiEndpoints().length)
  assert.equal(methods, 142)
  assert.ok(!JSON.stringify(rzp).includes(sandbox.keySecret))
})
