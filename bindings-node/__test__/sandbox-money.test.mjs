// The OFFICIAL `razorpay` npm package (a devDependency) driving the sandbox's money-movement
// resources against the razorpay-sandbox binary: settlements (T+2 on sandbox time, recon,
// on-demand),
// disputes (raise, contest, accept, decide), QR codes and virtual accounts (create, credit,
// close), transfers (split, hold, reverse), with their webhooks received and their signatures checked by the official helper.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'

import { Razorpay as OfficialRazorpay, officialUtils, startSandbox } from './helpers.mjs'

let sandbox
let razorpay
let receiver
const received = []

/** The IST date of a Unix timestamp, as Razorpay's recon report counts days. */
function istDate(unixSecs) {
  const d = new Date((unixSecs + 19800) * 1000)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** Webhooks received so far whose event starts with `prefix`, after deliveries settle. */
async function hooks(prefix) {
  const { body } = await sandbox.control('/webhooks/idle?timeout_ms=10000')
  assert.equal(body.idle, true)
  return received.filter((h) => h.event.startsWith(prefix))
}

/** A captured card payment through an order the official package creates. */
async function capturedPayment(amount) {
  const order = await razorpay.orders.create({ amount, currency: 'INR', receipt: `rcpt_${amount}` })
  const { status, body } = await sandbox.control('/checkout', { order_id: order.id })
  assert.equal(status, 200, JSON.stringify(body))
  return razorpay.payments.fetch(body.razorpay_payment_id)
}

before(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const event = JSON.parse(body)
      received.push({ event: event.event, body, event_json: event, signature: request.headers['x-razorpay-signature'] })
      response.end('ok')
    })
  })
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  sandbox = await startSandbox()
  const { status } = await sandbox.control('/webhooks', { url: `http://127.0.0.1:${receiver.address().port}/hook` })
  assert.equal(status, 200)
  razorpay = sandbox.official()
})

after(async () => {
  await sandbox?.stop()
  await new Promise((resolve) => receiver?.close(resolve))
})

describe('the official razorpay package against the sandbox', () => {
  test('disputes: raise, list, contest (draft, submit), decide, accept', async () => {
    const payment = await capturedPayment(50000)
    const raised = await sandbox.control(`/payments/${payment.id}/dispute`, { amount: 39000 })
    assert.equal(raised.status, 200, JSON.stringify(raised.body))
    const id = raised.body.id
    assert.match(id, /^disp_[0-9A-Za-z]{14}$/)
    assert.deepEqual(await razorpay.disputes.fetch(id), raised.body)
    const all = await razorpay.disputes.all({ count: 5 })
    assert.equal(all.items[0].id, id)

    const draft = await razorpay.disputes.contest(id, { summary: 'goods delivered', shipping_proof: ['doc_EFtmUsbwpXwBH9'], action: 'draft' })
    assert.equal(draft.status, 'open')
    const submitted = await razorpay.disputes.contest(id, { billing_proof: ['doc_EFtmUsbwpXwBG9'], action: 'submit' })
    assert.equal(submitted.status, 'under_review')
    assert.deepEqual(submitted.evidence.shipping_proof, ['doc_EFtmUsbwpXwBH9'])
    const won = await sandbox.control(`/disputes/${id}/resolve`, { result: 'won' })
    assert.equal(won.body.status, 'won')

    const second = await sandbox.control(`/payments/${payment.id}/dispute`, { amount: 1000 })
    const lost = await razorpay.disputes.accept(second.body.id)
    assert.equal(lost.status, 'lost')
    assert.equal(lost.amount_deducted, 1000)
    const error = await razorpay.disputes.accept(second.body.id).catch((e) => e)
    assert.equal(error.statusCode, 400)
    assert.equal(error.error.description, 'Only an open dispute can be accepted')

    const events = (await hooks('payment.dispute.')).map((h) => h.event)
    assert.deepEqual(events, [
      'payment.dispute.created',
      'payment.dispute.under_review',
      'payment.dispute.won',
      'payment.dispute.created',
      'payment.dispute.lost',
    ])
  })

  test('settlements: nothing before T+2, then one settlement, its recon and settlement.processed', async () => {
    const before = await razorpay.settlements.all()
    assert.equal(before.count, 0)
    const payment = await capturedPayment(20000)
    await razorpay.payments.refund(payment.id, { amount: 5000 })
    const advanced = await sandbox.control('/clock/advance', { seconds: 2 * 24 * 3600 + 60 })
    assert.equal(advanced.status, 200)
    const all = await razorpay.settlements.all({ count: 10 })
    assert.equal(all.count, 1)
    const settlement = all.items[0]
    assert.match(settlement.id, /^setl_[0-9A-Za-z]{14}$/)
    assert.equal(settlement.status, 'processed')
    assert.deepEqual(await razorpay.settlements.fetch(settlement.id), settlement)

    const report = await razorpay.settlements.reports(istDate(settlement.created_at))
    const net = report.items.reduce((sum, item) => sum + item.credit - item.debit, 0)
    assert.equal(net, settlement.amount)
    assert.ok(report.items.some((item) => item.entity_id === payment.id && item.fee === payment.fee))
    assert.ok(report.items.every((item) => item.settlement_id === settlement.id))

    // On-demand: the official package's expand form (`expand[expand]=…`) is understood.
    const more = await capturedPayment(40000)
    const instant = await razorpay.settlements.createOndemandSettlement({ amount: 20000, settle_full_balance: false, description: 'vendor payments' })
    assert.match(instant.id, /^setlod_[0-9A-Za-z]{14}$/)
    assert.equal(instant.fees, 59)
    const expanded = await razorpay.settlements.fetchOndemandSettlementById(instant.id, { 'expand[]': 'ondemand_payouts' })
    assert.equal(expanded.ondemand_payouts.items[0].amount, 20000)
    const listed = await razorpay.settlements.fetchAllOndemandSettlement({ 'expand[]': 'ondemand_payouts' })
    assert.equal(listed.items[0].ondemand_payouts.count, 1)
    const tooMuch = await razorpay.settlements.createOndemandSettlement({ amount: more.amount }).catch((e) => e)
    assert.equal(tooMuch.statusCode, 400)

    const [hook] = await hooks('settlement.')
    assert.equal(hook.event_json.payload.settlement.entity.id, settlement.id)
    assert.ok(OfficialRazorpay.validateWebhookSignature(hook.body, hook.signature, sandbox.webhookSecret))
  })

  test('QR codes: create, fetch, all, pay, payments, close', async () => {
    const qr = await razorpay.qrCode.create({ type: 'upi_qr', name: 'Store_1', usage: 'multiple_use', fixed_amount: false, notes: { purpose: 'Test' } })
    assert.match(qr.id, /^qr_[0-9A-Za-z]{14}$/)
    assert.equal(qr.status, 'active')
    assert.deepEqual(await razorpay.qrCode.fetch(qr.id), qr)
    assert.equal((await razorpay.qrCode.all({ count: 5 })).items[0].id, qr.id)

    const paid = await sandbox.control(`/qr_codes/${qr.id}/pay`, { amount: 200 })
    assert.equal(paid.status, 200, JSON.stringify(paid.body))
    const payments = await razorpay.qrCode.fetchAllPayments(qr.id, { count: 5 })
    assert.equal(payments.items[0].id, paid.body.id)
    assert.equal((await razorpay.payments.fetch(paid.body.id)).order_id, null)

    const closed = await razorpay.qrCode.close(qr.id)
    assert.equal(closed.status, 'closed')
    assert.equal(closed.close_reason, 'on_demand')
    const [credited] = await hooks('qr_code.credited')
    assert.deepEqual(credited.event_json.contains, ['payment', 'qr_code'])
    assert.equal(credited.event_json.payload.qr_code.entity.payments_amount_received, 200)
    assert.ok(officialUtils.validateWebhookSignature(credited.body, credited.signature, sandbox.webhookSecret))

    const error = await razorpay.qrCode.fetch('qr_HMsVL8HOpbMcjU').catch((e) => e)
    assert.equal(error.statusCode, 400)
    assert.equal(error.error.description, 'The id provided does not exist')
  })

  test('virtual accounts: create, receivers, allowed payers, credit, payments, bank transfer, close', async () => {
    const account = await razorpay.virtualAccounts.create({
      receivers: { types: ['bank_account'] },
      description: 'Virtual Account for Raftar Soft',
      allowed_payers: [{ type: 'bank_account', bank_account: { ifsc: 'UTIB0000013', account_number: '914010012345679' } }],
    })
    assert.match(account.id, /^va_[0-9A-Za-z]{14}$/)
    assert.equal(account.receivers[0].entity, 'bank_account')
    const withVpa = await razorpay.virtualAccounts.addReceiver(account.id, { types: ['vpa'], vpa: { descriptor: 'gaurikumari' } })
    assert.equal(withVpa.receivers[1].address, 'rpy.payto00000gaurikumari@icici')
    const withPayer = await razorpay.virtualAccounts.allowedPayer(account.id, { type: 'bank_account', bank_account: { ifsc: 'HDFC0000053', account_number: '50100001234567' } })
    assert.equal(withPayer.allowed_payers.length, 2)
    await razorpay.virtualAccounts.deleteAllowedPayer(account.id, withPayer.allowed_payers[1].id)
    assert.equal((await razorpay.virtualAccounts.fetch(account.id)).allowed_payers.length, 1)

    const credit = await sandbox.control(`/virtual_accounts/${account.id}/credit`, { amount: 10000, mode: 'RTGS' })
    assert.equal(credit.status, 200, JSON.stringify(credit.body))
    assert.equal(credit.body.method, 'bank_transfer')
    const transfer = await razorpay.payments.bankTransfer(credit.body.id)
    assert.equal(transfer.mode, 'RTGS')
    assert.equal(transfer.payer_bank_account.ifsc, 'UTIB0000013')
    const payments = await razorpay.virtualAccounts.fetchPayments(account.id)
    assert.equal(payments.items[0].id, credit.body.id)
    assert.equal((await razorpay.virtualAccounts.all()).items[0].amount_paid, 10000)

    const closed = await razorpay.virtualAccounts.close(account.id)
    assert.equal(closed.status, 'closed')
    const [credited] = await hooks('virtual_account.credited')
    assert.deepEqual(credited.event_json.contains, ['payment', 'virtual_account', 'bank_transfer'])
    assert.ok(officialUtils.validateWebhookSignature(credited.body, credited.signature, sandbox.webhookSecret))
  })

  test('transfers: split a payment, list, hold and release, reverse, direct', async () => {
    const payment = await capturedPayment(30000)
    const created = await razorpay.payments.transfer(payment.id, {
      transfers: [{ account: 'acc_CPRsN1LkFccllA', amount: 10000, currency: 'INR', notes: { branch: 'North' }, linked_account_notes: ['branch'], on_hold: true }],
    })
    const transfer = created.items[0]
    assert.match(transfer.id, /^trf_[0-9A-Za-z]{14}$/)
    assert.equal(transfer.source, payment.id)
    assert.equal((await razorpay.payments.fetchTransfer(payment.id)).items[0].id, transfer.id)
    assert.deepEqual(await razorpay.transfers.fetch(transfer.id), transfer)
    assert.ok((await razorpay.transfers.all({ count: 10 })).items.some((t) => t.id === transfer.id))
    const released = await razorpay.transfers.edit(transfer.id, { on_hold: 0 })
    assert.equal(released.on_hold, false)
    const reversal = await razorpay.transfers.reverse(transfer.id, { amount: 4000 })
    assert.match(reversal.id, /^rvrsl_[0-9A-Za-z]{14}$/)
    assert.equal((await razorpay.transfers.fetch(transfer.id)).amount_reversed, 4000)
    const direct = await razorpay.transfers.create({ account: 'acc_CPRsN1LkFccllA', amount: 500, currency: 'INR' })
    assert.equal(direct.entity, 'transfer')
    const error = await razorpay.payments.transfer(payment.id, { transfers: [{ account: 'acc_CPRsN1LkFccllA', amount: 30000, currency: 'INR' }] }).catch((e) => e)
    assert.equal(error.statusCode, 400)
    const processed = await hooks('transfer.processed')
    assert.deepEqual(processed.map((h) => h.event_json.payload.transfer.entity.id), [transfer.id, direct.id])
  })
})
