import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PaymentState } from '@checkout-kit/node';
import { seedCatalog } from './catalog.seed';
import {
  type Cart,
  type NewOrder,
  type Order,
  type OrderMutation,
  type OutboxItem,
  type Product,
  type ShopRepository,
  type StockChange,
  type StoredWebhook,
  StockUnavailableError,
  type WebhookRecord,
} from './shop.repository';

/** Statuses where Razorpay may still move money: the stuck-payment reconciler looks at them. */
export const UNSETTLED = ['AWAITING_PAYMENT', 'AUTHORIZED', 'FAILED'];
/**
 * Statuses whose reservation may expire. AUTHORIZED is not among them: money is in flight, so
 * the sweeper would only keep skipping it (and could starve the orders behind it).
 */
export const UNPAID = ['AWAITING_PAYMENT', 'FAILED'];

interface OutboxRow extends OutboxItem {
  nextAttemptAt: number;
  lockedUntil: number;
  done: boolean;
}

interface WebhookRow {
  id: string;
  record: WebhookRecord;
  applied: boolean;
  outcome: string | null;
}

/**
 * `ShopRepository` in process memory: the zero-setup default (one instance only — it shares
 * nothing with another process). Objects are copied in and out (structuredClone) so that a
 * caller mutating what it read cannot change the store behind its back. Every method does its
 * read-check-write without an `await` in between, so each is atomic, like the transactions of
 * the PostgreSQL store.
 */
@Injectable()
export class InMemoryShopRepository implements ShopRepository {
  private readonly products = new Map<string, Product>(seedCatalog().map((p) => [p.id, p]));
  private readonly carts = new Map<string, Cart>();
  private readonly orders = new Map<string, Order>();
  private readonly ordersByRazorpayId = new Map<string, string>();
  private readonly ordersByCheckoutKey = new Map<string, string>();
  private readonly webhooks: WebhookRow[] = [];
  private readonly outbox: OutboxRow[] = [];
  private readonly effectKeys = new Set<string>();

  async findProducts(ids: readonly string[]): Promise<Product[]> {
    const found: Product[] = [];
    for (const id of new Set(ids)) {
      const product = this.products.get(id);
      if (product) found.push(structuredClone(product));
    }
    return found;
  }

  async listProducts(): Promise<Product[]> {
    return [...this.products.values()].map((p) => structuredClone(p));
  }

  async updateProduct(id: string, patch: Partial<Omit<Product, 'id'>>): Promise<Product | null> {
    const current = this.products.get(id);
    if (!current) return null;
    const next = { ...current, ...structuredClone(patch), id };
    this.products.set(id, next);
    return structuredClone(next);
  }

  async findCart(userId: string): Promise<Cart | null> {
    const cart = this.carts.get(userId);
    return cart ? structuredClone(cart) : null;
  }

  async editCart(userId: string, edit: (cart: Cart) => Cart): Promise<Cart> {
    const stored = this.carts.get(userId);
    const base: Cart =
      stored && stored.orderId === null
        ? structuredClone(stored)
        : { userId, cartId: randomUUID(), revision: 0, currency: stored?.currency ?? 'INR', items: [], orderId: null };
    const next = { ...edit(base), userId, cartId: base.cartId, revision: base.revision + 1, orderId: null };
    this.carts.set(userId, structuredClone(next));
    return next;
  }

  async placeOrder(
    userId: string,
    build: (cart: Cart, products: Product[]) => NewOrder,
  ): Promise<{ order: Order; created: boolean }> {
    const cart = this.carts.get(userId) ?? { userId, cartId: randomUUID(), revision: 0, currency: 'INR', items: [], orderId: null };
    if (cart.orderId) {
      const existing = this.orders.get(cart.orderId);
      if (existing) return { order: structuredClone(existing), created: false };
    }
    const products = cart.items.flatMap((item) => {
      const product = this.products.get(item.productId);
      return product ? [structuredClone(product)] : [];
    });
    const draft = build(structuredClone(cart), products);
    for (const change of draft.stockDecrements) {
      const product = this.products.get(change.productId);
      if (!product || product.stock < change.quantity) throw new StockUnavailableError(change.productId);
    }
    this.moveStock(draft.stockDecrements, -1);
    const order: Order = { ...structuredClone(draft), version: 0, checkedAt: null };
    this.orders.set(order.id, order);
    this.ordersByCheckoutKey.set(order.checkoutKey, order.id);
    this.carts.set(userId, { ...structuredClone(cart), orderId: order.id });
    return { order: structuredClone(order), created: true };
  }

  async attachRazorpayOrder(orderId: string, razorpayOrderId: string, paymentState: PaymentState): Promise<Order> {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`order ${orderId} is gone`);
    Object.assign(order, {
      razorpayOrderId,
      paymentState: structuredClone(paymentState),
      status: paymentState.status,
      version: order.version + 1,
    });
    this.ordersByRazorpayId.set(razorpayOrderId, orderId);
    return structuredClone(order);
  }

  async abortOrder(orderId: string): Promise<void> {
    const order = this.orders.get(orderId);
    if (!order || order.status !== 'CREATING') return;
    if (order.stockState === 'RESERVED') this.moveStock(order.stockDecrements, +1);
    this.orders.delete(orderId);
    this.ordersByCheckoutKey.delete(order.checkoutKey);
    const cart = this.carts.get(order.userId);
    if (cart?.orderId === orderId) cart.orderId = null;
  }

  async findOrder(id: string): Promise<Order | null> {
    const order = this.orders.get(id);
    return order ? structuredClone(order) : null;
  }

  async findOrderByRazorpayOrderId(razorpayOrderId: string): Promise<Order | null> {
    const id = this.ordersByRazorpayId.get(razorpayOrderId);
    return id ? this.findOrder(id) : null;
  }

  async mutateOrder(orderId: string, mutate: OrderMutation, webhookId?: string): Promise<Order | null> {
    const current = this.orders.get(orderId);
    if (!current) return null;
    if (webhookId) {
      // As in PostgreSQL: a stored event is applied once, whoever gets to it first.
      const row = this.webhooks.find((r) => r.id === webhookId);
      if (!row || row.applied) return structuredClone(current);
    }
    const change = mutate(structuredClone(current));
    if (webhookId) this.setWebhookApplied(webhookId, 'APPLIED');
    if (!change) return structuredClone(current);
    const next: Order = { ...structuredClone(change.order), id: orderId, version: current.version + 1 };
    if (change.stock && current.stockState === 'RESERVED') {
      if (change.stock === 'RELEASE') {
        this.moveStock(current.stockDecrements, +1);
        next.stockState = 'RELEASED';
      } else {
        next.stockState = 'COMMITTED';
      }
    } else {
      next.stockState = current.stockState;
    }
    this.orders.set(orderId, next);
    for (const effect of change.effects) {
      if (this.effectKeys.has(effect.key)) continue;
      this.effectKeys.add(effect.key);
      this.outbox.push({
        ...structuredClone(effect),
        id: String(this.outbox.length + 1),
        orderId,
        attempts: 0,
        nextAttemptAt: 0,
        lockedUntil: 0,
        done: false,
      });
    }
    return structuredClone(next);
  }

  async recordWebhook(record: WebhookRecord): Promise<StoredWebhook> {
    if (record.signatureValid) {
      const existing = this.webhooks.find(
        (row) =>
          row.record.signatureValid &&
          ((record.eventId !== null && row.record.eventId === record.eventId) || row.record.bodySha256 === record.bodySha256),
      );
      if (existing) return { id: existing.id, fresh: false, applied: existing.applied };
    }
    const row: WebhookRow = { id: String(this.webhooks.length + 1), record: structuredClone(record), applied: false, outcome: null };
    this.webhooks.push(row);
    return { id: row.id, fresh: true, applied: false };
  }

  async markWebhookApplied(id: string, outcome: string): Promise<void> {
    this.setWebhookApplied(id, outcome);
  }

  async claimEffect(now: Date, leaseMs: number): Promise<OutboxItem | null> {
    const t = now.getTime();
    const row = this.outbox.find((r) => !r.done && r.nextAttemptAt <= t && r.lockedUntil <= t);
    if (!row) return null;
    row.lockedUntil = t + leaseMs;
    row.attempts += 1;
    const { id, orderId, key, type, payload, attempts } = row;
    return structuredClone({ id, orderId, key, type, payload, attempts });
  }

  async completeEffect(id: string): Promise<void> {
    const row = this.outbox.find((r) => r.id === id);
    if (row) row.done = true;
  }

  async retryEffect(id: string, _error: string, retryAt: Date): Promise<void> {
    const row = this.outbox.find((r) => r.id === id);
    if (row) {
      row.nextAttemptAt = retryAt.getTime();
      row.lockedUntil = 0;
    }
  }

  async expiredReservations(now: Date, limit: number): Promise<Order[]> {
    return [...this.orders.values()]
      .filter((o) => o.stockState === 'RESERVED' && UNPAID.includes(o.status) && Date.parse(o.reservedUntil) <= now.getTime())
      .slice(0, limit)
      .map((o) => structuredClone(o));
  }

  async claimStuckOrders(before: Date, checkedBefore: Date, limit: number): Promise<Order[]> {
    const picked = [...this.orders.values()]
      .filter(
        (o) =>
          UNSETTLED.includes(o.status) &&
          o.razorpayOrderId !== null &&
          Date.parse(o.createdAt) <= before.getTime() &&
          (o.checkedAt === null || Date.parse(o.checkedAt) <= checkedBefore.getTime()),
      )
      .slice(0, limit);
    const now = new Date().toISOString();
    for (const order of picked) order.checkedAt = now;
    return picked.map((o) => structuredClone(o));
  }

  private setWebhookApplied(id: string, outcome: string): void {
    const row = this.webhooks.find((r) => r.id === id);
    if (row && !row.applied) {
      row.applied = true;
      row.outcome = outcome;
    }
  }

  private moveStock(changes: readonly StockChange[], sign: 1 | -1): void {
    for (const change of changes) {
      const product = this.products.get(change.productId);
      if (product) product.stock += sign * change.quantity;
    }
  }
}
