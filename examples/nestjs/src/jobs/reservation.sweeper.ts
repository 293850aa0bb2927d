import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SHOP_OPTIONS, type ShopOptions } from '../config/shop.options';
import { moneyInFlight } from '../orders/order-effects';
import { OrdersService } from '../orders/orders.service';
import { SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';
import { StuckPaymentsReconciler } from './stuck-payments.reconciler';

const BATCH = 100;

/**
 * Unpaid checkouts must not hold stock forever. Each pass takes the reservations past their
 * `reservedUntil`, first asks Razorpay about the order (a payment may have happened with every
 * callback and webhook lost), then releases the stock only if no money is in flight. An order
 * with an authorized or captured payment is never released; the abandon guard re-checks that
 * under the row lock.
 */
@Injectable()
export class ReservationSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ReservationSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    @Inject(SHOP_OPTIONS) private readonly options: ShopOptions,
    private readonly orders: OrdersService,
    private readonly reconciler: StuckPaymentsReconciler,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.sweepIntervalMs > 0) {
      this.timer = setInterval(() => void this.runOnce().catch((err) => this.log.error(String(err))), this.options.sweepIntervalMs);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass; answers the ids of the orders whose stock went back on the shelf. */
  async runOnce(now: Date = new Date()): Promise<string[]> {
    const released: string[] = [];
    for (const expired of await this.repo.expiredReservations(now, BATCH)) {
      const order = await this.reconciler.reconcile(expired);
      if (order.stockState !== 'RESERVED' || moneyInFlight(order.paymentState)) continue;
      try {
        const after = await this.orders.abandon(order.id, now);
        if (after.stockState === 'RELEASED') released.push(order.id);
      } catch (err) {
        // ORDER_NOT_ABANDONABLE: money arrived between the check and the lock. Keep the stock.
        this.log.log(`order ${order.id} kept its stock: ${(err as Error).message}`);
      }
    }
    return released;
  }
}
