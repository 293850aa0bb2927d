import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RazorpayClient } from '@checkout-kit/node';
import { SHOP_OPTIONS, type ShopOptions } from '../config/shop.options';
import { OrdersService } from '../orders/orders.service';
import { type Order, SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';

/** Orders per pass; the rest wait for the next pass. */
const BATCH = 50;

/**
 * Lost callback and lost webhooks: an order attempted but not final after `stuckAfterMs` is
 * asked about (`orders.fetchPayments`) and every payment Razorpay reports goes through the
 * reconciliation, so it still ends PAID (and its effects run once, like any other input).
 * Orders are claimed with SKIP LOCKED, so several instances share the work.
 */
@Injectable()
export class StuckPaymentsReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(StuckPaymentsReconciler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    @Inject(SHOP_OPTIONS) private readonly options: ShopOptions,
    private readonly razorpay: RazorpayClient,
    private readonly orders: OrdersService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.reconcileIntervalMs > 0) {
      this.timer = setInterval(() => void this.runOnce().catch((err) => this.log.error(String(err))), this.options.reconcileIntervalMs);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass; answers how many orders were looked at. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const stuck = await this.repo.claimStuckOrders(
      new Date(now.getTime() - this.options.stuckAfterMs),
      new Date(now.getTime() - this.options.stuckAfterMs),
      BATCH,
    );
    for (const order of stuck) await this.reconcile(order);
    return stuck.length;
  }

  /** Applies every payment Razorpay knows for the order; failures leave it for the next pass. */
  async reconcile(order: Order): Promise<Order> {
    if (!order.razorpayOrderId) return order;
    let current = order;
    try {
      const payments = await this.razorpay.orders.fetchPayments(order.razorpayOrderId);
      for (const payment of payments.items) {
        ({ order: current } = await this.orders.applyInput(order.id, { type: 'fetchedPayment', payment }));
      }
    } catch (err) {
      this.log.warn(`order ${order.id}: could not reconcile: ${(err as Error).message}`);
    }
    return current;
  }
}
