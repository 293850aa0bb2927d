import { type DynamicModule, Module } from '@nestjs/common';
import { RazorpayClient, WebhookVerifier } from '@checkout-kit/node';
import { CHECKOUT_KIT_OPTIONS, type CheckoutKitOptions } from './checkout-kit.options';

/**
 * Provides one `RazorpayClient` (one connection pool, shared by every request) and one
 * `WebhookVerifier` (secrets prepared once) to the whole app. The classes themselves are the DI
 * tokens: `constructor(private readonly razorpay: RazorpayClient)` is all a service writes.
 */
@Module({})
export class CheckoutKitModule {
  static forRoot(options: CheckoutKitOptions): DynamicModule {
    const frozen: CheckoutKitOptions = Object.freeze({
      ...options,
      webhookSecrets: [...options.webhookSecrets],
    });
    return {
      module: CheckoutKitModule,
      global: true,
      providers: [
        { provide: CHECKOUT_KIT_OPTIONS, useValue: frozen },
        {
          provide: RazorpayClient,
          useFactory: () =>
            new RazorpayClient({
              key_id: frozen.keyId,
              key_secret: frozen.keySecret,
              ...(frozen.baseUrl ? { baseUrl: frozen.baseUrl } : {}),
            }),
        },
        { provide: WebhookVerifier, useFactory: () => new WebhookVerifier(frozen.webhookSecrets) },
      ],
      exports: [CHECKOUT_KIT_OPTIONS, RazorpayClient, WebhookVerifier],
    };
  }
}
