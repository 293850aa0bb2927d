/** CheckoutKitModule's DI wiring, without a sandbox: what a NestJS app gets injected. */
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RazorpayClient, WebhookVerifier, signWebhook } from '@checkout-kit/node';
import { CheckoutKitModule } from '../src/checkout-kit/checkout-kit.module';

@Injectable()
class FakeConfig {
  get(name: string): string {
    const values: Record<string, string> = {
      RAZORPAY_KEY_ID: 'rzp_test_fromConfig01',
      RAZORPAY_KEY_SECRET: 'config_key_secret',
      RAZORPAY_WEBHOOK_SECRETS: 'new_secret,old_secret',
    };
    return values[name] ?? '';
  }
}

@Module({ providers: [FakeConfig], exports: [FakeConfig] })
class ConfigModule {}

test('forRoot provides one RazorpayClient and one WebhookVerifier', async () => {
  const moduleRef = await Test.createTestingModule({
    imports: [
      CheckoutKitModule.forRoot({ keyId: 'rzp_live_abc123', keySecret: 'live_secret', webhookSecrets: ['whsec'] }),
    ],
  }).compile();
  const client = moduleRef.get(RazorpayClient);
  assert.ok(client instanceof RazorpayClient);
  assert.equal(client.mode, 'live');
  assert.equal(client.keyId, 'rzp_live_abc123');
  assert.equal(moduleRef.get(RazorpayClient), client, 'a singleton: one connection pool');
  const verifier = moduleRef.get(WebhookVerifier);
  assert.equal(verifier.verify('{"a":1}', signWebhook('{"a":1}', 'whsec')), true);
  await moduleRef.close();
});

test('forRootAsync takes its options from an injected provider (secret rotation: two secrets)', async () => {
  const moduleRef = await Test.createTestingModule({
    imports: [
      CheckoutKitModule.forRootAsync({
        imports: [ConfigModule],
        inject: [FakeConfig],
        useFactory: (config: FakeConfig) => ({
          keyId: config.get('RAZORPAY_KEY_ID'),
          keySecret: config.get('RAZORPAY_KEY_SECRET'),
          webhookSecrets: config.get('RAZORPAY_WEBHOOK_SECRETS').split(','),
        }),
      }),
    ],
  }).compile();
  assert.equal(moduleRef.get(RazorpayClient).mode, 'test');
  const verifier = moduleRef.get(WebhookVerifier);
  assert.equal(verifier.secretCount, 2);
  const body = Buffer.from('{"event":"payment.captured"}');
  assert.equal(verifier.verify(body, signWebhook(body, 'old_secret')), true);
  assert.equal(verifier.verify(body, signWebhook(body, 'other_secret')), false);
  await moduleRef.close();
});

test('a bad configuration fails at start-up with the module error code, without leaking the secret', async () => {
  await assert.rejects(
    Test.createTestingModule({
      imports: [CheckoutKitModule.forRoot({ keyId: 'rzp_test_x', keySecret: 'sekrit-value', webhookSecrets: [] })],
    }).compile(),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, 'WEBHOOK_NO_SECRET');
      assert.ok(!err.message.includes('sekrit-value'));
      return true;
    },
  );
  await assert.rejects(
    Test.createTestingModule({
      imports: [CheckoutKitModule.forRoot({ keyId: '', keySecret: 'sekrit-value', webhookSecrets: ['w'] })],
    }).compile(),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, 'INVALID_CONFIG');
      assert.ok(!err.message.includes('sekrit-value'));
      return true;
    },
  );
});
