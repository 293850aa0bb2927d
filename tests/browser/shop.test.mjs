// The shop page (examples/nestjs/public) in Debian's Chromium against the NestJS example and
// the razorpay-sandbox, offline: every request outside 127.0.0.1 is refused and counted.
// Covers a successful payment after the cart's verification report, a failed payment then a
// retry in the same Checkout window, a dismissed popup, an order made PAID by the webhooks
// alone, Checkout's option validation, and the sandbox dashboard (refund, redeliver).
// Screenshots of the popup and the dashboard go to $BROWSER_TEST_OUTPUT (default test-output/).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { KEYS, ROOT, launchBrowser, startSandbox, startShop, waitFor } from './support.mjs';

const OUTPUT = process.env.BROWSER_TEST_OUTPUT ?? path.join(ROOT, 'tests', 'browser', 'test-output');
const FRAME = 'iframe.razorpay-checkout-frame';

describe('shop page with the sandbox Checkout', () => {
  let sandbox;
  let shop;
  let browser;
  const external = [];

  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    sandbox = await startSandbox();
    shop = await startShop(sandbox);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await shop?.stop();
    await sandbox?.stop();
    assert.deepEqual(external, [], 'the page must not reach outside 127.0.0.1');
  });

  /** A fresh shopper's page; anything not on 127.0.0.1 is refused, as on a machine offline. */
  async function openShop(user) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      external.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${shop.url}/?user=${user}`);
    await page.waitForSelector('body[data-ready="true"]');
    page.errors = errors;
    page.user = user;
    return page;
  }

  async function addToCart(page, productId, quantity) {
    const card = page.locator('li', { has: page.locator(`button[data-product="${productId}"]`) });
    await card.locator('input').fill(String(quantity));
    await card.locator('button').click();
    await page.getByTestId('message').filter({ hasText: 'added to your cart' }).waitFor();
  }

  /** "Proceed to checkout" with a valid cart: the sandbox's Checkout opens over the page. */
  async function proceedToPopup(page) {
    await page.click('#proceed');
    const frame = page.frameLocator(FRAME);
    await frame.getByTestId('pay').filter({ hasText: 'Pay INR' }).waitFor();
    return frame;
  }

  async function payInPopup(frame, { method = 'card', outcome = 'success', failure } = {}) {
    await frame.locator(`input[name="method"][value="${method}"]`).check();
    await frame.locator(`input[name="outcome"][value="${outcome}"]`).check();
    if (failure) await frame.locator('#failure').selectOption(failure);
    await frame.getByTestId('pay').click();
  }

  function shopOrderId(page) {
    return decodeURIComponent(/#order\/(.+)$/.exec(page.url())[1]);
  }

  async function orderShownAs(page, status) {
    await page.getByTestId('order-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor({ timeout: 15_000 });
  }

  async function razorpayPayments(razorpayOrderId) {
    const answer = await sandbox.request('GET', `/v1/orders/${razorpayOrderId}/payments`);
    assert.equal(answer.status, 200);
    return answer.body.items;
  }

  test('verification report, fixes accepted, then a successful UPI payment: the order is PAID', async () => {
    const page = await openShop('asha');
    await addToCart(page, 'notebook-a5', 5); // 3 in stock
    await addToCart(page, 'poster-old', 1); // withdrawn
    await page.click('#proceed');
    const report = page.getByTestId('report');
    await report.waitFor();
    const codes = await report.locator('li').evaluateAll((items) => items.map((li) => li.dataset.code));
    assert.ok(codes.length >= 2, `problems shown: ${codes}`);
    await page.getByTestId('message').filter({ hasText: 'needs a change' }).waitFor();
    assert.equal(await page.locator(FRAME).count(), 0, 'no Checkout for an invalid cart');

    await page.click('#apply-fixes');
    await page.getByTestId('message').filter({ hasText: 'Cart updated' }).waitFor();
    assert.equal(await page.getByTestId('total').textContent(), '₹748.50'); // 3 × ₹249.50

    const frame = await proceedToPopup(page);
    assert.equal(await frame.getByTestId('amount').textContent(), 'INR 748.50');
    await page.screenshot({ path: path.join(OUTPUT, 'checkout-popup.png') });
    await payInPopup(frame, { method: 'upi' });
    await orderShownAs(page, 'PAID');
    assert.equal(await page.locator(FRAME).count(), 0, 'the popup closes after a payment');

    const order = await shop.request('GET', `/orders/${shopOrderId(page)}`, undefined, page.user);
    assert.equal(order.body.status, 'PAID');
    assert.equal(order.body.amount, 74850);
    const payments = await razorpayPayments(order.body.razorpayOrderId);
    assert.deepEqual(payments.map((p) => [p.method, p.status]), [['upi', 'captured']]);
    assert.deepEqual(page.errors, []);
  });

  test('a failed payment is reported, the shopper retries in the same window and pays', async () => {
    const page = await openShop('bala');
    await addToCart(page, 'mug-steel', 1);
    const frame = await proceedToPopup(page);
    await payInPopup(frame, { outcome: 'failure', failure: 'insufficient_funds' });
    await page.getByTestId('message').filter({ hasText: 'Payment failed: Your payment could not be completed due to insufficient account balance' }).waitFor();
    await frame.getByTestId('failed').waitFor();
    assert.equal(await page.locator(FRAME).count(), 1, 'Checkout stays open after a failure');

    await payInPopup(frame, { method: 'card', outcome: 'success' });
    await orderShownAs(page, 'PAID');
    const order = await shop.request('GET', `/orders/${shopOrderId(page)}`, undefined, page.user);
    assert.equal(order.body.status, 'PAID');
    const payments = await razorpayPayments(order.body.razorpayOrderId);
    assert.deepEqual(payments.map((p) => p.status).sort(), ['captured', 'failed']);
    const failed = payments.find((p) => p.status === 'failed');
    assert.equal(failed.error_reason, 'insufficient_funds');
  });

  test('a dismissed popup leaves the order unpaid and offers to pay again', async () => {
    const page = await openShop('chitra');
    await addToCart(page, 'tee-classic', 1);
    const frame = await proceedToPopup(page);
    await frame.getByTestId('close').click();
    await page.getByTestId('message').filter({ hasText: 'Payment cancelled' }).waitFor();
    await page.locator('#pay-again').waitFor();
    assert.equal(await page.locator(FRAME).count(), 0);
    const shown = await page.getByTestId('order-status').textContent();
    assert.notEqual(shown, 'PAID');
    const order = await shop.request('GET', `/orders/${shopOrderId(page)}`, undefined, page.user);
    assert.notEqual(order.body.status, 'PAID');
    assert.deepEqual(await razorpayPayments(order.body.razorpayOrderId), []);

    // "Pay now" reopens Checkout for the same order.
    await page.click('#pay-again');
    await payInPopup(page.frameLocator(FRAME));
    await orderShownAs(page, 'PAID');
  });

  test('the order reaches PAID from the webhooks when the browser never calls back', async () => {
    const page = await openShop('dev');
    let blocked = 0;
    await page.route('**/payments/verify', (route) => {
      blocked += 1;
      return route.abort();
    });
    await addToCart(page, 'tee-classic', 2);
    await payInPopup(await proceedToPopup(page));
    await orderShownAs(page, 'PAID');
    assert.equal(blocked, 1, 'the callback was attempted and lost');
    const order = await shop.request('GET', `/orders/${shopOrderId(page)}`, undefined, page.user);
    assert.equal(order.body.status, 'PAID');
  });

  test("Checkout reports wrong options as Razorpay's Checkout does", async () => {
    const page = await openShop('esha');
    const created = await sandbox.request('POST', '/v1/orders', { amount: 50000, currency: 'INR', receipt: 'options-test' });
    assert.equal(created.status, 200);
    const open = (options) => page.evaluate((o) => { new window.Razorpay(o).open(); }, options);
    const invalid = page.frameLocator(FRAME).getByTestId('invalid');

    await open({ key: 'rzp_test_unknownKey00', order_id: created.body.id, amount: 50000 });
    await invalid.filter({ hasText: 'The api key provided is invalid' }).waitFor();
    await page.frameLocator(FRAME).getByTestId('close').click();

    await open({ key: KEYS.keyId, order_id: created.body.id, amount: 49900 });
    await invalid.filter({ hasText: 'The amount must be equal to the order amount' }).waitFor();
    await page.frameLocator(FRAME).getByTestId('close').click();

    // Authorize only: the handler still gets the three signed fields; the payment stays authorized.
    await page.evaluate((o) => {
      new window.Razorpay({ ...o, handler: (r) => { window.authorizedResult = r; } }).open();
    }, { key: KEYS.keyId, order_id: created.body.id, amount: 50000 });
    await payInPopup(page.frameLocator(FRAME), { method: 'netbanking', outcome: 'authorized' });
    const authorized = await waitFor('the handler', () => page.evaluate(() => window.authorizedResult));
    assert.equal(authorized.razorpay_order_id, created.body.id);
    assert.match(authorized.razorpay_signature, /^[0-9a-f]{64}$/);
    const [payment] = await razorpayPayments(created.body.id);
    assert.deepEqual([payment.id, payment.status, payment.method], [authorized.razorpay_payment_id, 'authorized', 'netbanking']);

    // callback_url + redirect: Checkout POSTs the fields to the callback URL as a form.
    const second = await sandbox.request('POST', '/v1/orders', { amount: 20000, currency: 'INR' });
    const posted = new Promise((resolve) => {
      page.route('http://127.0.0.1:9/callback', (route) => {
        resolve(route.request().postData());
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>thanks</p>' });
      });
    });
    await open({ key: KEYS.keyId, order_id: second.body.id, callback_url: 'http://127.0.0.1:9/callback', redirect: true });
    await payInPopup(page.frameLocator(FRAME));
    const form = new URLSearchParams(await posted);
    await page.waitForURL('http://127.0.0.1:9/callback');
    assert.equal(await page.textContent('p'), 'thanks');
    assert.equal(form.get('razorpay_order_id'), second.body.id);
    assert.match(form.get('razorpay_payment_id'), /^pay_/);
    assert.match(form.get('razorpay_signature'), /^[0-9a-f]{64}$/);

    await page.goto(`${shop.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    const thrown = await page.evaluate(() => {
      try {
        new window.Razorpay({ key: 'k', amount: '12.50' });
        return null;
      } catch (error) {
        return error.field;
      }
    });
    assert.equal(thrown, 'amount');
  });

  test("a subscription's authentication payment through Checkout with subscription_id", async () => {
    const page = await openShop('sunil');
    const plan = await sandbox.request('POST', '/v1/plans', {
      period: 'monthly', interval: 1, item: { name: 'Coffee club', amount: 49900, currency: 'INR' },
    });
    assert.equal(plan.status, 200);
    const created = await sandbox.request('POST', '/v1/subscriptions', { plan_id: plan.body.id, total_count: 6 });
    assert.equal(created.status, 200);
    const subscriptionId = created.body.id;
    await page.evaluate((o) => {
      new window.Razorpay({ ...o, handler: (r) => { window.subscriptionResult = r; } }).open();
    }, { key: KEYS.keyId, subscription_id: subscriptionId, name: 'Coffee club' });
    const frame = page.frameLocator(FRAME);
    await frame.getByTestId('pay').filter({ hasText: 'Pay INR 499.00' }).waitFor();
    await payInPopup(frame, { method: 'card' });
    const result = await waitFor('the handler', () => page.evaluate(() => window.subscriptionResult));
    assert.equal(result.razorpay_subscription_id, subscriptionId);
    assert.match(result.razorpay_payment_id, /^pay_/);
    // Razorpay signs payment_id|subscription_id with the key secret.
    const expected = createHmac('sha256', KEYS.keySecret)
      .update(`${result.razorpay_payment_id}|${subscriptionId}`)
      .digest('hex');
    assert.equal(result.razorpay_signature, expected);
    const after = await sandbox.request('GET', `/v1/subscriptions/${subscriptionId}`);
    assert.notEqual(after.body.status, 'created');

    // Once authenticated, Checkout refuses the subscription as Razorpay does.
    await page.evaluate((o) => { new window.Razorpay(o).open(); }, { key: KEYS.keyId, subscription_id: subscriptionId });
    await page.frameLocator(FRAME).getByTestId('invalid').filter({ hasText: 'Subscription is not in created state' }).waitFor();
    await page.frameLocator(FRAME).getByTestId('close').click();
    assert.deepEqual(page.errors, []);
  });

  test('the dashboard lists payments and webhook deliveries; refund and redeliver work', async () => {
    // A paid order to act on.
    const shopper = await openShop('farah');
    await addToCart(shopper, 'mug-steel', 2);
    await payInPopup(await proceedToPopup(shopper));
    await orderShownAs(shopper, 'PAID');
    const order = (await shop.request('GET', `/orders/${shopOrderId(shopper)}`, undefined, shopper.user)).body;
    const [payment] = await razorpayPayments(order.razorpayOrderId);

    const page = await openShop('admin');
    await page.goto(`${sandbox.url}/sandbox/`);
    await page.locator('#orders').getByText(order.razorpayOrderId).waitFor();
    const deliveries = page.locator('#webhooks tr[data-event="order.paid"]');
    assert.ok((await deliveries.count()) >= 1, 'order.paid deliveries are listed');
    await page.screenshot({ path: path.join(OUTPUT, 'sandbox-dashboard.png'), fullPage: true });

    const paymentRow = page.locator(`#payments tr[data-id="${payment.id}"]`);
    await paymentRow.locator('input[name="amount"]').fill('50000');
    await paymentRow.getByRole('button', { name: 'Refund' }).click();
    await page.locator('.notice').filter({ hasText: 'Refund rfnd_' }).waitFor();
    await page.locator('#refunds').getByText(payment.id).waitFor();
    const refunded = await waitFor('the partial refund to reach the shop', async () => {
      const view = (await shop.request('GET', `/orders/${order.id}`, undefined, shopper.user)).body;
      return view.status === 'PARTIALLY_REFUNDED' ? view : undefined;
    });
    assert.equal(refunded.status, 'PARTIALLY_REFUNDED');

    await sandbox.request('GET', '/sandbox/webhooks/idle?timeout_ms=10000');
    await page.goto(`${sandbox.url}/sandbox/`);
    const eventId = await page.locator('#webhooks tr[data-event="order.paid"]').first().getAttribute('data-event-id');
    const row = () => page.locator(`#webhooks tr[data-event-id="${eventId}"]`);
    const before = await row().locator('ol.attempts li').count();
    await row().getByRole('button', { name: 'Redeliver' }).click();
    await page.locator('.notice').filter({ hasText: 'queued again' }).waitFor();
    await waitFor('the redelivery to be logged', async () => {
      await page.goto(`${sandbox.url}/sandbox/`);
      const count = await row().locator('ol.attempts li').count();
      return count > before ? count : undefined;
    });
    // The shop acknowledges the redelivered event as a duplicate: the order stays as it was.
    assert.equal((await row().locator('ol.attempts li').last().textContent()).includes('200'), true);

    await page.locator('select[name="kind"]').selectOption('server_error');
    await page.getByRole('button', { name: 'Queue fault' }).click();
    await page.locator('.notice').filter({ hasText: 'server_error' }).waitFor();
    const faulted = await sandbox.request('GET', `/v1/orders/${order.razorpayOrderId}`);
    assert.equal(faulted.status, 500);
  });
});
