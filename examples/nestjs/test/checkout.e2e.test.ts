/**
 * The whole shop flow against razorpay-sandbox (the binary, as a separate process): cart →
 * verify → checkout (Razorpay order) → simulated Razorpay Checkout → callback → PAID, with the
 * sandbox delivering signed webhooks to the app over HTTP, including duplicates.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { signPayment, signWebhook } from '@checkout-kit/node';
import { type Delivery, type ShopApp, bearer, startShopApp, testShopOptions, waitFor } from './support/shop-app';
import { DATABASE_URL, freshDatabase } from './support/postgres';
import { SANDBOX_KEYS, SandboxProcess } from './support/sandbox';

interface CheckoutTriple {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

interface SandboxDelivery {
  event_id: string;
  event: string;
  attempt: number;
  duplicate: boolean;
  status: number | null;
}

let sandbox: SandboxProcess;
let shop: ShopApp;
const api = () => request(shop.url);
/** Support's token: sees any order in full, may refund and abandon. */
const ADMIN = bearer('support-desk', { admin: true });

before(async () => {
  // Short retry backoff: a test that makes the app fail a delivery should not wait seconds.
  sandbox = await SandboxProcess.start(['--webhook-backoff-ms', '100', '--webhook-max-attempts', '3']);
  // On PostgreSQL when the stage provides one (scripts/with-postgres.sh), else in memory.
  const store = DATABASE_URL ? { databaseUrl: await freshDatabase('e2e') } : {};
  shop = await startShopApp(
    {
      keyId: SANDBOX_KEYS.keyId,
      keySecret: SANDBOX_KEYS.keySecret,
      webhookSecrets: [SANDBOX_KEYS.webhookSecret],
      baseUrl: sandbox.url,
    },
    testShopOptions(store),
  );
  const registered = await sandbox.request('POST', '/sandbox/webhooks', { url: `${shop.url}/webhooks/razorpay` });
  assert.equal(registered.status, 200, JSON.stringify(registered.body));
});

// Bounded: a shutdown that hangs must fail the run, not stall CI.
after(
  async () => {
    try {
      await shop?.close();
    } finally {
      await sandbox?.stop();
    }
  },
  { timeout: 20_000 },
);

/** Simulated Razorpay Checkout: what the browser's handler would receive. */
async function pay(razorpayOrderId: string, extra: Record<string, unknown> = {}) {
  return sandbox.request<CheckoutTriple & { error?: Record<string, unknown> }>('POST', '/sandbox/checkout', {
    order_id: razorpayOrderId,
    method: 'upi',
    ...extra,
  });
}

/** Waits until the sandbox has no delivery in flight (including retries). */
async function webhooksSettled(): Promise<void> {
  const idle = await sandbox.request<{ idle: boolean }>('GET', '/sandbox/webhooks/idle?timeout_ms=15000');
  assert.equal(idle.body.idle, true, 'sandbox webhook deliveries did not settle');
}

/** Deliveries the app received for one Razorpay order, parsed. */
function deliveriesFor(razorpayOrderId: string): Array<Delivery & { event: string }> {
  return shop.deliveries
    .map((d) => ({ ...d, parsed: safeJson(d.rawBody) }))
    .filter((d) => {
      const payload = d.parsed?.payload ?? {};
      return payload.order?.entity?.id === razorpayOrderId || payload.payment?.entity?.order_id === razorpayOrderId;
    })
    .map((d) => ({ ...d, event: String(d.parsed?.event) }));
}

/** The same event with a bigger amount: what an attacker would want to slip through. */
function tamper(body: string): string {
  const changed = body.replace(/"amount":(\d+)/, '"amount":9$1');
  assert.notEqual(changed, body, 'the delivery has an amount to tamper with');
  return changed;
}

function safeJson(bytes: Buffer): any {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

async function addToCart(userId: string, productId: string, quantity: number) {
  const res = await api().post('/cart/items').set('authorization', bearer(userId)).send({ productId, quantity });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function placeOrder(userId: string) {
  const res = await api().post('/checkout').set('authorization', bearer(userId));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { orderId: string; razorpayOrderId: string; amount: number; currency: string; keyId: string };
}

async function orderStatus(orderId: string): Promise<string> {
  const res = await api().get(`/orders/${orderId}`).set('authorization', ADMIN);
  assert.equal(res.status, 200);
  return res.body.status;
}

async function stockOf(productId: string): Promise<number> {
  const [product] = await shop.repo.findProducts([productId]);
  assert.ok(product, `product ${productId}`);
  return product.stock;
}

describe('cart', () => {
  test('adds items at the catalogue price and merges a repeated product', async () => {
    await addToCart('cart-user', 'tee-classic', 1);
    const cart = await addToCart('cart-user', 'tee-classic', 2);
    assert.equal(cart.items.length, 1);
    assert.equal(cart.items[0].quantity, 3);
    assert.equal(cart.items[0].unitPrice, 49900);
    const fetched = await api().get('/cart').set('authorization', bearer('cart-user'));
    assert.deepEqual(fetched.body, cart);
  });

  test('rejects malformed requests with a code, and unknown products with 404', async () => {
    const notInteger = await api().post('/cart/items').set('authorization', bearer('u')).send({ productId: 'tee-classic', quantity: '2' });
    assert.equal(notInteger.status, 400);
    assert.equal(notInteger.body.code, 'FIELD_INVALID');
    const unknown = await api().post('/cart/items').set('authorization', bearer('u')).send({ productId: 'no-such-thing', quantity: 1 });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'PRODUCT_NOT_FOUND');
  });
});

describe('verify the cart ("proceed to checkout")', () => {
  test('a good cart is valid, with totals in paise', async () => {
    await addToCart('valid-user', 'tee-classic', 2);
    await addToCart('valid-user', 'mug-steel', 1);
    const res = await api().post('/checkout/verify').set('authorization', bearer('valid-user'));
    assert.equal(res.status, 200);
    assert.equal(res.body.isValid, true);
    assert.deepEqual(res.body.invalidItems, []);
    assert.equal(res.body.totals.total, 2 * 49900 + 89900);
    assert.equal(res.body.totals.currency, 'INR');
  });

  test('price drift, short stock and a withdrawn product are reported with fixes, and block checkout', async () => {
    await addToCart('drift-user', 'notebook-a5', 5); // only 3 on the shelf
    await addToCart('drift-user', 'mug-steel', 1);
    await addToCart('drift-user', 'poster-old', 1); // withdrawn from sale
    // The mug's price goes up after it was added (an admin edit).
    await shop.repo.updateProduct('mug-steel', { unitPrice: 94900 });
    try {
      const res = await api().post('/checkout/verify').set('authorization', bearer('drift-user'));
      assert.equal(res.status, 200);
      assert.equal(res.body.isValid, false);
      const byProduct = Object.fromEntries(res.body.invalidItems.map((item: any) => [item.productId, item]));

      assert.equal(byProduct['notebook-a5'].code, 'INSUFFICIENT_STOCK');
      assert.equal(byProduct['notebook-a5'].requestedQuantity, 5);
      assert.equal(byProduct['notebook-a5'].availableQuantity, 3);
      assert.deepEqual(byProduct['notebook-a5'].fix.kind, 'SET_QUANTITY');
      assert.equal(byProduct['notebook-a5'].fix.quantity, 3);

      assert.equal(byProduct['mug-steel'].code, 'PRICE_INCREASED');
      assert.equal(byProduct['mug-steel'].oldUnitPrice, 89900);
      assert.equal(byProduct['mug-steel'].newUnitPrice, 94900);
      assert.equal(byProduct['mug-steel'].difference, 5000);
      assert.equal(byProduct['mug-steel'].fix.kind, 'ACCEPT_NEW_PRICE');

      assert.equal(byProduct['poster-old'].code, 'PRODUCT_INACTIVE');
      assert.equal(byProduct['poster-old'].fix.kind, 'REMOVE_LINE');

      // The repaired cart is what the shopper would pay after accepting every fix.
      assert.equal(res.body.repairedCart.lines.length, 2);
      assert.equal(res.body.totals.total, 3 * 24950 + 94900);

      // Checkout refuses the same cart, reserves nothing and creates no Razorpay order.
      const ordersBefore = await sandbox.request<{ count: number }>('GET', '/v1/orders?count=100');
      const checkout = await api().post('/checkout').set('authorization', bearer('drift-user'));
      assert.equal(checkout.status, 422);
      assert.equal(checkout.body.code, 'CART_INVALID');
      assert.equal(checkout.body.report.isValid, false);
      assert.equal(await stockOf('notebook-a5'), 3);
      const ordersAfter = await sandbox.request<{ count: number }>('GET', '/v1/orders?count=100');
      assert.equal(ordersAfter.body.count, ordersBefore.body.count);

      // The shopper accepts the fixes: the cart becomes the repaired cart and is valid.
      const fixed = await api().post('/checkout/apply-fixes').set('authorization', bearer('drift-user'));
      assert.equal(fixed.status, 200);
      assert.equal(fixed.body.isValid, true, JSON.stringify(fixed.body.invalidItems));
      const cart = (await api().get('/cart').set('authorization', bearer('drift-user'))).body;
      assert.deepEqual(
        cart.items.map((item: any) => [item.productId, item.quantity, item.unitPrice]).sort(),
        [['mug-steel', 1, 94900], ['notebook-a5', 3, 24950]],
      );
    } finally {
      await shop.repo.updateProduct('mug-steel', { unitPrice: 89900 });
    }
  });

  test('an empty cart is reported, not accepted', async () => {
    const res = await api().post('/checkout/verify').set('authorization', bearer('nobody'));
    assert.equal(res.status, 200);
    assert.equal(res.body.isValid, false);
    assert.ok(res.body.cartProblems.some((p: any) => p.code === 'EMPTY_CART'), JSON.stringify(res.body.cartProblems));
  });
});

describe('checkout and payment', () => {
  test('whole checkout: order, Razorpay Checkout, callback → PAID; webhooks (and a duplicate) keep it PAID', async () => {
    await addToCart('asha', 'tee-classic', 2);
    await addToCart('asha', 'mug-steel', 1);
    const teeStock = await stockOf('tee-classic');
    const mugStock = await stockOf('mug-steel');

    const session = await placeOrder('asha');
    assert.match(session.razorpayOrderId, /^order_[A-Za-z0-9]{14}$/);
    assert.equal(session.amount, 2 * 49900 + 89900);
    assert.equal(session.currency, 'INR');
    assert.equal(session.keyId, SANDBOX_KEYS.keyId);
    // The plan's stock decrements were reserved, and the cart is linked to its order.
    assert.equal(await stockOf('tee-classic'), teeStock - 2);
    assert.equal(await stockOf('mug-steel'), mugStock - 1);
    assert.equal((await api().get('/cart').set('authorization', bearer('asha'))).body.orderId, session.orderId);
    assert.equal(await orderStatus(session.orderId), 'AWAITING_PAYMENT');

    // Razorpay's side: the order exists with the plan's amount and our receipt.
    const rzpOrder = await sandbox.request<any>('GET', `/v1/orders/${session.razorpayOrderId}`);
    assert.equal(rzpOrder.body.amount, session.amount);
    assert.equal(rzpOrder.body.receipt, session.orderId);

    // The browser pays and posts Razorpay Checkout's answer to the backend.
    const paid = await pay(session.razorpayOrderId);
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    const verified = await api().post('/payments/verify').set('authorization', bearer('asha')).send(paid.body);
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.status, 'PAID');
    assert.equal(verified.body.amountPaid, session.amount);
    // The customer's view shows no payment ids or reconciliation internals.
    assert.equal(verified.body.paymentState, undefined);
    // A double-submitted callback (the browser retried) is harmless.
    const again = await api().post('/payments/verify').set('authorization', bearer('asha')).send(paid.body);
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'PAID');
    assert.equal(again.body.amountPaid, session.amount);
    const full = await api().get(`/orders/${session.orderId}`).set('authorization', ADMIN);
    assert.deepEqual(Object.keys(full.body.paymentState.payments), [paid.body.razorpay_payment_id]);

    // Razorpay's webhooks arrive too (signed, over HTTP) and change nothing.
    await webhooksSettled();
    const delivered = deliveriesFor(session.razorpayOrderId);
    const events = new Set(delivered.map((d) => d.event));
    for (const name of ['payment.authorized', 'payment.captured', 'order.paid']) {
      assert.ok(events.has(name), `expected ${name} in ${[...events].join(', ')}`);
    }
    assert.ok(delivered.every((d) => d.status === 200), JSON.stringify(delivered.map((d) => [d.event, d.status, d.answer])));
    assert.equal(await orderStatus(session.orderId), 'PAID');

    // Razorpay retries: the same bytes with the same event id are acknowledged, not re-applied.
    const original = delivered.find((d) => d.event === 'payment.captured')!;
    const replay = await api()
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', original.signature!)
      .set('x-razorpay-event-id', original.eventId!)
      .send(original.rawBody.toString('utf8'));
    assert.equal(replay.status, 200);
    assert.equal(replay.body.duplicate, true);
    assert.equal(replay.body.orderStatus, 'PAID');

    const view = await api().get(`/orders/${session.orderId}`).set('authorization', ADMIN);
    assert.equal(view.status, 200);
    assert.equal(view.body.status, 'PAID');
    assert.equal(view.body.paymentState.amountPaid, session.amount);
    assert.deepEqual(view.body.paymentState.anomalies, []);
    for (const d of delivered) assert.ok(view.body.paymentState.appliedEventIds.includes(d.eventId));
    // Paid, so the reserved stock stays taken.
    assert.equal(await stockOf('tee-classic'), teeStock - 2);
  });

  test('webhooks alone mark the order PAID when the browser never calls back (duplicated, shuffled delivery)', async () => {
    await addToCart('meera', 'notebook-a5', 1);
    const session = await placeOrder('meera');
    const faults = await sandbox.request('POST', '/sandbox/webhooks/faults', { duplicate_rate: 1.0, shuffle_window_ms: 200 });
    assert.equal(faults.status, 200);
    try {
      const paid = await pay(session.razorpayOrderId, { method: 'card' });
      assert.equal(paid.status, 200);
      await webhooksSettled();
    } finally {
      await sandbox.request('POST', '/sandbox/webhooks/faults', {});
    }
    const delivered = deliveriesFor(session.razorpayOrderId);
    assert.ok(delivered.every((d) => d.status === 200), 'every delivery is acknowledged');
    const eventIds = delivered.map((d) => d.eventId);
    assert.ok(new Set(eventIds).size < eventIds.length, 'the sandbox delivered duplicates');
    assert.ok(delivered.some((d) => (d.answer as any)?.duplicate === true), 'a duplicate was recognised');

    const sandboxLog = await sandbox.request<{ items: SandboxDelivery[] }>('GET', '/sandbox/webhooks/deliveries');
    assert.ok(sandboxLog.body.items.some((d) => d.duplicate && d.status === 200));

    assert.equal(await orderStatus(session.orderId), 'PAID');
  });

  test('a failed attempt leaves the order payable; a retry on the same order makes it PAID', async () => {
    await addToCart('kiran', 'tee-classic', 1);
    const session = await placeOrder('kiran');
    const failed = await pay(session.razorpayOrderId, {
      outcome: 'failure',
      error: { code: 'BAD_REQUEST_ERROR', description: 'Payment failed', reason: 'payment_failed' },
    });
    assert.equal(failed.status, 400);
    assert.equal(failed.body.error?.code, 'BAD_REQUEST_ERROR');
    await webhooksSettled();
    assert.ok(deliveriesFor(session.razorpayOrderId).some((d) => d.event === 'payment.failed'));
    assert.equal(await orderStatus(session.orderId), 'FAILED');

    const retried = await pay(session.razorpayOrderId);
    assert.equal(retried.status, 200);
    const verified = await api().post('/payments/verify').set('authorization', bearer('kiran')).send(retried.body);
    assert.equal(verified.body.status, 'PAID');
    await webhooksSettled();
    assert.equal(await orderStatus(session.orderId), 'PAID');
  });

  test('a Razorpay failure at order creation is a 502 with its code; stock and cart are kept', async () => {
    await addToCart('dev', 'mug-steel', 1);
    const stock = await stockOf('mug-steel');
    await sandbox.request('POST', '/sandbox/faults', { next: [{ kind: 'server_error' }] });
    const res = await api().post('/checkout').set('authorization', bearer('dev'));
    assert.equal(res.status, 502, JSON.stringify(res.body));
    assert.equal(typeof res.body.code, 'string');
    assert.equal(await stockOf('mug-steel'), stock);
    assert.equal((await api().get('/cart').set('authorization', bearer('dev'))).body.items.length, 1);
    // The fault was one-off: trying again works.
    const session = await placeOrder('dev');
    assert.equal(await orderStatus(session.orderId), 'AWAITING_PAYMENT');
  });
});

describe('refunds', () => {
  test('partial then full refund: statuses follow the refund webhooks; a retried request refunds once', async () => {
    await addToCart('refund-user', 'tee-classic', 2);
    const session = await placeOrder('refund-user');
    const early = await api().post(`/orders/${session.orderId}/refunds`).set('authorization', ADMIN).send({ amount: 100, requestId: 'too-early' });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'ORDER_NOT_REFUNDABLE');

    const paid = await pay(session.razorpayOrderId);
    const verified = await api().post('/payments/verify').set('authorization', bearer('refund-user')).send(paid.body);
    assert.equal(verified.body.status, 'PAID');

    const partial = await api().post(`/orders/${session.orderId}/refunds`).set('authorization', ADMIN).send({ amount: 30000, requestId: 'refund-1' });
    assert.equal(partial.status, 201, JSON.stringify(partial.body));
    assert.match(partial.body.id, /^rfnd_[A-Za-z0-9]{14}$/);
    assert.equal(partial.body.amount, 30000);
    // The admin UI timed out and sent the same request again: Razorpay refunds once.
    const retried = await api().post(`/orders/${session.orderId}/refunds`).set('authorization', ADMIN).send({ amount: 30000, requestId: 'refund-1' });
    assert.equal(retried.status, 201);
    assert.equal(retried.body.id, partial.body.id);
    await webhooksSettled();
    let view = (await api().get(`/orders/${session.orderId}`).set('authorization', ADMIN)).body;
    assert.equal(view.status, 'PARTIALLY_REFUNDED');
    assert.equal(view.paymentState.amountRefunded, 30000);

    const tooMuch = await api().post(`/orders/${session.orderId}/refunds`).set('authorization', ADMIN).send({ amount: 10_000_000, requestId: 'refund-x' });
    assert.equal(tooMuch.status, 422, JSON.stringify(tooMuch.body));
    assert.equal(typeof tooMuch.body.code, 'string');

    const rest = await api().post(`/orders/${session.orderId}/refunds`).set('authorization', ADMIN).send({ requestId: 'refund-2' });
    assert.equal(rest.status, 201, JSON.stringify(rest.body));
    assert.equal(rest.body.amount, session.amount - 30000);
    await webhooksSettled();
    view = (await api().get(`/orders/${session.orderId}`).set('authorization', ADMIN)).body;
    assert.equal(view.status, 'REFUNDED');
    assert.equal(view.paymentState.amountRefunded, session.amount);
    assert.equal(Object.keys(view.paymentState.refunds).length, 2);

    const none = await api().post(`/orders/${session.orderId}/refunds`).set('authorization', ADMIN).send({ requestId: 'refund-3' });
    assert.equal(none.status, 409);
    const malformed = await api().post(`/orders/${session.orderId}/refunds`).set('authorization', ADMIN).send({ amount: -5, requestId: 'refund-4' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'FIELD_INVALID');
  });
});

describe('abandoned checkout', () => {
  test('abandoning releases the reserved stock exactly once; a late payment is kept and flagged', async () => {
    await addToCart('late-user', 'mug-steel', 2);
    const before = await stockOf('mug-steel');
    const session = await placeOrder('late-user');
    assert.equal(await stockOf('mug-steel'), before - 2);

    const abandoned = await api().post(`/orders/${session.orderId}/abandon`).set('authorization', ADMIN);
    assert.equal(abandoned.status, 200, JSON.stringify(abandoned.body));
    assert.equal(abandoned.body.stockReleased, true);
    assert.equal(typeof abandoned.body.paymentState.abandonedAt, 'number');
    assert.equal(await stockOf('mug-steel'), before);
    const again = await api().post(`/orders/${session.orderId}/abandon`).set('authorization', ADMIN);
    assert.equal(again.status, 200);
    assert.equal(await stockOf('mug-steel'), before, 'released once, not twice');
    await shop.worker.drain();

    // An old browser tab pays anyway: the money is not ignored, and a human is asked to look.
    const paid = await pay(session.razorpayOrderId);
    assert.equal(paid.status, 200);
    const verified = await api().post('/payments/verify').set('authorization', bearer('late-user')).send(paid.body);
    assert.equal(verified.status, 200);
    assert.equal(verified.body.status, 'PAID');
    const full = (await api().get(`/orders/${session.orderId}`).set('authorization', ADMIN)).body;
    assert.ok(
      full.paymentState.anomalies.some((a: any) => a.type === 'PAID_AFTER_STOCK_RELEASE'),
      JSON.stringify(full.paymentState.anomalies),
    );
    await webhooksSettled();
    assert.equal(await orderStatus(session.orderId), 'PAID');
    assert.equal(await stockOf('mug-steel'), before);
  });

  test('abandoning an unknown order is a 404', async () => {
    const res = await api().post('/orders/ord_nope/abandon').set('authorization', ADMIN);
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'ORDER_NOT_FOUND');
  });
});

describe('signatures', () => {
  test('a forged payment callback is rejected and the order stays unpaid', async () => {
    await addToCart('mallory', 'tee-classic', 1);
    const session = await placeOrder('mallory');
    // Nobody paid; the "callback" is signed with a guessed secret.
    const forged = {
      razorpay_order_id: session.razorpayOrderId,
      razorpay_payment_id: 'pay_FakeFakeFake01',
      razorpay_signature: signPayment(session.razorpayOrderId, 'pay_FakeFakeFake01', 'guessed-secret'),
    };
    const res = await api().post('/payments/verify').set('authorization', bearer('mallory')).send(forged);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'SIGNATURE_MISMATCH');
    const garbage = await api().post('/payments/verify').set('authorization', bearer('mallory')).send({ ...forged, razorpay_signature: 'zz' });
    assert.equal(garbage.status, 400);
    assert.equal(garbage.body.code, 'SIGNATURE_MISMATCH');
    const missing = await api().post('/payments/verify').set('authorization', bearer('mallory')).send({ razorpay_order_id: session.razorpayOrderId });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'FIELD_INVALID');

    const view = await api().get(`/orders/${session.orderId}`).set('authorization', ADMIN);
    assert.equal(view.body.status, 'AWAITING_PAYMENT');
    assert.deepEqual(view.body.paymentState.payments, {});
  });

  test('a genuine callback for an order the shop does not know is a 404', async () => {
    const razorpayOrderId = 'order_NotOursNotOurs';
    const paymentId = 'pay_NotOursNotOurs';
    const res = await api()
      .post('/payments/verify').set('authorization', bearer('someone'))
      .send({
        razorpay_order_id: razorpayOrderId,
        razorpay_payment_id: paymentId,
        razorpay_signature: signPayment(razorpayOrderId, paymentId, SANDBOX_KEYS.keySecret),
      });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'ORDER_NOT_FOUND');
  });

  test('webhooks with a bad signature or a tampered body are rejected with 400', async () => {
    const real = shop.deliveries.find((d) => d.status === 200 && d.signature);
    assert.ok(real, 'an earlier test received a real delivery');
    const body = real.rawBody.toString('utf8');

    const wrongSignature = await api()
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', signWebhook(body, 'not-the-webhook-secret'))
      .set('x-razorpay-event-id', 'evt_forged_1')
      .send(body);
    assert.equal(wrongSignature.status, 400);
    assert.equal(wrongSignature.body.code, 'SIGNATURE_MISMATCH');

    const tampered = await api()
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', real.signature!)
      .set('x-razorpay-event-id', 'evt_forged_2')
      .send(tamper(body));
    assert.equal(tampered.status, 400);
    assert.equal(tampered.body.code, 'SIGNATURE_MISMATCH');

    const unsigned = await api()
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-event-id', 'evt_forged_3')
      .send(body);
    assert.equal(unsigned.status, 400);
    assert.equal(unsigned.body.code, 'SIGNATURE_MISSING');

    const garbage = await api()
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', 'not hex at all')
      .set('x-razorpay-event-id', 'evt_forged_4')
      .send(body);
    assert.equal(garbage.status, 400);
    assert.equal(typeof garbage.body.code, 'string');
  });

  test('the signature is checked on the raw bytes: unusual spacing and non-ASCII text verify', async () => {
    // A body that JSON.stringify(JSON.parse(body)) would NOT reproduce byte for byte.
    const body =
      '{ "entity" : "event", "account_id": "acc_BFQ7uQEaa7j2z7", "event": "payment.authorized",\n' +
      '  "contains": ["payment"], "payload": { "payment": { "entity": { "id": "pay_29QQoUBi66xm2f",\n' +
      '  "entity": "payment", "amount": 5000, "currency": "INR", "status": "authorized",\n' +
      '  "order_id": "order_NotOneOfOurs01", "method": "upi", "captured": false,\n' +
      '  "description": "Chai \\u0026 samosa — ₹50", "notes": {}, "created_at": 1700000000 } } },\n' +
      '  "created_at": 1700000001 }';
    const res = await api()
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', signWebhook(body, SANDBOX_KEYS.webhookSecret))
      .set('x-razorpay-event-id', 'evt_raw_body_1')
      .send(body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.received, true);
    assert.equal(res.body.ignored, 'ORDER_NOT_FOUND'); // verified, parsed, not one of our orders
  });
});

describe('concurrency', () => {
  test('concurrent webhooks for one order are all kept (no lost update between writers)', async () => {
    await addToCart('busy-user', 'tee-classic', 1);
    const session = await placeOrder('busy-user');
    const paid = await pay(session.razorpayOrderId);
    assert.equal(paid.status, 200);
    await webhooksSettled();
    const captured = deliveriesFor(session.razorpayOrderId).find((d) => d.event === 'payment.captured');
    assert.ok(captured, 'payment.captured was delivered');

    // Razorpay may send several events for one order at the same instant; here eight distinct
    // events (each its own body, signed) race. Each is applied on top of the others' writes
    // under the order's row lock, none is lost.
    const eventIds = Array.from({ length: 8 }, (_, i) => `evt_race_${i}_${session.razorpayOrderId}`);
    const answers = await Promise.all(
      eventIds.map((eventId, i) => {
        const body = captured.rawBody.toString('utf8').replace(/"created_at":(\d+)\}$/, `"created_at":${1_800_000_000 + i}}`);
        return api()
          .post('/webhooks/razorpay')
          .set('content-type', 'application/json')
          .set('x-razorpay-signature', signWebhook(body, SANDBOX_KEYS.webhookSecret))
          .set('x-razorpay-event-id', eventId)
          .send(body);
      }),
    );
    for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
    // The eight say the same thing (only the envelope's created_at differs), so reconciliation
    // recognises all but the first as duplicates of what it already knows (razorpay-core
    // deduplicates on what an event says, not on its unsigned id) — yet every writer's event id
    // is kept: no update is lost between the concurrent writers.
    assert.equal(answers.filter((answer) => answer.body.duplicate === false).length <= 1, true);
    const view = await api().get(`/orders/${session.orderId}`).set('authorization', ADMIN);
    assert.equal(view.body.status, 'PAID');
    for (const eventId of eventIds) assert.ok(view.body.paymentState.appliedEventIds.includes(eventId), eventId);

    // The same signed body replayed under a new event id is recognised by the store.
    const replayed = await api()
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', captured.signature!)
      .set('x-razorpay-event-id', `evt_replayed_${session.razorpayOrderId}`)
      .send(captured.rawBody.toString('utf8'));
    assert.equal(replayed.status, 200);
    assert.equal(replayed.body.duplicate, true);
  });
});

describe('orders', () => {
  test('GET /orders/:id answers 404 with a code for an unknown order', async () => {
    const res = await api().get('/orders/ord_nope').set('authorization', ADMIN);
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'ORDER_NOT_FOUND');
  });

  test('no delivery to the app failed during the run', async () => {
    await webhooksSettled();
    await waitFor('sandbox delivery log', async () => {
      const log = await sandbox.request<{ items: SandboxDelivery[] }>('GET', '/sandbox/webhooks/deliveries');
      return log.status === 200 ? log.body.items : undefined;
    }).then((items) => {
      assert.ok(items.length > 0);
      const failed = items.filter((d) => d.status !== 200);
      assert.deepEqual(failed, [], 'every sandbox delivery was answered 200');
    });
  });
});
