import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Credentials the sandbox is started with; the app under test is configured with the same. */
export const SANDBOX_KEYS = {
  keyId: 'rzp_test_nestjsExample1',
  keySecret: 'nestjs_example_key_secret',
  webhookSecret: 'nestjs_example_webhook_secret',
};

/** The repository root, from dist/test/support/ (compiled) or test/support/ (source). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'Cargo.toml')) || !existsSync(path.join(dir, 'razorpay-sandbox'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the checkout-kit repository root');
    dir = parent;
  }
  return dir;
}

/** `target/debug/razorpay-sandbox`, built by `cargo build -p razorpay-sandbox` (scripts/ci/nestjs.sh). */
export function sandboxBinary(): string {
  if (process.env.RAZORPAY_SANDBOX_BIN) return process.env.RAZORPAY_SANDBOX_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? path.join(repoRoot(), 'target');
  return path.join(target, 'debug', process.platform === 'win32' ? 'razorpay-sandbox.exe' : 'razorpay-sandbox');
}

/** A running razorpay-sandbox process. */
export class SandboxProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** Base URL, e.g. `http://127.0.0.1:41234`: the API is under `/v1`. */
    readonly url: string,
    private readonly output: string[],
  ) {}

  /** Starts the binary on a free loopback port and waits until it prints its URL. */
  static async start(extraArgs: string[] = []): Promise<SandboxProcess> {
    const binary = sandboxBinary();
    if (!existsSync(binary)) {
      throw new Error(`${binary} not found: run \`cargo build -p razorpay-sandbox\` first`);
    }
    const child = spawn(
      binary,
      [
        '--port', '0',
        '--key-id', SANDBOX_KEYS.keyId,
        '--key-secret', SANDBOX_KEYS.keySecret,
        '--webhook-secret', SANDBOX_KEYS.webhookSecret,
        ...extraArgs,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`sandbox printed no URL within 20 s:\n${output.join('')}`));
      }, 20_000);
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        output.push(`${line}\n`);
        const match = /https?:\/\/127\.0\.0\.1:\d+/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sandbox exited with ${code} before printing its URL:\n${output.join('')}`));
      });
    });
    return new SandboxProcess(child, url, output);
  }

  /** Everything the sandbox printed, for failure messages. */
  log(): string {
    return this.output.join('');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** JSON request to the sandbox (its control endpoints and, with Basic auth, its /v1 API). */
  async request<T = unknown>(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: T }> {
    const auth = Buffer.from(`${SANDBOX_KEYS.keyId}:${SANDBOX_KEYS.keySecret}`).toString('base64');
    const response = await fetch(`${this.url}${pathname}`, {
      method,
      headers: {
        authorization: `Basic ${auth}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Keep the text: the assertion that fails will show it.
    }
    return { status: response.status, body: parsed as T };
  }
}
