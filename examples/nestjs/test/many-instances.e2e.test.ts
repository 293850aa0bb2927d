/**
 * Two app instances on one PostgreSQL database, both registered with the sandbox, so each
 * receives every webhook — duplicated and shuffled by the sandbox — while both outbox workers
 * poll. Every effect must happen once: one "paid" fulfilment and one email per order, no lost
 * update, and duplicates recognised by the database.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { SANDBOX_KEYS, SandboxProcess } from './support/sandbox';
import { SKIP_WITHOUT_POSTGRES, freshDatabase, query } from './support/postgres';
import { MailCatcher } from './support/smtp';
import { type ShopApp, bearer, startShopApp, testShopOptions, waitFor } from './support/shop-app';

const ORDERS = 6;
let sandbox: SandboxProcess;
let mail: MailCatcher;
let databaseUrl: string;
let a: ShopApp;
let b: ShopApp;

before(async () => {
  if (SKIP_WITHOUT_POSTGRES) return;
  sandbox = await SandboxProcess.start(['--webhook-backoff-ms', '100']);
  mail = await MailCatcher.start();
  databaseUrl = await freshDatabase('instances');
  const kit = { keyId: SANDBOX_KEYS.keyId, keySecret: SANDBOX_KEYS.keySecret, webhookSecrets: [SANDBOX_KEYS.webhookSecret], baseUrl: sandbox.url };
  const options = testShopOptions({ databaseUrl, smtpUrl: mail.url, workerIntervalMs: 20 });
  a = await startShopApp(kit, options);
  b = await startShopApp(kit, options);
  for (const app of [a, b]) {
    const registered = await sandbox.request('POST', '/sandbox/webhooks', { url: `${app.url}/webhooks/razorpay` });
    assert.equal(registered.status, 200, JSON.stringify(registered.body));
  }
});

after(
  async () => {
    await a?.close();
    await b?.close();
    await mail?.stop();
    await sandbox?.stop();
  },
  { timeout: 20_000 },
);

test('two instances, every webhook to each, duplicated and shuffled: each effect happens once', { skip: SKIP_WITHOUT_POSTGRES }, async () => {
  const faults = await sandbox.request('POST', '/sandbox/webhooks/faults', { duplicate_rate: 1.0, shuffle_window_ms: 200 });
  assert.equal(faults.status, 200);

  const orders: Array<{ orderId: string; userId: string }> = [];
  for (let i = 0; i < ORDERS; i++) {
    const userId = `twin-${i}`;
    const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
    const add = await request(first.url).post('/cart/items').set('authorization', bearer(userId)).send({ productId: 'tee-classic', quantity: 1 });
    assert.equal(add.status, 201);
    // The same cart checked out on both instances at once: one order.
    const [s1, s2] = await Promise.all([first, second].map((app) => request(app.url).post('/checkout').set('authorization', bearer(userId))));
    assert.equal(s1!.status, 201, JSON.stringify(s1!.body));
    assert.equal(s2!.body.orderId, s1!.body.orderId);
    const triple = await sandbox.request<Record<string, string>>('POST', '/sandbox/checkout', { order_id: s1!.body.razorpayOrderId, method: 'upi' });
    assert.equal(triple.status, 200);
    // Half of the browsers call back — to both instances at once (two tabs); half never do.
    if (i % 2 === 0) {
      const answers = await Promise.all([a, b].map((app) => request(app.url).post('/payments/verify').set('authorization', bearer(userId)).send(triple.body)));
      for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
    }
    orders.push({ orderId: s1!.body.orderId, userId });
  }
  const idle = await sandbox.request<{ idle: boolean }>('GET', '/sandbox/webhooks/idle?timeout_ms=20000');
  assert.equal(idle.body.idle, true);
  await sandbox.request('POST', '/sandbox/webhooks/faults', {});

  // Both workers keep polling; wait until the outbox is empty.
  await waitFor('outbox drained', async () => {
    const [row] = await query<{ pending: string }>(databaseUrl, 'SELECT count(*) AS pending FROM outbox_effects WHERE done_at IS NULL');
    return row && Number(row.pending) === 0 ? true : undefined;
  });
  await Promise.all([a.worker.drain(), b.worker.drain()]);

  for (const { orderId, userId } of orders) {
    const view = await request(a.url).get(`/orders/${orderId}`).set('authorization', bearer(userId));
    assert.equal(view.body.status, 'PAID', orderId);
  }
  const performed = [...a.worker.performed, ...b.worker.performed];
  assert.equal(new Set(performed).size, performed.length, `an effect ran twice: ${performed.sort().join(' ')}`);
  for (const { orderId, userId } of orders) {
    assert.ok(performed.includes(`${orderId}:paid`), `${orderId} fulfilled`);
    const mails = mail.to(`${userId}@example.com`);
    assert.equal(mails.length, 1, `${userId}: ${mails.map((m) => m.subject).join(' | ')}`);
  }

  // The database saw every event several times and stored each once.
  const deliveries = a.deliveries.length + b.deliveries.length;
  const [events] = await query<{ rows: string; deliveries: string; applied: string }>(
    databaseUrl,
    'SELECT count(*) AS rows, sum(deliveries) AS deliveries, count(applied_at) AS applied FROM webhook_events WHERE signature_valid',
  );
  assert.ok(events);
  assert.equal(Number(events.deliveries), deliveries, 'every delivery is counted on its stored event');
  assert.ok(Number(events.rows) * 3 <= deliveries, `${events.rows} events, ${deliveries} deliveries`);
  assert.equal(Number(events.applied), Number(events.rows));
  const duplicateAcks = [...a.deliveries, ...b.deliveries].filter((d) => (d.answer as { duplicate?: boolean })?.duplicate === true).length;
  assert.ok(duplicateAcks > 0);
  assert.ok([...a.deliveries, ...b.deliveries].every((d) => d.status === 200));
  console.log(
    `# ${ORDERS} orders on 2 instances: ${deliveries} webhook deliveries, ${events.rows} stored events, ` +
      `${duplicateAcks} duplicate acks, ${performed.length} effects (a ${a.worker.performed.length} / b ${b.worker.performed.length}), ` +
      `${mail.messages.length} emails`,
  );
});
