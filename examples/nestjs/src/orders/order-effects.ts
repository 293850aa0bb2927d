import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Effect, RazorpayClient, type RazorpayApiError } from '@checkout-kit/node';
import { isCheckoutKitError } from '../checkout-kit/http-errors';
import { type Order, SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';

/**
 * Carries out the effects the reconciliation asks for after a real transition. The module
 * emits each effect once over the life of the order (never again for a duplicate webhook or a
 * late event), so this class needs no bookkeeping of its own beyond "stock already released".
 */
@Injectable()
export class OrderEffects {
  private readonly log = new Logger(OrderEffects.name);

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    private readonly razorpay: RazorpayClient,
  ) {}

  async carryOut(order: Order, effects: readonly Effect[]): Promise<Order> {
    let current = order;
    for (const effect of effects) {
      switch (effect.type) {
        case 'MARK_ORDER_PAID':
          // The order's status already mirrors the state (PAID); a real shop starts
          // fulfilment here.
          this.log.log(`order ${current.id} paid: fulfil it`);
          break;
        case 'CAPTURE_PAYMENT':
          await this.capture(current, effect);
          break;
        case 'RELEASE_RESERVED_STOCK':
          current = await this.releaseStock(current);
          break;
        case 'FLAG_FOR_REVIEW':
          this.log.warn(`order ${current.id} needs review: ${JSON.stringify(effect.anomaly)}`);
          break;
        case 'NOTIFY_CUSTOMER':
          // A real shop enqueues an e-mail / push job here.
          this.log.log(`order ${current.id}: tell the customer ${effect.notification.kind}`);
          break;
      }
    }
    return current;
  }

  /** Manual-capture shops only (this one captures automatically, so it is rarely called). */
  private async capture(order: Order, effect: Extract<Effect, { type: 'CAPTURE_PAYMENT' }>): Promise<void> {
    try {
      await this.razorpay.payments.capture(effect.paymentId, effect.amount, effect.currency);
    } catch (err) {
      // A late input can ask to capture a payment that is captured already: that is success.
      // Anything else stays visible; the next webhook or a manual retry resolves it.
      const description = isCheckoutKitError(err) ? JSON.stringify((err as Partial<RazorpayApiError>).error ?? err.message) : String(err);
      if (!/already been captured/i.test(description)) {
        this.log.error(`order ${order.id}: capture of ${effect.paymentId} failed: ${description}`);
      }
    }
  }

  private async releaseStock(order: Order): Promise<Order> {
    let current: Order | null = order;
    while (current && !current.stockReleased) {
      const next = await this.repo.updateOrder({ ...current, stockReleased: true }, current.version);
      if (next) {
        await this.repo.releaseStock(current.stockDecrements);
        return next;
      }
      current = await this.repo.findOrder(order.id); // someone wrote in between: re-read
    }
    return current ?? order;
  }
}
