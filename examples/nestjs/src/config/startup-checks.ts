import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { RazorpayClient } from '@checkout-kit/node';
import { CHECKOUT_KIT_OPTIONS, type CheckoutKitOptions } from '../checkout-kit/checkout-kit.options';
import { liveConfigProblems, modeOf } from './live-checks';
import { SHOP_OPTIONS, type ShopOptions } from './shop.options';

/** Refuses to start on a configuration that is unsafe for its mode, and logs the mode. */
@Injectable()
export class StartupChecks implements OnModuleInit {
  private readonly log = new Logger('StartupChecks');

  constructor(
    @Inject(CHECKOUT_KIT_OPTIONS) private readonly kit: CheckoutKitOptions,
    @Inject(SHOP_OPTIONS) private readonly shop: ShopOptions,
    private readonly razorpay: RazorpayClient,
  ) {}

  onModuleInit(): void {
    const problems = liveConfigProblems(this.kit, this.shop);
    if (problems.length > 0) {
      const error = new Error(`unsafe configuration: ${problems.map((p) => `${p.code}: ${p.message}`).join('; ')}`);
      Object.assign(error, { code: problems[0]!.code, problems });
      throw error;
    }
    // The client's own view of its mode (a getter today; tolerate a method too).
    const reported = (this.razorpay as unknown as { mode?: unknown }).mode;
    const mode = typeof reported === 'function' ? (reported as () => string).call(this.razorpay) : (reported ?? modeOf(this.kit.keyId));
    this.log.log(`Razorpay mode: ${String(mode)}; store: ${this.shop.databaseUrl ? 'PostgreSQL' : 'in-memory'}`);
  }
}
