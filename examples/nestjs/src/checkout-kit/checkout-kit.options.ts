/**
 * What `CheckoutKitModule.forRoot()` needs. Secrets come from the environment in `main.ts`
 * (or from the test harness); they are handed to the native module and never logged.
 */
export interface CheckoutKitOptions {
  /** Razorpay key id (`rzp_test_…` / `rzp_live_…`). */
  keyId: string;
  /** Razorpay key secret: signs the checkout callback and authenticates API calls. */
  keySecret: string;
  /**
   * Webhook secrets configured in the Razorpay dashboard. Several are accepted so that a secret
   * can be rotated without dropping deliveries signed with the old one.
   */
  webhookSecrets: string[];
  /** Razorpay API base URL; defaults to Razorpay's own. Point it at razorpay-sandbox in tests. */
  baseUrl?: string;
}

/** DI token for the options object (the payment-callback check needs the key secret). */
export const CHECKOUT_KIT_OPTIONS = Symbol('CHECKOUT_KIT_OPTIONS');
