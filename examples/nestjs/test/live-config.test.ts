/** Test → live: the start-up checks refuse an unsafe live configuration, each with its code. */
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module';
import { liveConfigProblems, modeOf } from '../src/config/live-checks';
import { shopOptionsFromEnv } from '../src/config/shop.options';
import { testShopOptions } from './support/shop-app';

const live = { keyId: 'rzp_live_Abc123Def456Gh', keySecret: 'live_key_secret', webhookSecrets: ['a-live-webhook-secret-0123'] };
const safeShop = testShopOptions({ devLogin: false, webhookUrl: 'https://shop.example.com/webhooks/razorpay', databaseUrl: 'postgresql://db/shop', testWebhookSecret: 'test_secret' });

const codes = (kit: typeof live & { baseUrl?: string }, shop = safeShop) => liveConfigProblems(kit, shop).map((p) => p.code);

test('mode comes from the key id; an unknown prefix is refused', () => {
  assert.equal(modeOf('rzp_test_x'), 'test');
  assert.equal(modeOf('rzp_live_x'), 'live');
  assert.deepEqual(codes({ ...live, keyId: 'pk_live_x' }), ['KEY_ID_UNKNOWN_MODE']);
});

test('test keys need nothing more', () => {
  assert.deepEqual(codes({ ...live, keyId: 'rzp_test_x', webhookSecrets: ['short'] }, testShopOptions()), []);
});

test('a safe live configuration passes', () => {
  assert.deepEqual(codes(live), []);
});

test('each unsafe live setting is named', () => {
  assert.deepEqual(codes({ ...live, baseUrl: 'http://api.razorpay.com' }), ['LIVE_BASE_URL_NOT_HTTPS']);
  assert.deepEqual(codes(live, { ...safeShop, webhookUrl: undefined }), ['LIVE_WEBHOOK_URL_MISSING']);
  assert.deepEqual(codes(live, { ...safeShop, webhookUrl: 'http://shop.example.com/webhooks/razorpay' }), ['LIVE_WEBHOOK_URL_NOT_HTTPS']);
  assert.deepEqual(codes({ ...live, webhookSecrets: ['test_secret'] }), ['LIVE_WEBHOOK_SECRET_IS_TEST', 'LIVE_WEBHOOK_SECRET_WEAK']);
  assert.deepEqual(codes(live, { ...safeShop, devLogin: true }), ['LIVE_DEV_LOGIN_ENABLED']);
  assert.deepEqual(codes(live, { ...safeShop, databaseUrl: undefined }), ['LIVE_WITHOUT_DATABASE']);
});

test('the app refuses to start with live keys and an http webhook URL', async () => {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(live, { ...safeShop, databaseUrl: undefined, webhookUrl: 'http://shop.example.com/hook' })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await assert.rejects(app.init(), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'LIVE_WEBHOOK_URL_NOT_HTTPS');
    assert.doesNotMatch(err.message, /live_key_secret|a-live-webhook-secret/, 'no secret in the error');
    return true;
  });
  await app.close();
});

test('environment parsing fails fast and names the variable', () => {
  assert.throws(() => shopOptionsFromEnv({}), /SHOP_JWT_SECRET/);
  assert.throws(() => shopOptionsFromEnv({ SHOP_JWT_SECRET: 'x', SHOP_RESERVATION_TTL_MS: '-1' }), /SHOP_RESERVATION_TTL_MS/);
  const parsed = shopOptionsFromEnv({ SHOP_JWT_SECRET: 'x', SHOP_DEV_LOGIN: '1', SHOP_RESERVATION_TTL_MS: '60000' });
  assert.equal(parsed.devLogin, true);
  assert.equal(parsed.reservationTtlMs, 60_000);
  assert.equal(parsed.databaseUrl, undefined);
});
