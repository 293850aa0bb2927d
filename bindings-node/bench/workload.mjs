// The API calls the benchmark measures, written once for both clients: @checkout-kit/node is a
// drop-in, so the official call shapes run unchanged on either. Shared by the throughput
// benchmark (api.mjs) and the memory children (rss-child.mjs).

/** The measured calls, in report order. */
export const CALLS = ['orders.create', 'orders.fetch', 'payments.all', 'payments.refund', 'customers.create']

let sequence = 0

/** One call of `name` through `client`; `fixtures` from `prepare`. */
export function call(name, client, fixtures) {
  sequence += 1
  const i = sequence
  switch (name) {
    case 'orders.create':
      return client.orders.create({ amount: 50000 + (i % 1000), currency: 'INR', receipt: `bench_${i}`, notes: { cart: `cart_${i}` } })
    case 'orders.fetch':
      return client.orders.fetch(fixtures.orderId)
    case 'payments.all':
      return client.payments.all({ count: 10 })
    case 'payments.refund':
      return client.payments.refund(fixtures.paymentIds[i % fixtures.paymentIds.length], { amount: 100, notes: { reason: `bench ${i}` } })
    case 'customers.create':
      return client.customers.create({
        name: 'Bench Customer',
        email: `bench_${fixtures.tag}_${i}@example.com`,
        contact: String(9000000000 + ((fixtures.seed + i) % 999999999)),
        fail_existing: '0',
      })
    default:
      throw new Error(`unknown call ${name}`)
  }
}

/**
 * What the calls need in the sandbox: an order to fetch, and large captured payments to
 * refund 100 paise at a time (each can take 500,000 refunds), paid through the sandbox's
 * simulated Checkout.
 */
export async function prepare(client, sandboxUrl, tag) {
  const order = await client.orders.create({ amount: 50000, currency: 'INR', receipt: `bench_fetch_${tag}` })
  const paymentIds = []
  for (let n = 0; n < 8; n += 1) {
    const big = await client.orders.create({ amount: 50_000_000, currency: 'INR', receipt: `bench_refund_${tag}_${n}` })
    const response = await fetch(`${sandboxUrl}/sandbox/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order_id: big.id }),
    })
    const paid = await response.json()
    if (response.status !== 200) throw new Error(`checkout failed: ${JSON.stringify(paid)}`)
    const payment = await client.payments.fetch(paid.razorpay_payment_id)
    if (payment.status === 'authorized') await client.payments.capture(payment.id, payment.amount, payment.currency)
    paymentIds.push(payment.id)
  }
  return { orderId: order.id, paymentIds, tag, seed: Math.floor(Math.random() * 1e8) }
}

/** Runs `total` calls of `name` with `concurrency` in flight; calls per second. */
export async function throughput(name, client, fixtures, total, concurrency) {
  let started = 0
  const start = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started += 1
        await call(name, client, fixtures)
      }
    }),
  )
  return total / (Number(process.hrtime.bigint() - start) / 1e9)
}
