/**
 * The classic NestJS webhook bug is verifying `JSON.stringify(req.body)` because the raw bytes
 * were never kept. This app refuses to guess: without `{ rawBody: true }` the webhook endpoint
 * answers a 500 that names the fix, so the misconfiguration shows on the first delivery (and
 * Razorpay retries it once the app is fixed) instead of silently rejecting or accepting.
 */
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { signWebhook } from '@checkout-kit/node';
import { AppModule } from '../src/app.module';
import { testShopOptions } from './support/shop-app';

const options = { keyId: 'rzp_test_rawBody01', keySecret: 'raw_key_secret', webhookSecrets: ['raw_webhook_secret'] };
const body = '{"entity":"event","account_id":"acc_1","event":"order.paid","contains":["order"],"payload":{},"created_at":1}';

async function app(rawBody: boolean) {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(options, testShopOptions())] }).compile();
  const nest = moduleRef.createNestApplication({ rawBody, logger: false });
  await nest.init();
  return nest;
}

test('without { rawBody: true } the webhook endpoint fails loudly with RAW_BODY_MISSING', async () => {
  const nest = await app(false);
  try {
    const res = await request(nest.getHttpServer())
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', signWebhook(body, options.webhookSecrets[0]))
      .set('x-razorpay-event-id', 'evt_raw_1')
      .send(body);
    assert.equal(res.status, 500);
    assert.equal(res.body.code, 'RAW_BODY_MISSING');
  } finally {
    await nest.close();
  }
});

test('with { rawBody: true } the same delivery verifies', async () => {
  const nest = await app(true);
  try {
    const res = await request(nest.getHttpServer())
      .post('/webhooks/razorpay')
      .set('content-type', 'application/json')
      .set('x-razorpay-signature', signWebhook(body, options.webhookSecrets[0]))
      .set('x-razorpay-event-id', 'evt_raw_2')
      .send(body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.received, true);
    assert.equal(res.body.ignored, 'ORDER_NOT_FOUND');
  } finally {
    await nest.close();
  }
});
