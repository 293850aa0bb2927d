/**
 * Webhook ingestion benchmark (not a test: it asserts only that every delivery was accepted).
 * Runs when SHOP_BENCH=1, on PostgreSQL (DATABASE_URL, e.g. through scripts/with-postgres.sh):
 *
 *   SHOP_BENCH=1 ../../scripts/with-postgres.sh npm run bench:ingest
 *
 * ORDERS orders are placed through the API (the sandbox creates their Razorpay orders), then
 * for each one payment.authorized, payment.captured and order.paid — each delivered twice, as
 * Razorpay's at-least-once delivery does — are POSTed at concurrency 32 in shuffled order. Each
 * request is the whole ingestion path: verify the signature on the raw body, store the event,
 * apply it to the order under its row lock with its outbox rows, acknowledge.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { signWebhook } from '@checkout-kit/node';
import { SANDBOX_KEYS, SandboxProcess } from '../support/sandbox';
import { DATABASE_URL, freshDatabase } from '../support/postgres';
import { type ShopApp, bearer, startShopApp, testShopOptions } from '../support/shop-app';

const RUN = process.env.SHOP_BENCH === '1';
const ORDERS = Number(process.env.SHOP_BENCH_ORDERS ?? 300);
const CONCURRENCY = Number(process.env.SHOP_BENCH_CONCURRENCY ?? 32);

let sandbox: SandboxProcess;
let shop: ShopApp;

before(async () => {
  if (!RUN) return;
  assert.ok(DATABASE_URL, 'the benchmark needs DATABASE_URL (scripts/with-postgres.sh)');
  sandbox = await SandboxProcess.start();
  shop = await startShopApp(
    { keyId: SANDBOX_KEYS.keyId, keySecret: SANDBOX_KEYS.keySecret, webhookSecrets: [SANDBOX_KEYS.webhookSecret], baseUrl: sandbox.url },
    testShopOptions({ databaseUrl: await freshDatabase('bench') }),
  );
  await shop.repo.updateProduct('tee-classic', { stock: 1_000_000 });
});

after(async () => {
  await shop?.close();
  await sandbox?.stop();
});

function events(razorpayOrderId: string, amount: number, n: number): Array<{ id: string; body: string }> {
  const paymentId = `pay_bench${String(n).padStart(9, '0')}`;
  const payment = (status: string, captured: boolean) => ({
    id: paymentId, entity: 'payment', amount, currency: 'INR', status, order_id: razorpayOrderId,
    method: 'upi', captured, amount_refunded: 0, refund_status: null, notes: {}, created_at: 1_800_000_000,
  });
  const order = { id: razorpayOrderId, entity: 'order', amount, amount_paid: amount, amount_due: 0, currency: 'INR', status: 'paid', attempts: 1, notes: {}, created_at: 1_800_000_000 };
  const wrap = (event: string, payload: object) =>
    JSON.stringify({ entity: 'event', account_id: 'acc_bench', event, contains: Object.keys(payload), payload, created_at: 1_800_000_001 });
  return [
    { id: `evt_${n}_a`, body: wrap('payment.authorized', { payment: { entity: payment('authorized', false) } }) },
    { id: `evt_${n}_c`, body: wrap('payment.captured', { payment: { entity: payment('captured', true) } }) },
    { id: `evt_${n}_p`, body: wrap('order.paid', { payment: { entity: payment('captured', true) }, order: { entity: order } }) },
  ];
}

test(`webhook ingestion at concurrency ${CONCURRENCY} (SHOP_BENCH=1)`, { skip: RUN ? false : 'set SHOP_BENCH=1' }, async () => {
  const deliveries: Array<{ id: string; body: string; signature: string }> = [];
  for (let i = 0; i < ORDERS; i++) {
    const userId = `bench-${i}`;
    await request(shop.url).post('/cart/items').set('authorization', bearer(userId)).send({ productId: 'tee-classic', quantity: 1 });
    const session = await request(shop.url).post('/checkout').set('authorization', bearer(userId));
    assert.equal(session.status, 201);
    for (const e of events(session.body.razorpayOrderId, session.body.amount, i)) {
      const delivery = { ...e, signature: signWebhook(e.body, SANDBOX_KEYS.webhookSecret) };
      deliveries.push(delivery, delivery); // at least once: every event twice
    }
  }
  // Shuffle (deterministically) so that events of one order race each other and their copies.
  let seed = 42;
  for (let i = deliveries.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }

  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < deliveries.length) {
        const d = deliveries[next++]!;
        const t0 = performance.now();
        const res = await fetch(`${shop.url}/webhooks/razorpay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-razorpay-signature': d.signature, 'x-razorpay-event-id': d.id },
          body: d.body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // CPU of this process (the app and the load generator share it): per delivery, and as a
  // share of the wall time — near 100% means the Node event loop is what bounds throughput.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  latencies.sort((x, y) => x - y);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `# ingestion: ${deliveries.length} deliveries (${deliveries.length / 2} events, each twice) at concurrency ${CONCURRENCY}: ` +
      `${(deliveries.length / seconds).toFixed(0)} deliveries/s, p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms; ` +
      `node CPU ${(cpuMs / deliveries.length).toFixed(1)} ms/delivery, ${((cpuMs / 1000 / seconds) * 100).toFixed(0)}% of wall time`,
  );
  assert.equal(failures, 0);
});
