// The OFFICIAL `razorpay` npm package listing against the razorpay-sandbox binary. Its
// `paymentLink.all()` always sends `count=10&skip=0` (and `from`/`to` when given) beside the
// documented `payment_id` / `reference_id` filters; the sandbox must answer all of them as
// Razorpay does, with `{"payment_links": [...]}`. `payments.all` and `orders.all` pass the
// documented `expand[]` (in the package's own `expand[expand]=` encoding).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'

import { startSandbox } from './helpers.mjs'

let sandbox
let rzp

before(async () => {
  sandbox = await startSandbox()
  rzp = sandbox.official()
})

after(async () => {
  await sandbox?.stop()
})

test('paymentLink.all pages and filters the links, newest first', async () => {
  const links = []
  for (const n of [1, 2, 3]) {
    links.push(await rzp.paymentLink.create({ amount: 1000 * n, currency: 'INR', reference_id: `NODE-LIST-${n}` }))
  }
  const newestFirst = links.map((l) => l.id).reverse()

  const all = await rzp.paymentLink.all()
  assert.deepEqual(Object.keys(all), ['payment_links'])
  assert.deepEqual(all.payment_links.map((l) => l.id), newestFirst)
  assert.deepEqual(all.payment_links[0], await rzp.paymentLink.fetch(newestFirst[0]))

  const page = await rzp.paymentLink.all({ count: 1, skip: 1 })
  assert.deepEqual(page.payment_links.map((l) => l.id), [newestFirst[1]])

  const byReference = await rzp.paymentLink.all({ reference_id: 'NODE-LIST-2' })
  assert.deepEqual(byReference.payment_links.map((l) => l.id), [links[1].id])

  // from/to (Unix seconds) bound created_at; a window before the first link is empty.
  const createdAt = links[0].created_at
  const early = await rzp.paymentLink.all({ from: createdAt - 100, to: createdAt - 1 })
  assert.deepEqual(early.payment_links, [])
  const around = await rzp.paymentLink.all({ from: createdAt, to: createdAt + 3600 })
  assert.deepEqual(around.payment_links.map((l) => l.id), newestFirst)
})

test('paymentLink.all refuses a page size Razorpay refuses', async () => {
  try {
    await rzp.paymentLink.all({ count: 101 })
  } catch (e) {
    assert.equal(e.statusCode, 400, JSON.stringify(e))
    assert.equal(e.error.description, 'The count must be between 1 and 100.')
    return
  }
  assert.fail('expected the sandbox to refuse count=101')
})

test('payments.all and orders.all expand the card and the payments', async () => {
  const order = await rzp.orders.create({ amount: 50000, currency: 'INR' })
  const { status, body: paid } = await sandbox.control('/checkout', { order_id: order.id })
  assert.equal(status, 200, JSON.stringify(paid))

  const payments = await rzp.payments.all({ 'expand[]': 'card' })
  const payment = payments.items.find((p) => p.id === paid.razorpay_payment_id)
  assert.equal(payment.card.id, payment.card_id)
  assert.equal(payment.card.entity, 'card')

  const orders = await rzp.orders.all({ 'expand[]': 'payments' })
  const listed = orders.items.find((o) => o.id === order.id)
  assert.deepEqual(listed.payments.items.map((p) => p.id), [paid.razorpay_payment_id])
  assert.equal(listed.payments.items[0].card, undefined)
})
