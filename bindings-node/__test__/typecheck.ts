// Compile-only check (tsc --noEmit, run by `npm test`): the generated index.d.ts is valid
// TypeScript and types the documented usage, including the `Razorpay` alias.
import {
  Razorpay,
  RazorpayClient,
  WebhookVerifier,
  verifyWebhookSignature,
  validatePaymentVerification,
  validateCart,
  planCheckout,
  createPaymentState,
  applyPaymentEvent,
  formatMinorUnits,
  generateOnboardingSignature,
  OAuthTokenClient,
  type OAuthTokenResponse,
  type Cart,
  type Catalog,
  type RazorpayApiError,
  type RazorpayOrder,
  type WebhookEvent,
  type PaymentOutcome,
} from '../index'
import DefaultRazorpay from '../index'

async function usage(rawBody: Buffer, signature: string): Promise<void> {
  const client: RazorpayClient = new RazorpayClient({ key_id: 'rzp_test_x', key_secret: 's', retries: 2, timeouts: { request: 5000 } })
  // The official package's class and call shapes, generated from the API table.
  const rzp: Razorpay = new DefaultRazorpay({ key_id: 'rzp_test_x', key_secret: 's', headers: { 'X-Razorpay-Account': 'acc_1' } })
  await rzp.orders.create({ amount: '50000', payment: { capture: 'automatic' } })
  await rzp.payments.fetch('pay_x', { 'expand[]': 'card' })
  await rzp.payments.capture('pay_x', 5000, 'INR')
  await rzp.refunds.edit('rfnd_x', { notes: { a: 'b' } })
  await rzp.payments.refund('pay_x', { amount: 100 }, { idempotencyKey: 'key-0000001' })
  await rzp.webhooks.edit({ url: 'https://x' }, 'wh_1', 'acc_1', (error, value) => void [error, value])
  const mode: string = rzp.mode
  const order: RazorpayOrder = await client.orders.create({ amount: 50000, currency: 'INR', receipt: 'r', notes: { a: 'b' } })
  const paid: number = order.amount_paid
  const payments = await client.orders.fetchPayments(order.id)
  const status: string = payments.items[0].status
  await client.payments.refund('pay_x', { amount: 100, speed: 'optimum' }, { idempotencyKey: 'key-0000001' })
  try {
    await client.refunds.all({ payment_id: 'pay_x', count: 10 })
  } catch (e) {
    const error = e as RazorpayApiError
    const description: string | undefined = error.error?.description
    const statusCode: number | null = error.statusCode
    void description, statusCode
  }
  const ok: boolean = verifyWebhookSignature(rawBody, signature, 'secret') && Razorpay.validateWebhookSignature(rawBody, signature, 'secret')
  const verifier = new WebhookVerifier(['new', 'old'])
  const event: WebhookEvent = verifier.constructEvent(rawBody, signature)
  const amount: number | undefined = event.payload.payment?.entity.amount
  const cart: Cart = { currency: 'INR', lines: [{ lineId: 'l1', productId: 'p', quantity: 1, unitPrice: 100 }] }
  const catalog: Catalog = { items: [{ productId: 'p', unitPrice: 100, currency: 'INR', stockOnHand: 1 }] }
  const report = validateCart(cart, catalog)
  const valid: boolean = report.isValid && report.invalidItems.length === 0
  const plan = planCheckout(cart, catalog, { priceIncreaseTolerance: { basisPoints: 100 } })
  const total: number = plan.isValid ? plan.plan.total : plan.report.totals?.total ?? 0
  const state = createPaymentState(order.id, order.amount, order.currency, { captureMode: 'manual' })
  const outcome: PaymentOutcome = applyPaymentEvent(state, { type: 'webhook', eventId: 'evt_1', event })
  const shown: string = formatMinorUnits(total, 'INR')
  const callbackOk: boolean = validatePaymentVerification({ order_id: order.id, payment_id: 'pay_x' }, signature, 's')
  void paid, status, ok, amount, valid, outcome, shown, callbackOk
}
void usage

// The official OAuth client and onboarding signature, same names and arguments.
async function oauthUsage(): Promise<string> {
  const signature: string = generateOnboardingSignature({ submerchant_id: 'acc_1', timestamp: 1 }, 'secret-of-16-chars')
  const oauth = new OAuthTokenClient()
  const url: string = oauth.generateAuthUrl({ client_id: 'x', response_type: 'code', redirect_uri: 'https://e.com',
    scope: ['read_only'], state: 's', onboarding_signature: signature })
  const tokens: OAuthTokenResponse = await oauth.getAccessToken({ client_id: 'x', client_secret: 's',
    grant_type: 'authorization_code', redirect_uri: 'https://e.com', code: 'c' })
  await oauth.revokeToken({ client_id: 'x', client_secret: 's', token_type_hint: 'access_token', token: tokens.access_token })
  return url
}
void oauthUsage
