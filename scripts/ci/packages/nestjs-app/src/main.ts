// The package proof: a NestJS app that installed @checkout-kit/node from its npm tarballs runs a
// checkout against the razorpay-sandbox binary. Exits non-zero if any step is not as it must be.
import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

const KEYS = { keyId: 'rzp_test_packageProof1', keySecret: 'package_proof_key_secret' };

async function startSandbox(binary: string) {
  const child = spawn(binary, ['--port', '0', '--key-id', KEYS.keyId, '--key-secret', KEYS.keySecret], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sandbox printed no URL within 20 s')), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /https?:\/\/127\.0\.0\.1:\d+/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `POST ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function main(): Promise<void> {
  // The native code must come from the platform package npm picked, not from a build tree.
  const mainDir = path.dirname(require.resolve('@checkout-kit/node/package.json'));
  assert.deepEqual(readdirSync(mainDir).filter((f) => f.endsWith('.node')), [], 'main package ships no .node');
  const platformPkg = `@checkout-kit/node-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`;
  const nativeFile = require.resolve(platformPkg);
  assert.ok(nativeFile.includes(`${path.sep}node_modules${path.sep}`) && existsSync(nativeFile));
  console.log(`native module: ${path.relative(process.cwd(), nativeFile)}`);

  const sandboxBin = process.env.RAZORPAY_SANDBOX_BIN;
  assert.ok(sandboxBin, 'RAZORPAY_SANDBOX_BIN is required');
  const sandbox = await startSandbox(sandboxBin);
  const app = await NestFactory.create(AppModule.forRoot({ ...KEYS, baseUrl: sandbox.url }), { logger: ['error'] });
  try {
    await app.listen(0, '127.0.0.1');
    const api = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    // 1. Proceed to checkout: the server plans the cart and creates the Razorpay order.
    const order = await post<{ orderId: string; amount: number; currency: string }>(`${api}/checkout`, {
      cart: {
        currency: 'INR',
        lines: [
          { lineId: 'l1', productId: 'tea', quantity: 2, unitPrice: 27500 },
          { lineId: 'l2', productId: 'mug', quantity: 3, unitPrice: 39900 },
        ],
      },
      catalog: {
        items: [
          { productId: 'tea', unitPrice: 27500, currency: 'INR', stockOnHand: 40 },
          { productId: 'mug', unitPrice: 39900, currency: 'INR', stockOnHand: 3 },
        ],
      },
    });
    assert.equal(order.amount, 2 * 27500 + 3 * 39900);
    assert.match(order.orderId, /^order_/);

    // 2. The customer pays in the sandbox's simulated Checkout.
    const callback = await post<Record<string, string>>(`${sandbox.url}/sandbox/checkout`, {
      order_id: order.orderId,
      method: 'upi',
    });

    // 3. A tampered callback is refused; the real one takes the order to PAID.
    const tampered = await fetch(`${api}/payments/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...callback, razorpay_payment_id: 'pay_forged0000001' }),
    });
    assert.equal(tampered.status, 400);
    const verified = await post<{ status: string; effects: string[] }>(`${api}/payments/verify`, callback);
    assert.equal(verified.status, 'PAID');
    assert.ok(verified.effects.includes('MARK_ORDER_PAID'), `effects: ${verified.effects.join(', ')}`);
    console.log(`checkout through the installed package: ${order.orderId} ${order.amount} ${order.currency} -> ${verified.status}`);
  } finally {
    await app.close();
    sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
