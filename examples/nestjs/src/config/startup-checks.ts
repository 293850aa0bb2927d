import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
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
  ) {}

  onModuleInit(): void {
    const problems = liveConfigProblems(this.kit, this.shop);
    if (problems.length > 0) {
      const error = new Error(`unsafe configuration: ${problems.map((p) => `${p.code}: ${p.message}`).join('; ')}`);
      Object.assign(error, { code: problems[0]!.code, problems });
      throw error;
    }
    this.log.log(`Razorpay mode: ${modeOf(this.kit.keyId)}; store: ${this.shop.databaseUrl ? 'PostgreSQL' : 'in-memory'}`);
  }
}
