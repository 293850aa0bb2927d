// Compile-only check (tsc --noEmit, run by `npm test`): the Razorpay class's methods return
// the generated model types (types/razorpay.d.ts, from razorpay-core's Rust types), and
// webhook payloads are typed for every documented event.
import type { Collection, Customer, Order, PaymentStep, Reversal, SettlementReconItem, Token, WebhookEvent } from '../index'
import DefaultRazorpay from '../index'

async function typedAnswers(event: WebhookEvent): Promise<void> {
  const rzp = new DefaultRazorpay({ key_id: 'rzp_test_x', key_secret: 's' })
  const customer: Customer = await rzp.customers.create({ name: 'Gaurav Kumar' })
  const email: string | null | undefined = customer.email
  const tokens: Collection<Token> = await rzp.customers.fetchTokens(customer.id)
  const method: string | null | undefined = tokens.items[0]?.method
  const reversal: Reversal = await rzp.transfers.reverse('trf_1', { amount: 100 })
  const order: Order = await rzp.orders.fetch('order_1')
  // @ts-expect-error a customer is not an order
  const wrong: Order = await rzp.customers.fetch('cust_1')
  // The S2S steps, IINs, recon lines and the payment-link list are typed too.
  const otp: PaymentStep = await rzp.payments.otpGenerate('pay_1')
  const signature: string | null | undefined = (await rzp.payments.otpSubmit('pay_1', { otp: '1234' })).razorpay_signature
  // @ts-expect-error a payment step is not a payment
  const notPayment: Order = await rzp.payments.createPaymentJson({ amount: 100 })
  const network: string | null | undefined = (await rzp.iins.fetch('412345')).network
  const iins: Array<string> | undefined = (await rzp.iins.all({ flow: 'otp' })).iins
  const lines: Collection<SettlementReconItem> = await rzp.settlements.reports({ year: 2020, month: 9 })
  const fee: number | null | undefined = lines.items[0]?.fee
  const links: number = (await rzp.paymentLink.all({})).payment_links.length
  const pending: number | null | undefined = (await rzp.settlements.fetchOndemandSettlementById('setlod_1', {})).amount_pending
  // @ts-expect-error a recon line's notes are not Notes (Razorpay writes a string there)
  const reconNotes: { [key: string]: string } = lines.items[0]!.notes
  // Answers with nothing to type (`[]` on deletions) stay `any`.
  const deleted: { anything: true } = await rzp.items.delete('item_1')
  rzp.plans.fetch('plan_1', (error, plan) => void [error, plan?.item?.amount])

  const settled: number | undefined = event.payload.settlement?.entity.amount
  const qr: string | null | undefined = event.payload.qr_code?.entity.close_reason
  const transferred: number | undefined = event.payload.transfer?.entity.amount
  const token: string | null | undefined = event.payload.token?.entity.status
  const validation = event.payload['fund_account.validation']?.entity.fund_account?.id
  const account: string | undefined = event.payload.account?.entity.id
  const va: number | null | undefined = event.payload.virtual_account?.entity.amount_paid
  const dispute: number | undefined = event.payload.dispute?.entity.amount
  void email, method, reversal, order, wrong, otp, signature, notPayment, network, iins, fee, links, pending, reconNotes, deleted, settled, qr, transferred, token, validation, account, va, dispute
}
void typedAnswers
