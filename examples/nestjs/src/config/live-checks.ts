import type { CheckoutKitOptions } from '../checkout-kit/checkout-kit.options';
import type { ShopOptions } from './shop.options';

/** `test` for `rzp_test_…` keys, `live` for `rzp_live_…`; anything else is refused. */
export function modeOf(keyId: string): 'test' | 'live' | null {
  if (keyId.startsWith('rzp_live_')) return 'live';
  if (keyId.startsWith('rzp_test_')) return 'test';
  return null;
}

/**
 * What must hold before the shop takes real money (README "Test → live"). Pure: answers the
 * problems, each with a stable code; start-up refuses to continue when there is any.
 */
export function liveConfigProblems(kit: CheckoutKitOptions, shop: ShopOptions): Array<{ code: string; message: string }> {
  const problems: Array<{ code: string; message: string }> = [];
  const mode = modeOf(kit.keyId);
  if (mode === null) {
    problems.push({ code: 'KEY_ID_UNKNOWN_MODE', message: 'RAZORPAY_KEY_ID must start with rzp_test_ or rzp_live_' });
    return problems;
  }
  if (mode === 'test') return problems;
  if (kit.baseUrl !== undefined && !isHttps(kit.baseUrl)) {
    problems.push({ code: 'LIVE_BASE_URL_NOT_HTTPS', message: 'live keys need an https Razorpay base URL' });
  }
  if (!shop.webhookUrl) {
    problems.push({ code: 'LIVE_WEBHOOK_URL_MISSING', message: 'live mode needs SHOP_WEBHOOK_URL (the URL set in the dashboard)' });
  } else if (!isHttps(shop.webhookUrl)) {
    problems.push({ code: 'LIVE_WEBHOOK_URL_NOT_HTTPS', message: 'the live webhook URL must be https' });
  }
  if (shop.testWebhookSecret !== undefined && kit.webhookSecrets.includes(shop.testWebhookSecret)) {
    problems.push({ code: 'LIVE_WEBHOOK_SECRET_IS_TEST', message: 'the live webhook secret must differ from the test one' });
  }
  if (kit.webhookSecrets.some((secret) => secret.length < 16)) {
    problems.push({ code: 'LIVE_WEBHOOK_SECRET_WEAK', message: 'live webhook secrets need at least 16 characters' });
  }
  if (shop.devLogin) {
    problems.push({ code: 'LIVE_DEV_LOGIN_ENABLED', message: 'SHOP_DEV_LOGIN must be off with live keys' });
  }
  if (!shop.databaseUrl) {
    problems.push({ code: 'LIVE_WITHOUT_DATABASE', message: 'live mode needs DATABASE_URL (the in-memory store loses orders on restart)' });
  }
  return problems;
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
