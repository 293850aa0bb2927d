import { Module } from '@nestjs/common';
import { CartController } from './cart/cart.controller';
import { CartService } from './cart/cart.service';
import { CheckoutController } from './checkout/checkout.controller';
import { CheckoutService } from './checkout/checkout.service';
import { OrderEffects } from './orders/order-effects';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { RefundsService } from './orders/refunds.service';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsService } from './payments/payments.service';
import { InMemoryShopRepository } from './store/in-memory.shop.repository';
import { SHOP_REPOSITORY } from './store/shop.repository';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** The shop's HTTP API. Swap `useClass` for a Prisma repository to run it on PostgreSQL. */
@Module({
  controllers: [CartController, CheckoutController, PaymentsController, WebhooksController, OrdersController],
  providers: [
    { provide: SHOP_REPOSITORY, useClass: InMemoryShopRepository },
    CartService,
    CheckoutService,
    PaymentsService,
    WebhooksService,
    OrdersService,
    RefundsService,
    OrderEffects,
  ],
})
export class ShopModule {}
