import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PaymentState } from '@checkout-kit/node';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import type { Order as OrderRow, Product as ProductRow } from '../generated/prisma/client';
import { UNPAID, UNSETTLED } from './in-memory.shop.repository';
import {
  type Cart,
  type NewOrder,
  type Order,
  type OrderMutation,
  type OutboxItem,
  type Product,
  type ShopRepository,
  type StockState,
  type StoredWebhook,
  StockUnavailableError,
  type WebhookRecord,
} from './shop.repository';

type Tx = Prisma.TransactionClient;

/** Interactive transactions wait for the pool under load (50 shoppers at once) rather than fail. */
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 };

/**
 * `ShopRepository` on PostgreSQL through Prisma 7's query client and the `pg` driver adapter
 * (no native engine). Every read-decide-write runs in one transaction holding a row lock
 * (`SELECT … FOR UPDATE`), so any number of app instances can share the database: the second
 * one waits, then decides on what the first one wrote.
 */
@Injectable()
export class PrismaShopRepository implements ShopRepository, OnModuleDestroy {
  readonly prisma: PrismaClient;

  constructor(databaseUrl: string, poolSize = 10) {
    // UTC for the session: timestamps are stored without a zone and compared with the app's.
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize, options: '-c TimeZone=UTC' });
    this.prisma = new PrismaClient({ adapter });
  }

  async onModuleDestroy(): Promise<void> {
    await this.prisma.$disconnect();
  }

  async findProducts(ids: readonly string[]): Promise<Product[]> {
    const rows = await this.prisma.product.findMany({ where: { id: { in: [...new Set(ids)] } } });
    return rows.map(toProduct);
  }

  async listProducts(): Promise<Product[]> {
    return (await this.prisma.product.findMany({ orderBy: { id: 'asc' } })).map(toProduct);
  }

  async updateProduct(id: string, patch: Partial<Omit<Product, 'id'>>): Promise<Product | null> {
    const { unitPrice, maxPerOrder, ...rest } = patch;
    const result = await this.prisma.product.updateMany({
      where: { id },
      data: {
        ...rest,
        ...(unitPrice !== undefined ? { unitPrice: BigInt(unitPrice) } : {}),
        ...(maxPerOrder !== undefined ? { maxPerOrder } : {}),
      },
    });
    if (result.count === 0) return null;
    const row = await this.prisma.product.findUnique({ where: { id } });
    return row ? toProduct(row) : null;
  }

  /** Seeds the catalogue (idempotent): used by tests and the first start on an empty database. */
  async seedProducts(products: readonly Product[]): Promise<void> {
    for (const p of products) {
      await this.prisma.product.upsert({
        where: { id: p.id },
        create: { ...p, unitPrice: BigInt(p.unitPrice), maxPerOrder: p.maxPerOrder ?? null },
        update: {},
      });
    }
  }

  async findCart(userId: string): Promise<Cart | null> {
    const row = await this.prisma.cart.findUnique({ where: { userId } });
    return row ? toCart(row) : null;
  }

  async editCart(userId: string, edit: (cart: Cart) => Cart): Promise<Cart> {
    return this.prisma.$transaction(async (tx) => {
      const stored = await lockCart(tx, userId);
      const base: Cart =
        stored && stored.orderId === null
          ? stored
          : { userId, cartId: randomUUID(), revision: 0, currency: stored?.currency ?? 'INR', items: [], orderId: null };
      const next: Cart = { ...edit(base), userId, cartId: base.cartId, revision: base.revision + 1, orderId: null };
      await tx.cart.update({
        where: { userId },
        data: {
          cartId: next.cartId,
          revision: next.revision,
          currency: next.currency,
          items: next.items as unknown as Prisma.InputJsonValue,
          orderId: null,
          updatedAt: new Date(),
        },
      });
      return next;
    }, TX_OPTIONS);
  }

  async placeOrder(
    userId: string,
    build: (cart: Cart, products: Product[]) => NewOrder,
  ): Promise<{ order: Order; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      // The cart row lock serialises concurrent checkouts of one cart (a double click, two tabs,
      // two app instances): the second sees the order the first placed.
      const cart = (await lockCart(tx, userId)) as Cart;
      if (cart.orderId) {
        const existing = await tx.order.findUnique({ where: { id: cart.orderId } });
        if (existing) return { order: toOrder(existing), created: false };
      }
      const products = (await tx.product.findMany({ where: { id: { in: cart.items.map((i) => i.productId) } } })).map(toProduct);
      const draft = build(cart, products);
      // Conditional decrements: a row lock per product, and the condition re-checked under it,
      // so concurrent shoppers can never take more than is on the shelf.
      for (const change of draft.stockDecrements) {
        const taken = await tx.product.updateMany({
          where: { id: change.productId, stock: { gte: change.quantity } },
          data: { stock: { decrement: change.quantity } },
        });
        if (taken.count !== 1) throw new StockUnavailableError(change.productId);
      }
      const row = await tx.order.create({ data: orderData(draft) });
      await tx.cart.update({ where: { userId }, data: { orderId: row.id } });
      return { order: toOrder(row), created: true };
    }, TX_OPTIONS);
  }

  async attachRazorpayOrder(orderId: string, razorpayOrderId: string, paymentState: PaymentState): Promise<Order> {
    const row = await this.prisma.order.update({
      where: { id: orderId },
      data: {
        razorpayOrderId,
        paymentState: paymentState as unknown as Prisma.InputJsonValue,
        status: paymentState.status,
        version: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    return toOrder(row);
  }

  async abortOrder(orderId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (!order || order.status !== 'CREATING') return;
      if (order.stockState === 'RESERVED') await releaseUnits(tx, order);
      await tx.cart.updateMany({ where: { userId: order.userId, orderId }, data: { orderId: null } });
      await tx.order.delete({ where: { id: orderId } });
    }, TX_OPTIONS);
  }

  async findOrder(id: string): Promise<Order | null> {
    const row = await this.prisma.order.findUnique({ where: { id } });
    return row ? toOrder(row) : null;
  }

  async findOrderByRazorpayOrderId(razorpayOrderId: string): Promise<Order | null> {
    const row = await this.prisma.order.findUnique({ where: { razorpayOrderId } });
    return row ? toOrder(row) : null;
  }

  async mutateOrder(orderId: string, mutate: OrderMutation, webhookId?: string): Promise<Order | null> {
    return this.prisma.$transaction(async (tx) => {
      const current = await lockOrder(tx, orderId);
      if (!current) return null;
      if (webhookId) {
        // Under the order lock: of two instances applying the same stored event, the second
        // finds it applied and does nothing.
        const done = await tx.webhookEvent.updateMany({
          where: { id: BigInt(webhookId), appliedAt: null },
          data: { appliedAt: new Date(), outcome: 'APPLIED' },
        });
        if (done.count === 0) return current;
      }
      const change = mutate(structuredClone(current));
      if (!change) return current;
      let stockState: StockState = current.stockState;
      if (change.stock && current.stockState === 'RESERVED') {
        if (change.stock === 'RELEASE') await releaseUnits(tx, current);
        stockState = change.stock === 'RELEASE' ? 'RELEASED' : 'COMMITTED';
      }
      const next = change.order;
      const row = await tx.order.update({
        where: { id: orderId },
        data: {
          status: next.status,
          paymentState: next.paymentState as unknown as Prisma.InputJsonValue,
          stockState,
          reservedUntil: new Date(next.reservedUntil),
          version: { increment: 1 },
          updatedAt: new Date(),
        },
      });
      if (change.effects.length > 0) {
        // skipDuplicates: the unique effect key makes a repeated effect a no-op in the database.
        await tx.outboxEffect.createMany({
          data: change.effects.map((e) => ({
            orderId,
            effectKey: e.key,
            type: e.type,
            payload: e.payload as Prisma.InputJsonValue,
          })),
          skipDuplicates: true,
        });
      }
      return toOrder(row);
    }, TX_OPTIONS);
  }

  async recordWebhook(record: WebhookRecord): Promise<StoredWebhook> {
    // ON CONFLICT DO NOTHING covers both partial unique indexes (event id, body hash) of
    // verified rows; a concurrent insert of the same event waits for the first to commit.
    const inserted = await this.prisma.$queryRaw<Array<{ id: bigint }>>`
      INSERT INTO webhook_events (event_id, body_sha256, raw_body, signature_valid, event_type, razorpay_order_id)
      VALUES (${record.eventId}, ${record.bodySha256}, ${record.rawBody}, ${record.signatureValid}, ${record.eventType}, ${record.razorpayOrderId})
      ON CONFLICT DO NOTHING
      RETURNING id`;
    if (inserted.length === 1) return { id: String(inserted[0]!.id), fresh: true, applied: false };
    const existing = await this.prisma.$queryRaw<Array<{ id: bigint; applied_at: Date | null }>>`
      UPDATE webhook_events SET deliveries = deliveries + 1
      WHERE id = (
        SELECT id FROM webhook_events
        WHERE signature_valid AND (event_id = ${record.eventId} OR body_sha256 = ${record.bodySha256})
        ORDER BY id LIMIT 1)
      RETURNING id, applied_at`;
    const row = existing[0];
    if (!row) throw new Error('webhook row vanished');
    return { id: String(row.id), fresh: false, applied: row.applied_at !== null };
  }

  async markWebhookApplied(id: string, outcome: string): Promise<void> {
    await this.prisma.webhookEvent.updateMany({ where: { id: BigInt(id), appliedAt: null }, data: { appliedAt: new Date(), outcome } });
  }

  async claimEffect(now: Date, leaseMs: number): Promise<OutboxItem | null> {
    // SKIP LOCKED: workers in several instances each take a different row, none waits.
    const rows = await this.prisma.$queryRaw<
      Array<{ id: bigint; order_id: string; effect_key: string; type: string; payload: Record<string, unknown>; attempts: number }>
    >`
      UPDATE outbox_effects SET locked_until = ${new Date(now.getTime() + leaseMs)}::timestamp, attempts = attempts + 1
      WHERE id = (
        SELECT id FROM outbox_effects
        WHERE done_at IS NULL AND next_attempt_at <= ${now}::timestamp
          AND (locked_until IS NULL OR locked_until <= ${now}::timestamp)
        ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, order_id, effect_key, type, payload, attempts`;
    const row = rows[0];
    if (!row) return null;
    return { id: String(row.id), orderId: row.order_id, key: row.effect_key, type: row.type, payload: row.payload, attempts: row.attempts };
  }

  async completeEffect(id: string): Promise<void> {
    await this.prisma.outboxEffect.update({ where: { id: BigInt(id) }, data: { doneAt: new Date(), lockedUntil: null } });
  }

  async retryEffect(id: string, error: string, retryAt: Date): Promise<void> {
    await this.prisma.outboxEffect.update({
      where: { id: BigInt(id) },
      data: { nextAttemptAt: retryAt, lockedUntil: null, lastError: error.slice(0, 1000) },
    });
  }

  async expiredReservations(now: Date, limit: number): Promise<Order[]> {
    const rows = await this.prisma.order.findMany({
      where: { stockState: 'RESERVED', status: { in: [...UNPAID] }, reservedUntil: { lte: now } },
      orderBy: { reservedUntil: 'asc' },
      take: limit,
    });
    return rows.map(toOrder);
  }

  async claimStuckOrders(before: Date, checkedBefore: Date, limit: number): Promise<Order[]> {
    const claimed = await this.prisma.$queryRaw<Array<{ id: string }>>`
      UPDATE orders SET checked_at = ${new Date()}::timestamp
      WHERE id IN (
        SELECT id FROM orders
        WHERE status = ANY(${UNSETTLED}) AND razorpay_order_id IS NOT NULL
          AND created_at <= ${before}::timestamp
          AND (checked_at IS NULL OR checked_at <= ${checkedBefore}::timestamp)
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    if (claimed.length === 0) return [];
    const rows = await this.prisma.order.findMany({ where: { id: { in: claimed.map((r) => r.id) } } });
    return rows.map(toOrder);
  }
}

async function lockOrder(tx: Tx, orderId: string): Promise<Order | null> {
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  const row = await tx.order.findUnique({ where: { id: orderId } });
  return row ? toOrder(row) : null;
}

/** Locks the user's cart row, creating an empty one first so that there is a row to lock. */
async function lockCart(tx: Tx, userId: string): Promise<Cart | null> {
  await tx.$executeRaw`
    INSERT INTO carts (user_id, cart_id, revision, currency, items)
    VALUES (${userId}, ${randomUUID()}, 0, 'INR', '[]'::jsonb)
    ON CONFLICT (user_id) DO NOTHING`;
  await tx.$queryRaw`SELECT user_id FROM carts WHERE user_id = ${userId} FOR UPDATE`;
  const row = await tx.cart.findUnique({ where: { userId } });
  return row ? toCart(row) : null;
}

async function releaseUnits(tx: Tx, order: Order): Promise<void> {
  for (const change of order.stockDecrements) {
    await tx.product.updateMany({ where: { id: change.productId }, data: { stock: { increment: change.quantity } } });
  }
}

/** BIGINT minor units to a JS number, refusing what a number cannot hold exactly. */
function minor(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${value} exceeds Number.MAX_SAFE_INTEGER`);
  return n;
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    unitPrice: minor(row.unitPrice),
    currency: row.currency,
    stock: row.stock,
    active: row.active,
    ...(row.maxPerOrder !== null ? { maxPerOrder: row.maxPerOrder } : {}),
  };
}

function toCart(row: { userId: string; cartId: string; revision: number; currency: string; items: unknown; orderId: string | null }): Cart {
  return {
    userId: row.userId,
    cartId: row.cartId,
    revision: row.revision,
    currency: row.currency,
    items: row.items as Cart['items'],
    orderId: row.orderId,
  };
}

function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    userId: row.userId,
    customerEmail: row.customerEmail,
    checkoutKey: row.checkoutKey,
    status: row.status,
    razorpayOrderId: row.razorpayOrderId,
    amount: minor(row.amount),
    currency: row.currency,
    lines: row.lines as unknown as Order['lines'],
    stockDecrements: row.stockDecrements as unknown as Order['stockDecrements'],
    stockState: row.stockState as StockState,
    reservedUntil: row.reservedUntil.toISOString(),
    paymentState: row.paymentState as unknown as PaymentState | null,
    version: row.version,
    checkedAt: row.checkedAt ? row.checkedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function orderData(order: NewOrder): Prisma.OrderCreateInput {
  return {
    id: order.id,
    userId: order.userId,
    customerEmail: order.customerEmail,
    checkoutKey: order.checkoutKey,
    status: order.status,
    razorpayOrderId: order.razorpayOrderId,
    amount: BigInt(order.amount),
    currency: order.currency,
    lines: order.lines as unknown as Prisma.InputJsonValue,
    stockDecrements: order.stockDecrements as unknown as Prisma.InputJsonValue,
    stockState: order.stockState,
    reservedUntil: new Date(order.reservedUntil),
    paymentState: order.paymentState === null ? Prisma.DbNull : (order.paymentState as unknown as Prisma.InputJsonValue),
    createdAt: new Date(order.createdAt),
  };
}
