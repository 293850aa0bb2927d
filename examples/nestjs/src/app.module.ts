import { type DynamicModule, Module } from '@nestjs/common';
import { CheckoutKitModule } from './checkout-kit/checkout-kit.module';
import type { CheckoutKitOptions } from './checkout-kit/checkout-kit.options';
import type { ShopOptions } from './config/shop.options';
import { ShopModule } from './shop.module';

/** Root module; configuration is passed in so that tests and `main.ts` choose it. */
@Module({})
export class AppModule {
  static forRoot(checkoutKit: CheckoutKitOptions, shop: ShopOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CheckoutKitModule.forRoot(checkoutKit), ShopModule.forRoot(shop)],
    };
  }
}
