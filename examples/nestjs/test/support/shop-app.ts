import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from '../../src/app.module';
import { signToken } from '../../src/auth/jwt';
import type { CheckoutKitOptions } from '../../src/checkout-kit/checkout-kit.options';
import { type ShopOptions, defaultShopOptions } from '../../src/config/shop.options';
import { EffectsWorker } from '../../src/effects/effects.worker';
import { ReservationSweeper } from '../../src/jobs/reservation.sweeper';
import { StuckPaymentsReconciler } from '../../src/jobs/stuck-payments.reconciler';
import { SHOP_REPOSITORY, type ShopRepository } from '../../src/store/shop.repository';

/** The JWT secret every test app is started with. */
export const TEST_JWT_SECRET = 'test-jwt-secret-of-some-length';

/** Shop options for tests: background loops off (the tests drive them), dev login on. */
export function testShopOptions(overrides: Partial<ShopOptions> = {}): ShopOptions {
  return {
    ...defaultShopOptions(TEST_JWT_SECRET),
    devLogin: true,
    sweepIntervalMs: 0,
    workerIntervalMs: 0,
    reconcileIntervalMs: 0,
    ...overrides,
  };
}

/** A bearer header for a customer (or an admin) of the test apps. */
export function bearer(userId: string, options: { admin?: boolean; email?: string } = {}): string {
  const token = signToken(
    { id: userId, email: options.email ?? `${userId}@example.com`, roles: options.admin ? ['customer', 'admin'] : ['customer'] },
    TEST_JWT_SECRET,
  );
  return `Bearer ${token}`;
}

/** One webhook request as it reached the app, and what the app answered. */
export interface Delivery {
  eventId: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  status: number;
  /** The app's JSON answer. */
  answer: unknown;
}

/** The real app, built by `@nestjs/testing` and listening on a loopback port. */
export interface ShopApp {
  app: INestApplication;
  url: string;
  repo: ShopRepository;
  worker: EffectsWorker;
  sweeper: ReservationSweeper;
  reconciler: StuckPaymentsReconciler;
  /** Every request that hit POST /webhooks/razorpay, in arrival order. */
  deliveries: Delivery[];
  close(): Promise<void>;
}

export async function startShopApp(kit: CheckoutKitOptions, shop: ShopOptions = testShopOptions()): Promise<ShopApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(kit, shop)] }).compile();
  // rawBody: the same option main.ts passes to NestFactory.create (without it req.rawBody is
  // undefined). forceCloseConnections: the sandbox keeps its webhook connection alive, and
  // without this app.close() can wait on it forever.
  const app = moduleRef.createNestApplication({ rawBody: true, forceCloseConnections: true, logger: ['error'] });

  // An observer, not a stand-in: it records what the sandbox delivered and what the real
  // controller answered, so the tests can wait for and replay deliveries.
  const deliveries: Delivery[] = [];
  app.use('/webhooks/razorpay', (req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const rawBody = (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
      let answer: unknown = body;
      try {
        answer = typeof body === 'string' ? JSON.parse(body) : body;
      } catch {
        // not JSON
      }
      deliveries.push({
        eventId: req.header('x-razorpay-event-id'),
        signature: req.header('x-razorpay-signature'),
        rawBody,
        status: res.statusCode,
        answer,
      });
      return send(body);
    };
    next();
  });

  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  return {
    app,
    url,
    repo: app.get<ShopRepository>(SHOP_REPOSITORY),
    worker: app.get(EffectsWorker),
    sweeper: app.get(ReservationSweeper),
    reconciler: app.get(StuckPaymentsReconciler),
    deliveries,
    close: () => app.close(),
  };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
