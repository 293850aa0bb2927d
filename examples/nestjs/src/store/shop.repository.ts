import type { PaymentState } from '@checkout-kit/node';

/**
 * The shop's storage, as an interface: `InMemoryShopRepository` (zero setup, the default when
 * `DATABASE_URL` is unset) and `PrismaShopRepository` (PostgreSQL, prisma/schema.prisma) are
 * interchangeable. Nothing here knows checkout rules: the services decide with
 * `@checkout-kit/node`, and every decision that must be atomic is handed in as a pure
 * function that the repository runs inside its transaction (row lock) — so two app instances
 * on one database can never both act on what they read.
 */

/** A product as the shop sells it. */
export interface Product {
  id: string;
  name: string;
  /** Current price in minor units of `currency`. */
  unitPrice: number;
  currency: string;
  /** Units that can still be sold (reservations are already taken out). */
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

/** A user's open cart. */
export interface Cart {
  userId: string;
  /** Changes when a checked-out cart is replaced by a new one. */
  cartId: string;
  /** Bumped by every edit; one order may be placed per (cartId, revision). */
  revision: number;
  currency: string;
  items: CartItem[];
  /** The order placed for this revision, once checkout started. */
  orderId: string | null;
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

/** What happened to the units an order took from the shelf. */
export type StockState = 'RESERVED' | 'COMMITTED' | 'RELEASED';

/** The shop's own order. Its payment truth is `paymentState`, owned by the reconciliation. */
export interface Order {
  id: string;
  userId: string;
  /** Where payment and refund emails go (from the principal at checkout). */
  customerEmail: string | null;
  /** `cartId:revision`: unique, so one cart revision yields one order. */
  checkoutKey: string;
  /** `CREATING` until the Razorpay order exists; then mirrors `paymentState.status`. */
  status: string;
  razorpayOrderId: string | null;
  amount: number;
  currency: string;
  lines: OrderLine[];
  stockDecrements: StockChange[];
  stockState: StockState;
  /** An unpaid reservation ends here (the expiry sweeper releases it). */
  reservedUntil: string;
  /** Reconciliation state exactly as `@checkout-kit/node` returned it; null while CREATING. */
  paymentState: PaymentState | null;
  /** Bumped on every write. */
  version: number;
  /** Last time the stuck-payment reconciler asked Razorpay about it. */
  checkedAt: string | null;
  createdAt: string;
}

/** An effect to carry out after a state change, written with it (the outbox). */
export interface EffectDraft {
  /** Unique over all time: the store refuses a second row with the same key. */
  key: string;
  type: string;
  payload: Record<string, unknown>;
}

/** An outbox row claimed by a worker. */
export interface OutboxItem extends EffectDraft {
  id: string;
  orderId: string;
  attempts: number;
}

/** What a pure order mutation asks the store to write, atomically. */
export interface OrderChange {
  order: Order;
  effects: EffectDraft[];
  /** RESERVED → RELEASED puts the units back; RESERVED → COMMITTED keeps them sold. */
  stock?: 'RELEASE' | 'COMMIT';
}

/** A pure decision over the locked, current order: null = write nothing. Must not do I/O. */
export type OrderMutation = (order: Order) => OrderChange | null;

/** The order a checkout is about to place; the store adds nothing but the reservation. */
export type NewOrder = Omit<Order, 'version' | 'checkedAt'>;

/** A webhook delivery as received. */
export interface WebhookRecord {
  eventId: string | null;
  bodySha256: string;
  rawBody: Buffer;
  signatureValid: boolean;
  eventType: string | null;
  razorpayOrderId: string | null;
}

/** The stored row a delivery maps to. */
export interface StoredWebhook {
  id: string;
  /** True when this delivery created the row; false for a duplicate (same id or same body). */
  fresh: boolean;
  /** The row was applied to its order already (a duplicate of an applied event is a no-op). */
  applied: boolean;
}

/** DI token: interfaces do not exist at run time. */
export const SHOP_REPOSITORY = Symbol('SHOP_REPOSITORY');

/** Thrown by `placeOrder` when a product no longer has the units asked for. */
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
  /**
   * Read-modify-write of a user's cart under a lock. A cart that was checked out is replaced by
   * a fresh one (new `cartId`) before `edit` sees it. The revision is bumped.
   */
  editCart(userId: string, edit: (cart: Cart) => Cart): Promise<Cart>;

  /**
   * One checkout per cart revision, atomically: locks the cart; if an order was already placed
   * for it, answers that order (`created: false`); otherwise calls `build` with the cart and
   * its products (which may throw to refuse), reserves `stockDecrements` (all or nothing, else
   * `StockUnavailableError`), inserts the order and links it to the cart.
   */
  placeOrder(
    userId: string,
    build: (cart: Cart, products: Product[]) => NewOrder,
  ): Promise<{ order: Order; created: boolean }>;
  /** The Razorpay order exists: CREATING → its payment state's status. */
  attachRazorpayOrder(orderId: string, razorpayOrderId: string, paymentState: PaymentState): Promise<Order>;
  /** Creating the Razorpay order failed: the order goes, its stock returns, the cart is free again. */
  abortOrder(orderId: string): Promise<void>;

  findOrder(id: string): Promise<Order | null>;
  findOrderByRazorpayOrderId(razorpayOrderId: string): Promise<Order | null>;
  /**
   * Runs `mutate` on the locked current order and writes its result — order, outbox effects,
   * stock movement, and (when given) the webhook row marked applied — in one transaction.
   * Answers the stored order, unchanged when `mutate` returned null; null if no such order.
   */
  mutateOrder(orderId: string, mutate: OrderMutation, webhookId?: string): Promise<Order | null>;

  /** Stores a delivery; duplicates (same verified event id or body) map to the existing row. */
  recordWebhook(record: WebhookRecord): Promise<StoredWebhook>;
  /** Marks a stored delivery done without an order (e.g. not one of ours). */
  markWebhookApplied(id: string, outcome: string): Promise<void>;

  /** Takes the next due effect and leases it for `leaseMs` (other workers skip it meanwhile). */
  claimEffect(now: Date, leaseMs: number): Promise<OutboxItem | null>;
  completeEffect(id: string): Promise<void>;
  /** Gives the effect back for another attempt at `retryAt`. */
  retryEffect(id: string, error: string, retryAt: Date): Promise<void>;

  /** Orders whose reservation ran out while still RESERVED. */
  expiredReservations(now: Date, limit: number): Promise<Order[]>;
  /**
   * Orders attempted with Razorpay but not final, created before `before` and not checked
   * since `checkedBefore`; marks them checked (so two instances share the work).
   */
  claimStuckOrders(before: Date, checkedBefore: Date, limit: number): Promise<Order[]>;
}
