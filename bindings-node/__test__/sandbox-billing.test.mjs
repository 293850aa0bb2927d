// The OFFICIAL `razorpay` npm package (a devDependency) driving the sandbox's billing
// resources against the razorpay-sandbox binary: saved-card tokens, add-ons, subscription
// updates, items, standalone invoices (paid through the sandbox control, verified with the
// official package's own signature check) and refund.speed_changed. What a shop written
// against the official package sees is what the sandbox serves.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'

import { officialUtils, startSandbox } from './helpers.mjs'

let sandbox
let rzp

before(async () => {
  sandbox = await startSandbox()
  rzp = sandbox.official()
})

after(async () => {
  await sandbox?.stop()
})

/** A sandbox control that must succeed. */
async function control(path, body) {
  const { status, body: answer } = await sandbox.control(path, body)
  assert.equal(status, 200, `${path}: ${JSON.stringify(answer)}`)
  return answer
}

/** The official package's rejection: Razorpay's error description. */
async function refusal(promise) {
  try {
    await promise
  } catch (e) {
    assert.equal(e.statusCode, 400, JSON.stringify(e))
    return e.error.description
  }
  assert.fail('expected Razorpay to refuse the request')
}

async function monthlyPlan(amount) {
  return rzp.plans.create({ period: 'monthly', interval: 1, item: { name: `Plan ${amount}`, amount, currency: 'INR' } })
}

const MONTH = 31 * 24 * 3600

describe('tokens', () => {
  test('Checkout with save: 1 saves the card on the customer; fetchTokens, fetchToken, deleteToken', async () => {
    const customer = await rzp.customers.create({ name: 'Gaurav Kumar', email: 'tokens.node@example.com' })
    const order = await rzp.orders.create({ amount: 50000, currency: 'INR' })
    const paid = await control('/checkout', { order_id: order.id, customer_id: customer.id, save: 1 })
    const payment = await rzp.payments.fetch(paid.razorpay_payment_id)
    assert.match(payment.token_id, /^token_[0-9A-Za-z]{14}$/)

    const tokens = await rzp.customers.fetchTokens(customer.id)
    assert.equal(tokens.entity, 'collection')
    assert.deepEqual(tokens.items.map((t) => t.id), [payment.token_id])
    const token = await rzp.customers.fetchToken(customer.id, payment.token_id)
    assert.deepEqual(token, tokens.items[0])
    assert.equal(token.entity, 'token')
    assert.equal(token.method, 'card')
    assert.equal(token.card.last4, '1111')

    assert.deepEqual(await rzp.customers.deleteToken(customer.id, payment.token_id), { deleted: true })
    assert.equal((await rzp.customers.fetchTokens(customer.id)).count, 0)
    assert.equal(await refusal(rzp.customers.fetchToken(customer.id, payment.token_id)), 'The id provided does not exist')
  })
})

describe('add-ons', () => {
  test('createAddon, fetch, all, delete; the add-on is charged on the next invoice', async () => {
    const plan = await monthlyPlan(69900)
    const sub = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 6 })
    await control(`/subscriptions/${sub.id}/authenticate`, { method: 'card' })
    const addon = await rzp.subscriptions.createAddon(sub.id, {
      item: { name: 'Extra appala (papadum)', amount: 30000, currency: 'INR', description: '1 extra oil fried appala with meals' },
      quantity: 2,
    })
    assert.match(addon.id, /^ao_[0-9A-Za-z]{14}$/)
    assert.equal(addon.entity, 'addon')
    assert.equal(addon.item.type, 'addon')
    assert.equal(addon.invoice_id, null)
    assert.deepEqual(await rzp.addons.fetch(addon.id), addon)
    const extra = await rzp.subscriptions.createAddon(sub.id, { item: { name: 'Extra sweet', amount: 9000, currency: 'INR' } })
    assert.ok((await rzp.addons.all()).items.some((a) => a.id === extra.id))
    assert.deepEqual(await rzp.addons.delete(extra.id), [])

    await control('/clock/advance', { seconds: MONTH })
    const charged = await rzp.addons.fetch(addon.id)
    assert.match(charged.invoice_id, /^inv_/)
    const invoice = await rzp.invoices.fetch(charged.invoice_id)
    assert.equal(invoice.amount, 69900 + 60000)
    assert.deepEqual(invoice.line_items.map((l) => l.type), ['plan', 'addon'])
  })
})

describe('subscription updates', () => {
  test('update now and at cycle_end, pendingUpdate, cancelScheduledChanges', async () => {
    const [basic, premium] = [await monthlyPlan(50000), await monthlyPlan(90000)]
    const sub = await rzp.subscriptions.create({ plan_id: basic.id, total_count: 6 })
    assert.equal(await refusal(rzp.subscriptions.update(sub.id, { quantity: 2 })), 'Subscription cannot be updated when it is in created state')
    await control(`/subscriptions/${sub.id}/authenticate`, {})

    const now = await rzp.subscriptions.update(sub.id, { quantity: 2, schedule_change_at: 'now' })
    assert.equal(now.quantity, 2)
    const scheduled = await rzp.subscriptions.update(sub.id, { plan_id: premium.id, schedule_change_at: 'cycle_end' })
    assert.equal(scheduled.has_scheduled_changes, true)
    assert.equal(scheduled.change_scheduled_at, scheduled.current_end)
    assert.equal((await rzp.subscriptions.pendingUpdate(sub.id)).plan_id, premium.id)
    assert.equal((await rzp.subscriptions.cancelScheduledChanges(sub.id)).has_scheduled_changes, false)
    await rzp.subscriptions.update(sub.id, { plan_id: premium.id, schedule_change_at: 'cycle_end' })

    await control('/clock/advance', { seconds: MONTH })
    const after = await rzp.subscriptions.fetch(sub.id)
    assert.equal(after.plan_id, premium.id)
    assert.equal(after.has_scheduled_changes, false)
    const invoices = await rzp.invoices.all({ subscription_id: sub.id })
    assert.equal(invoices.items[0].amount, 2 * 90000)
  })
})

describe('items', () => {
  test('create, fetch, all, edit, delete', async () => {
    const item = await rzp.items.create({ name: 'Book / English August', description: 'An indian story, Booker prize winner.', amount: 20000, currency: 'INR' })
    assert.match(item.id, /^item_[0-9A-Za-z]{14}$/)
    assert.equal(item.unit_amount, 20000)
    assert.deepEqual(await rzp.items.fetch(item.id), item)
    const edited = await rzp.items.edit(item.id, { name: 'Book / Ignited Minds - Updated name!', active: false })
    assert.equal(edited.name, 'Book / Ignited Minds - Updated name!')
    assert.equal(edited.active, false)
    assert.ok((await rzp.items.all()).items.some((i) => i.id === item.id))
    assert.deepEqual(await rzp.items.delete(item.id), [])
    assert.equal(await refusal(rzp.items.fetch(item.id)), 'The id provided does not exist')
  })
})

describe('invoices', () => {
  test('draft, edit, issue, notifyBy, paid through the sandbox with a signature the official package accepts', async () => {
    const draft = await rzp.invoices.create({
      type: 'invoice',
      draft: '1',
      description: 'Invoice for the month of January 2020',
      receipt: 'rcpt_node_inv',
      customer: { name: 'Gaurav Kumar', contact: 9999999999, email: 'gaurav.kumar@example.com' },
      line_items: [{ name: 'Master Cloud Computing in 30 Days', description: 'Book by Ravena Ravenclaw', amount: 39900, currency: 'INR', quantity: 1 }],
    })
    assert.equal(draft.status, 'draft')
    const edited = await rzp.invoices.edit(draft.id, { line_items: [{ name: 'Book / A Wild Sheep Chase', amount: 20000, currency: 'INR', quantity: 1 }] })
    assert.equal(edited.amount, 59900)
    const issued = await rzp.invoices.issue(draft.id)
    assert.equal(issued.status, 'issued')
    assert.match(issued.order_id, /^order_/)
    assert.deepEqual(await rzp.invoices.notifyBy(draft.id, 'sms'), { success: true })

    const paid = await control(`/invoices/${draft.id}/pay`, { method: 'upi' })
    assert.equal(paid.razorpay_invoice_status, 'paid')
    assert.ok(
      officialUtils.validateWebhookSignature(
        `${paid.razorpay_invoice_id}|${paid.razorpay_invoice_receipt}|${paid.razorpay_invoice_status}|${paid.razorpay_payment_id}`,
        paid.razorpay_signature,
        sandbox.keySecret,
      ),
    )
    const fetched = await rzp.invoices.fetch(draft.id)
    assert.equal(fetched.status, 'paid')
    assert.equal(fetched.amount_due, 0)
    assert.equal((await rzp.payments.fetch(paid.razorpay_payment_id)).invoice_id, draft.id)
    assert.deepEqual((await rzp.invoices.all({ receipt: 'rcpt_node_inv' })).items.map((i) => i.id), [draft.id])
  })

  test('cancel an issued invoice, delete a draft, expire on sandbox time', async () => {
    const customer = await rzp.customers.create({ email: 'invoices.node@example.com' })
    const lines = [{ name: 'Tea', amount: 5000, currency: 'INR' }]
    const issued = await rzp.invoices.create({ type: 'invoice', customer_id: customer.id, line_items: lines })
    assert.equal((await rzp.invoices.cancel(issued.id)).status, 'cancelled')
    const draft = await rzp.invoices.create({ type: 'invoice', draft: 1, customer_id: customer.id, line_items: lines })
    assert.deepEqual(await rzp.invoices.delete(draft.id), [])
    const { body: clock } = await sandbox.control('/clock')
    const expiring = await rzp.invoices.create({ type: 'invoice', customer_id: customer.id, line_items: lines, expire_by: clock.now + 3600 })
    await control('/clock/advance', { seconds: 3601 })
    assert.equal((await rzp.invoices.fetch(expiring.id)).status, 'expired')
  })
})

describe('refund speed', () => {
  test('an optimum refund without instant refunds falls back to normal with refund.speed_changed', async () => {
    const events = []
    const receiver = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        events.push(JSON.parse(body).event)
        res.end('ok')
      })
    })
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    try {
      await control('/webhooks', { url: `http://127.0.0.1:${receiver.address().port}/hook`, events: ['refund.created', 'refund.speed_changed', 'refund.processed'] })
      const order = await rzp.orders.create({ amount: 50000, currency: 'INR' })
      const paid = await control('/checkout', { order_id: order.id, method: 'netbanking' })
      await control('/refunds/instant', { available: false })
      const refund = await rzp.payments.refund(paid.razorpay_payment_id, { amount: 2000, speed: 'optimum' })
      assert.equal(refund.speed_requested, 'optimum')
      assert.equal(refund.speed_processed, 'normal')
      await control('/refunds/instant', { available: true })
      assert.equal((await sandbox.control('/webhooks/idle?timeout_ms=10000')).body.idle, true)
      assert.deepEqual(events, ['refund.created', 'refund.speed_changed', 'refund.processed'])
    } finally {
      await new Promise((resolve) => receiver.close(resolve))
    }
  })
})
