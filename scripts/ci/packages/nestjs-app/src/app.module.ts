import { Body, Controller, HttpCode, Module, Post, type DynamicModule } from '@nestjs/common';
import type { Cart, Catalog } from '@checkout-kit/node';
import { CheckoutService, SHOP_CONFIG, type CheckoutCallback, type ShopConfig } from './checkout.service';

@Controller()
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  @Post('checkout')
  start(@Body() body: { cart: Cart; catalog: Catalog }) {
    return this.checkout.start(body.cart, body.catalog);
  }

  @Post('payments/verify')
  @HttpCode(200)
  verify(@Body() body: CheckoutCallback) {
    return this.checkout.verify(body);
  }
}

@Module({})
export class AppModule {
  static forRoot(config: ShopConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [CheckoutController],
      providers: [{ provide: SHOP_CONFIG, useValue: config }, CheckoutService],
    };
  }
}
