import type { CheckoutKitOptions } from './checkout-kit/checkout-kit.options';

/** Reads the Razorpay settings from the environment; fails fast, naming what is missing. */
export function checkoutKitOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): CheckoutKitOptions {
  const missing = ['RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`missing environment variables: ${missing.join(', ')}`);
  }
  return {
    keyId: env.RAZORPAY_KEY_ID as string,
    keySecret: env.RAZORPAY_KEY_SECRET as string,
    // Comma-separated so that a rotated secret and its successor can both be accepted.
    webhookSecrets: (env.RAZORPAY_WEBHOOK_SECRET as string).split(',').map((s) => s.trim()).filter(Boolean),
    ...(env.RAZORPAY_BASE_URL ? { baseUrl: env.RAZORPAY_BASE_URL } : {}),
  };
}
