import { ConflictException, Inject, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { type PaymentOutcome, type ReconcileInput, applyPaymentEvent } from '@checkout-kit/node';
import { isAdmin, type Principal } from '../auth/principal';
import { isCheckoutKitError } from '../checkout-kit/http-errors';
import { type Order, SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';
import { moneyInFlight, orderChange } from './order-effects';

/** Result of feeding one callback, webhook or fetched fact to an order. */
export interface ApplyResult {
  order: Order;
  /** False when the input changed nothing. */
  changed: boolean;
  /** The webhook had been applied before (by this instance or another). */
  duplicate: boolean;
}

export function orderNotFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'ORDER_NOT_FOUND', message: `no order ${id}` });
}

@Injectable()
export class OrdersService {
  private readonly log = new Logger(OrdersService.name);

  constructor(@Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository) {}

  /**
   * The order if `user` may see it: their own, or any for an admin. Someone else's order is a
   * 404, not a 403, so that order ids cannot be probed.
   */
  async visibleTo(user: Principal, id: string): Promise<Order> {
    const order = await this.repo.findOrder(id);
    if (!order || (order.userId !== user.id && !isAdmin(user))) throw orderNotFound(id);
    return order;
  }

  /**
   * Cancel an unpaid order (admin) or let the expiry sweeper end it: its reserved stock goes
   * back once. Refused (409 ORDER_NOT_ABANDONABLE) when the order is paid or a payment is
   * authorized or captured: that stock is sold, and releasing it would oversell.
   */
  async abandon(id: string, now: Date = new Date()): Promise<Order> {
    const order = await this.repo.mutateOrder(id, (current) => {
      if (current.status === 'CREATING' || moneyInFlight(current.paymentState)) {
        throw new ConflictException({
          statusCode: 409,
          code: 'ORDER_NOT_ABANDONABLE',
          message: `order is ${current.status}; money may be in flight, its stock stays sold`,
        });
      }
      if (current.stockState !== 'RESERVED') return null;
      const outcome = this.reconcile(current, { type: 'abandoned', at: Math.floor(now.getTime() / 1000) });
      const change = orderChange(current, outcome.state, outcome.effects);
      // The reconciliation releases once; the shop's guard above already ruled out money.
      return { ...change, stock: 'RELEASE' };
    });
    if (!order) throw orderNotFound(id);
    return order;
  }

  /**
   * Applies a verified payment input to the order, under the store's row lock: the pure
   * `applyPaymentEvent` decides (duplicates, ordering, anomalies); the new state, the outbox
   * rows for its effects and any stock movement are written in one transaction, and (for a
   * webhook) the stored event is marked applied in the same one. The outbox worker carries
   * the effects out afterwards, once each.
   */
  async applyInput(orderId: string, input: ReconcileInput, webhookId?: string): Promise<ApplyResult> {
    let outcome: PaymentOutcome | null = null;
    const order = await this.repo.mutateOrder(
      orderId,
      (current) => {
        if (!current.paymentState) return null;
        outcome = this.reconcile(current, input);
        if (!outcome.changed) return null;
        return orderChange(current, outcome.state, outcome.effects);
      },
      webhookId,
    );
    if (!order) throw orderNotFound(orderId);
    const result = outcome as PaymentOutcome | null;
    return { order, changed: result?.changed ?? false, duplicate: result === null ? webhookId !== undefined : result.duplicate };
  }

  /** The module refuses inputs it cannot make sense of with a code; the stored state stays valid. */
  private reconcile(order: Order, input: ReconcileInput): PaymentOutcome {
    try {
      return applyPaymentEvent(order.paymentState as NonNullable<Order['paymentState']>, input);
    } catch (err) {
      if (!isCheckoutKitError(err)) throw err;
      this.log.warn(`order ${order.id}: ${input.type} not applied: ${err.code}`);
      throw new UnprocessableEntityException({ statusCode: 422, code: err.code, message: err.message });
    }
  }
}
