// Harness for the browser tests: the razorpay-sandbox binary, the NestJS example app (its
// compiled dist/, serving public/), and Debian's Chromium through playwright-core. Every
// process listens on 127.0.0.1 and is stopped by the caller.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KEYS = {
  keyId: 'rzp_test_browserShop01',
  keySecret: 'browser_shop_key_secret',
  webhookSecret: 'browser_shop_webhook_secret',
};

/** Starts a process and resolves with the first http://127.0.0.1:port it prints. */
function startPrintingUrl(name, command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} printed no URL in 30 s:\n${output.join('')}`)), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(`${line}\n`);
      const match = /http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[0].replace('localhost', '127.0.0.1').replace('[::1]', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output.join('')}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return url.then((u) => ({ url: u, stop, log: () => output.join('') }), async (error) => {
    await stop();
    throw error;
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startSandbox() {
  const target = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
  const binary = process.env.RAZORPAY_SANDBOX_BIN ?? path.join(target, 'debug', 'razorpay-sandbox');
  if (!existsSync(binary)) throw new Error(`${binary} not found: cargo build -p razorpay-sandbox`);
  const sandbox = await startPrintingUrl('razorpay-sandbox', binary, [
    '--port', '0',
    '--key-id', KEYS.keyId,
    '--key-secret', KEYS.keySecret,
    '--webhook-secret', KEYS.webhookSecret,
    '--webhook-backoff-ms', '200',
  ]);
  sandbox.request = (method, pathname, body) => request(`${sandbox.url}${pathname}`, method, body, true);
  return sandbox;
}

/** The example app as a developer runs it (`npm start`), pointed at the sandbox. */
export async function startShop(sandbox) {
  const main = path.join(ROOT, 'examples', 'nestjs', 'dist', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} not found: npm run build in examples/nestjs`);
  const port = await freePort();
  const shop = await startPrintingUrl('shop', process.execPath, [main], {
    PORT: String(port),
    HOST: '127.0.0.1',
    RAZORPAY_KEY_ID: KEYS.keyId,
    RAZORPAY_KEY_SECRET: KEYS.keySecret,
    RAZORPAY_WEBHOOK_SECRET: KEYS.webhookSecret,
    RAZORPAY_BASE_URL: sandbox.url,
    CHECKOUT_JS_URL: `${sandbox.url}/v1/checkout.js`,
    SHOP_DEV_LOGIN: '1',
    SHOP_JWT_SECRET: 'browser-tests-jwt-secret-0123456789',
  });
  shop.url = `http://127.0.0.1:${port}`;
  const hook = await sandbox.request('POST', '/sandbox/webhooks', { url: `${shop.url}/webhooks/razorpay` });
  if (hook.status !== 200) throw new Error(`webhook registration failed: ${JSON.stringify(hook.body)}`);
  // As the page does: a token from POST /auth/dev-login when the API has one, else no auth.
  const tokens = new Map();
  const tokenOf = async (user) => {
    if (!tokens.has(user)) {
      const login = await request(`${shop.url}/auth/dev-login`, 'POST', { userId: user }, false);
      tokens.set(user, login.status === 200 ? login.body.token : null);
    }
    return tokens.get(user);
  };
  shop.request = async (method, pathname, body, user) =>
    request(`${shop.url}${pathname}`, method, body, false, user ? await tokenOf(user) : null);
  return shop;
}

async function request(url, method, body, basicAuth, token = null) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (basicAuth) headers.authorization = `Basic ${Buffer.from(`${KEYS.keyId}:${KEYS.keySecret}`).toString('base64')}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the failing assertion
  }
  return { status: response.status, body: parsed };
}

/** Debian's Chromium; no browser download (there is no network to download from). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-dev-shm-usage', '--disable-extensions', '--no-first-run'],
  });
}

/** Polls until `check` returns something other than undefined. */
export async function waitFor(what, check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await check();
    if (last !== undefined) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
