import type { PaymentState } from '@checkout-kit/node';

/**
 * The shop's storage, as an interface so that the in-memory store used by this example and a
 * Prisma/PostgreSQL store are interchangeable. Nothing here knows checkout rules: the
 * repository stores what the services computed with `@checkout-kit/node`.
 *
 * A Prisma schema that satisfies it (amounts are integer minor units, never floats):
 *
 * ```prisma
 * model Product {
 *   id        String  @id
 *   name      String
 *   unitPrice BigInt  // minor units (paise)
 *   currency  String  @db.Char(3)
 *   stock     Int
 *   active    Boolean @default(true)
 *   maxPerOrder Int?
 * }
 * model CartLine {
 *   userId    String
 *   lineId    String
 *   productId String
 *   quantity  Int
 *   unitPrice BigInt  // the price the user saw when adding
 *   @@id([userId, lineId])
 * }
 * model Order {
 *   id              String   @id
 *   userId          String
 *   status          String   // mirrors paymentState.status, for queries
 *   razorpayOrderId String   @unique
 *   amount          BigInt
 *   currency        String   @db.Char(3)
 *   lines           Json
 *   stockDecrements Json
 *   stockReleased   Boolean  @default(false)
 *   paymentState    Json     // the reconciliation state, stored as the module returns it
 *   version         Int      @default(0) // optimistic concurrency for webhooks vs callback
 *   createdAt       DateTime @default(now())
 * }
 * ```
 * `updateOrder` maps to `prisma.order.updateMany({ where: { id, version }, data: { …, version:
 * { increment: 1 } } })` and `reserveStock` to one transaction of
 * `updateMany({ where: { id, stock: { gte: qty } }, data: { stock: { decrement: qty } } })`.
 */

/** A product as the shop sells it. */
export interface Product {
  id: string;
  name: string;
  /** Current price in minor units of `currency`. */
  unitPrice: number;
  currency: string;
  /** Units on hand. */
  stock: number;
  /** False once the product is withdrawn from sale. */
  active: boolean;
  /** Most units of this product one order may contain. */
  maxPerOrder?: number;
}

/** One line of a user's cart. */
export interface CartItem {
  lineId: string;
  productId: string;
  /** As the client sent it: may be absurd; cart validation reports it. */
  quantity: number;
  /** The unit price the user saw when adding, in minor units: price drift is measured from it. */
  unitPrice: number;
}

/** A user's cart. */
export interface Cart {
  userId: string;
  currency: string;
  items: CartItem[];
}

/** Units to take from (or give back to) a product's stock. */
export interface StockChange {
  productId: string;
  quantity: number;
}

/** One line of a placed order, with the price locked by the checkout plan. */
export interface OrderLine {
  productId: string;
  quantity: number;
  /** Locked by the checkout plan, minor units. */
  unitPrice: number;
  /** What this line costs after its share of any discount, minor units. */
  total: number;
}

/** The shop's own order. Its payment truth is `paymentState`, owned by the reconciliation. */
export interface Order {
  id: string;
  userId: string;
  /** Mirrors `paymentState.status` so that the store can be queried by it. */
  status: string;
  razorpayOrderId: string;
  amount: number;
  currency: string;
  lines: OrderLine[];
  stockDecrements: StockChange[];
  /** Set once reserved stock went back on the shelf, so that it is never returned twice. */
  stockReleased: boolean;
  /** Reconciliation state exactly as `@checkout-kit/node` returned it (a JSON column). */
  paymentState: PaymentState;
  /** Bumped on every write; `updateOrder` only succeeds on the version it read. */
  version: number;
  createdAt: string;
}

/** DI token: interfaces do not exist at run time. */
export const SHOP_REPOSITORY = Symbol('SHOP_REPOSITORY');

/** Thrown by `reserveStock` when a product no longer has the units asked for. */
export class StockUnavailableError extends Error {
  readonly code = 'STOCK_UNAVAILABLE';
  constructor(readonly productId: string) {
    super(`not enough stock for product ${productId}`);
  }
}

/** Storage operations the shop needs. All methods are async, as a database's would be. */
export interface ShopRepository {
  /** Products by id; unknown ids are simply absent from the result. */
  findProducts(ids: readonly string[]): Promise<Product[]>;
  listProducts(): Promise<Product[]>;
  /** Admin edits (price change, stock count, withdrawal). */
  updateProduct(id: string, patch: Partial<Omit<Product, 'id'>>): Promise<Product | null>;

  findCart(userId: string): Promise<Cart | null>;
  saveCart(cart: Cart): Promise<void>;
  deleteCart(userId: string): Promise<void>;

  /** Takes all changes or none (one transaction); throws `StockUnavailableError` otherwise. */
  reserveStock(changes: readonly StockChange[]): Promise<void>;
  releaseStock(changes: readonly StockChange[]): Promise<void>;

  insertOrder(order: Order): Promise<Order>;
  findOrder(id: string): Promise<Order | null>;
  findOrderByRazorpayOrderId(razorpayOrderId: string): Promise<Order | null>;
  /**
   * Writes `next` only if the stored order still has `expectedVersion` (and bumps the
   * version); returns null when someone else wrote first, so the caller re-reads and retries.
   */
  updateOrder(next: Order, expectedVersion: number): Promise<Order | null>;
}
