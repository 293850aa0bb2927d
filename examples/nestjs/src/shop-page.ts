import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express } from 'express';

/** Razorpay's Checkout script; development points the page at the sandbox's stand-in instead. */
export const RAZORPAY_CHECKOUT_JS = 'https://checkout.razorpay.com/v1/checkout.js';

/** What the shop page (public/shop.js) reads from GET /shop-config.json. */
export interface ShopPageConfig {
  /** The Checkout script to load: `CHECKOUT_JS_URL`, e.g. http://127.0.0.1:9090/v1/checkout.js. */
  checkoutJs: string;
}

export function shopPageConfig(env: NodeJS.ProcessEnv = process.env): ShopPageConfig {
  return { checkoutJs: env.CHECKOUT_JS_URL || RAZORPAY_CHECKOUT_JS };
}

/**
 * Serves the static shop page (examples/nestjs/public: HTML + a little JS, no build step) and
 * its configuration. The page only calls the API routes; nothing here decides anything.
 */
export function serveShopPage(app: NestExpressApplication, env: NodeJS.ProcessEnv = process.env): void {
  // dist/src/shop-page.js → examples/nestjs/public
  app.useStaticAssets(path.join(__dirname, '..', '..', 'public'));
  const config = shopPageConfig(env);
  const server: Express = app.getHttpAdapter().getInstance();
  server.get('/shop-config.json', (_req, res) => {
    res.json(config);
  });
}
