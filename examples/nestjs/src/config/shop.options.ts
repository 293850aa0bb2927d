/**
 * The shop's own settings (everything that is not a Razorpay credential). Read from the
 * environment by `shopOptionsFromEnv`; tests build them directly.
 */
export interface ShopOptions {
  /** PostgreSQL URL; unset = the in-memory store (one instance, nothing survives a restart). */
  databaseUrl?: string;
  /** HS256 secret the JWT guard verifies bearer tokens with. */
  jwtSecret: string;
  /** `POST /auth/dev-login` hands out customer tokens (local development and the demo page). */
  devLogin: boolean;
  /** How long checkout holds stock for an unpaid order. */
  reservationTtlMs: number;
  /** Expiry sweeper period; 0 turns it off (tests call it directly). */
  sweepIntervalMs: number;
  /** Outbox worker poll period; 0 turns it off (tests call `drain()`). */
  workerIntervalMs: number;
  /** An order attempted but not final after this long is asked about (orders.fetchPayments). */
  stuckAfterMs: number;
  /** Stuck-payment reconciler period; 0 turns it off. */
  reconcileIntervalMs: number;
  /** `smtp://host:port`; unset = emails are logged, not sent. */
  smtpUrl?: string;
  mailFrom: string;
  /** The public URL registered as the webhook endpoint in the Razorpay dashboard. */
  webhookUrl?: string;
  /** The test mode's webhook secret, so that live mode can refuse to reuse it. */
  testWebhookSecret?: string;
}

export const SHOP_OPTIONS = Symbol('SHOP_OPTIONS');

const MINUTE = 60_000;

/** Defaults for everything but the JWT secret. */
export function defaultShopOptions(jwtSecret: string): ShopOptions {
  return {
    jwtSecret,
    devLogin: false,
    reservationTtlMs: 15 * MINUTE,
    sweepIntervalMs: 30_000,
    workerIntervalMs: 500,
    stuckAfterMs: 10 * MINUTE,
    reconcileIntervalMs: 60_000,
    mailFrom: 'shop@example.com',
  };
}

/** Reads `SHOP_*`, `DATABASE_URL`, `SMTP_URL`; fails fast on what is missing or malformed. */
export function shopOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ShopOptions {
  if (!env.SHOP_JWT_SECRET) throw new Error('missing environment variable: SHOP_JWT_SECRET');
  const options = defaultShopOptions(env.SHOP_JWT_SECRET);
  const ms = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds`);
    return value;
  };
  return {
    ...options,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(env.SHOP_WEBHOOK_URL ? { webhookUrl: env.SHOP_WEBHOOK_URL } : {}),
    ...(env.RAZORPAY_TEST_WEBHOOK_SECRET ? { testWebhookSecret: env.RAZORPAY_TEST_WEBHOOK_SECRET } : {}),
    mailFrom: env.SHOP_MAIL_FROM ?? options.mailFrom,
    devLogin: env.SHOP_DEV_LOGIN === '1',
    reservationTtlMs: ms('SHOP_RESERVATION_TTL_MS', options.reservationTtlMs),
    sweepIntervalMs: ms('SHOP_SWEEP_INTERVAL_MS', options.sweepIntervalMs),
    workerIntervalMs: ms('SHOP_WORKER_INTERVAL_MS', options.workerIntervalMs),
    stuckAfterMs: ms('SHOP_STUCK_AFTER_MS', options.stuckAfterMs),
    reconcileIntervalMs: ms('SHOP_RECONCILE_INTERVAL_MS', options.reconcileIntervalMs),
  };
}
