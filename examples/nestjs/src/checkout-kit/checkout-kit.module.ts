import { type DynamicModule, type FactoryProvider, Module, type ModuleMetadata } from '@nestjs/common';
import { RazorpayClient, WebhookVerifier } from '@checkout-kit/node';
import { CHECKOUT_KIT_OPTIONS, type CheckoutKitOptions } from './checkout-kit.options';

/** `CheckoutKitModule.forRootAsync()`: options from another provider (e.g. `ConfigService`). */
export interface CheckoutKitAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...deps: any[]) => CheckoutKitOptions | Promise<CheckoutKitOptions>;
}

/**
 * Provides one `RazorpayClient` (one connection pool, shared by every request) and one
 * `WebhookVerifier` (secrets keyed once) to the whole app. The classes themselves are the DI
 * tokens: `constructor(private readonly razorpay: RazorpayClient)` is all a service writes.
 * A bad configuration (empty key, no webhook secret, malformed base URL) fails at start-up
 * with the module's error code, not on the first payment.
 */
@Module({})
export class CheckoutKitModule {
  static forRoot(options: CheckoutKitOptions): DynamicModule {
    return CheckoutKitModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: CheckoutKitAsyncOptions): DynamicModule {
    return {
      module: CheckoutKitModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: CHECKOUT_KIT_OPTIONS,
          inject: options.inject ?? [],
          useFactory: async (...deps: unknown[]) => freeze(await options.useFactory(...deps)),
        },
        {
          provide: RazorpayClient,
          inject: [CHECKOUT_KIT_OPTIONS],
          useFactory: (o: CheckoutKitOptions) =>
            new RazorpayClient({
              key_id: o.keyId,
              key_secret: o.keySecret,
              ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
            }),
        },
        {
          provide: WebhookVerifier,
          inject: [CHECKOUT_KIT_OPTIONS],
          useFactory: (o: CheckoutKitOptions) => new WebhookVerifier(o.webhookSecrets),
        },
      ],
      exports: [CHECKOUT_KIT_OPTIONS, RazorpayClient, WebhookVerifier],
    };
  }
}

/** A private, read-only copy: nothing downstream can swap a secret at run time. */
function freeze(options: CheckoutKitOptions): CheckoutKitOptions {
  return Object.freeze({ ...options, webhookSecrets: Object.freeze([...options.webhookSecrets]) as string[] });
}
