import { ConflictException, Inject, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { type PaymentOutcome, type PaymentState, type ReconcileInput, applyPaymentEvent } from '@checkout-kit/node';
import { isCheckoutKitError } from '../checkout-kit/http-errors';
import { type Order, SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';
import { OrderEffects } from './order-effects';

/** What the API shows of an order. */
export interface OrderView {
  id: string;
  userId: string;
  status: string;
  razorpayOrderId: string;
  amount: number;
  currency: string;
  lines: Order['lines'];
  /** Reserved stock went back on the shelf (the order was abandoned). */
  stockReleased: boolean;
  paymentState: PaymentState;
  createdAt: string;
}

/** Result of feeding one callback or webhook to an order. */
export interface ApplyResult {
  order: Order;
  /** False when the input changed nothing. */
  changed: boolean;
  /** The webhook's event id had been applied before (Razorpay delivers at least once). */
  duplicate: boolean;
}

/** Optimistic-concurrency retries: a callback and a webhook for one order can race. */
const MAX_WRITE_ATTEMPTS = 16;

@Injectable()
export class OrdersService {
  private readonly log = new Logger(OrdersService.name);

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    private readonly effects: OrderEffects,
  ) {}

  async view(id: string): Promise<OrderView> {
    const order = await this.repo.findOrder(id);
    if (!order) {
      throw new NotFoundException({ statusCode: 404, code: 'ORDER_NOT_FOUND', message: `no order ${id}` });
    }
    return toView(order);
  }

  /**
   * The shopper cancelled, or the shop's checkout timer expired: give the reserved stock back.
   * The reconciliation decides whether that is still possible and emits the release exactly
   * once; money arriving later is not lost but flagged for review (PAID_AFTER_STOCK_RELEASE).
   */
  async abandon(id: string, now: Date = new Date()): Promise<OrderView> {
    const order = await this.repo.findOrder(id);
    if (!order) {
      throw new NotFoundException({ statusCode: 404, code: 'ORDER_NOT_FOUND', message: `no order ${id}` });
    }
    const { order: updated } = await this.applyPaymentInput(order, {
      type: 'abandoned',
      at: Math.floor(now.getTime() / 1000),
    });
    return toView(updated);
  }

  /**
   * Applies a verified payment input (checkout callback or webhook event) to the order's
   * reconciliation state and carries out the effects the module asks for. The pure
   * `applyPaymentEvent` decides everything (duplicates, ordering, anomalies); this method only
   * stores the result and acts on it. The write is conditional on the version read, so two
   * concurrent inputs for one order are serialised: the loser re-reads and re-applies.
   */
  async applyPaymentInput(order: Order, input: ReconcileInput): Promise<ApplyResult> {
    let current: Order | null = order;
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS && current; attempt++) {
      const outcome = this.reconcile(current, input);
      if (!outcome.changed) return { order: current, changed: false, duplicate: outcome.duplicate };
      const next: Order = { ...current, paymentState: outcome.state, status: outcome.state.status };
      const written = await this.repo.updateOrder(next, current.version);
      if (written) {
        // Effects run only after the state that produced them is stored, so a redelivered
        // event is seen as applied and never repeats them. (A crash between the write and the
        // effects would lose them: a production shop writes them to an outbox table in the
        // same transaction as the state.)
        const settled = await this.effects.carryOut(written, outcome.effects);
        return { order: settled, changed: true, duplicate: false };
      }
      current = await this.repo.findOrder(order.id);
    }
    this.log.warn(`order ${order.id}: gave up after ${MAX_WRITE_ATTEMPTS} conflicting writes`);
    throw new ConflictException({ statusCode: 409, code: 'ORDER_WRITE_CONFLICT', message: 'order is being updated; retry' });
  }

  /** The module refuses inputs it cannot make sense of with a code; the stored state stays valid. */
  private reconcile(order: Order, input: ReconcileInput): PaymentOutcome {
    try {
      return applyPaymentEvent(order.paymentState, input);
    } catch (err) {
      if (!isCheckoutKitError(err)) throw err;
      this.log.warn(`order ${order.id}: ${input.type} not applied: ${err.code}`);
      throw new UnprocessableEntityException({ statusCode: 422, code: err.code, message: err.message });
    }
  }
}

export function toView(order: Order): OrderView {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    razorpayOrderId: order.razorpayOrderId,
    amount: order.amount,
    currency: order.currency,
    lines: order.lines,
    stockReleased: order.stockReleased,
    paymentState: order.paymentState,
    createdAt: order.createdAt,
  };
}
