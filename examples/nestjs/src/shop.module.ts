import { type DynamicModule, Module } from '@nestjs/common';
import { AuthController } from './auth/auth.controller';
import { AdminGuard, JwtAuthGuard } from './auth/jwt-auth.guard';
import { CartController } from './cart/cart.controller';
import { CartService } from './cart/cart.service';
import { CheckoutController } from './checkout/checkout.controller';
import { CheckoutService } from './checkout/checkout.service';
import { SHOP_OPTIONS, type ShopOptions } from './config/shop.options';
import { StartupChecks } from './config/startup-checks';
import { EffectsWorker } from './effects/effects.worker';
import { ReservationSweeper } from './jobs/reservation.sweeper';
import { StuckPaymentsReconciler } from './jobs/stuck-payments.reconciler';
import { Mailer } from './notifications/mailer';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { RefundsService } from './orders/refunds.service';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsService } from './payments/payments.service';
import { seedCatalog } from './store/catalog.seed';
import { InMemoryShopRepository } from './store/in-memory.shop.repository';
import { PrismaShopRepository } from './store/prisma.shop.repository';
import { SHOP_REPOSITORY, type ShopRepository } from './store/shop.repository';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** The store: PostgreSQL when `databaseUrl` is set (catalogue seeded if absent), else memory. */
async function createRepository(options: ShopOptions): Promise<ShopRepository> {
  if (!options.databaseUrl) return new InMemoryShopRepository();
  const repo = new PrismaShopRepository(options.databaseUrl);
  await repo.seedProducts(seedCatalog());
  return repo;
}

/** The shop's HTTP API, its outbox worker and its sweepers. */
@Module({})
export class ShopModule {
  static forRoot(options: ShopOptions): DynamicModule {
    return {
      module: ShopModule,
      controllers: [AuthController, CartController, CheckoutController, PaymentsController, WebhooksController, OrdersController],
      providers: [
        { provide: SHOP_OPTIONS, useValue: Object.freeze({ ...options }) },
        { provide: SHOP_REPOSITORY, inject: [SHOP_OPTIONS], useFactory: createRepository },
        StartupChecks,
        JwtAuthGuard,
        AdminGuard,
        CartService,
        CheckoutService,
        PaymentsService,
        WebhooksService,
        OrdersService,
        RefundsService,
        Mailer,
        EffectsWorker,
        StuckPaymentsReconciler,
        ReservationSweeper,
      ],
      exports: [SHOP_OPTIONS, SHOP_REPOSITORY],
    };
  }
}
