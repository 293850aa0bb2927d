import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Effect, RazorpayClient, type RazorpayApiError } from '@checkout-kit/node';
import { isCheckoutKitError } from '../checkout-kit/http-errors';
import { SHOP_OPTIONS, type ShopOptions } from '../config/shop.options';
import { Mailer } from '../notifications/mailer';
import { type Order, type OutboxItem, SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';

/** A claimed effect is someone else's again after this long (its worker died mid-way). */
const LEASE_MS = 30_000;
/** After this many failures an effect is parked for a person to look at. */
const MAX_ATTEMPTS = 8;

/**
 * The outbox worker: carries out each effect the reconciliation wrote with the order state.
 * Any number of instances may run it against one database; `claimEffect` leases a row to one
 * of them (SKIP LOCKED). Handlers are idempotent (capture accepts "already captured", emails
 * carry a stable Message-ID), a failure is retried with backoff, and a row is marked done
 * only after its handler succeeded — at-least-once delivery of exactly one row per effect.
 */
@Injectable()
export class EffectsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(EffectsWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  /** Effect keys this instance carried out, in order (an observer for tests and metrics). */
  readonly performed: string[] = [];

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    @Inject(SHOP_OPTIONS) private readonly options: ShopOptions,
    private readonly razorpay: RazorpayClient,
    private readonly mailer: Mailer,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.workerIntervalMs > 0) {
      this.timer = setInterval(() => void this.drain().catch((err) => this.log.error(String(err))), this.options.workerIntervalMs);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Runs every due effect; answers how many were carried out. One drain at a time per instance. */
  drain(): Promise<number> {
    this.running ??= this.drainOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drainOnce(): Promise<number> {
    let done = 0;
    for (;;) {
      const item = await this.repo.claimEffect(new Date(), LEASE_MS);
      if (!item) return done;
      try {
        await this.perform(item);
        await this.repo.completeEffect(item.id);
        this.performed.push(item.key);
        done++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const parked = item.attempts >= MAX_ATTEMPTS;
        // Exponential backoff, capped at 10 minutes; parked rows wait a year for a person.
        const delay = parked ? 365 * 24 * 3600_000 : Math.min(2 ** item.attempts * 1000, 600_000);
        this.log.error(`effect ${item.key} failed (attempt ${item.attempts}${parked ? ', parked' : ''}): ${message}`);
        await this.repo.retryEffect(item.id, message, new Date(Date.now() + delay));
      }
    }
  }

  private async perform(item: OutboxItem): Promise<void> {
    const effect = item.payload as unknown as Effect;
    const order = await this.repo.findOrder(item.orderId);
    if (!order) throw new Error(`order ${item.orderId} not found`);
    switch (effect.type) {
      case 'MARK_ORDER_PAID':
        // Status and stock were committed with the state; a real shop starts fulfilment here
        // (idempotently, keyed by the order id).
        this.log.log(`order ${order.id} paid: fulfil it`);
        return;
      case 'CAPTURE_PAYMENT':
        return this.capture(effect);
      case 'NOTIFY_CUSTOMER':
        return this.notify(order, item.key, effect);
      case 'FLAG_FOR_REVIEW':
        this.log.warn(`order ${order.id} needs review: ${JSON.stringify(effect.anomaly)}`);
        return;
      default:
        return;
    }
  }

  /** Manual-capture shops only. "Already captured" is success: the effect's goal holds. */
  private async capture(effect: Extract<Effect, { type: 'CAPTURE_PAYMENT' }>): Promise<void> {
    try {
      await this.razorpay.payments.capture(effect.paymentId, effect.amount, effect.currency);
    } catch (err) {
      const description = isCheckoutKitError(err) ? JSON.stringify((err as Partial<RazorpayApiError>).error ?? err.message) : String(err);
      if (!/already been captured/i.test(description)) throw new Error(`capture of ${effect.paymentId} failed: ${description}`);
    }
  }

  private async notify(order: Order, key: string, effect: Extract<Effect, { type: 'NOTIFY_CUSTOMER' }>): Promise<void> {
    if (!order.customerEmail) {
      this.log.log(`order ${order.id}: no email address for ${effect.notification.kind}`);
      return;
    }
    const amount = `${order.currency} ${(order.amount / 100).toFixed(2)}`;
    const mail =
      effect.notification.kind === 'PAYMENT_RECEIVED'
        ? { subject: `Payment received for order ${order.id}`, text: `We received your payment of ${amount}. Thank you!` }
        : {
            subject: `Refund processed for order ${order.id}`,
            text: `Your refund ${effect.notification.refundId} has been processed; it reaches your account in a few days.`,
          };
    await this.mailer.send({ to: order.customerEmail, ...mail, messageId: `<${key}@checkout-kit.shop>` });
  }
}
