import { Injectable } from '@nestjs/common';
import { seedCatalog } from './catalog.seed';
import {
  type Cart,
  type Order,
  type Product,
  type ShopRepository,
  type StockChange,
  StockUnavailableError,
} from './shop.repository';

/**
 * `ShopRepository` in process memory. Objects are copied in and out (structuredClone) so that a
 * caller mutating what it read cannot change the store behind its back, exactly as with a
 * database. Each method runs synchronously inside its promise, so read-check-write sequences
 * here are atomic, like the single SQL statements the Prisma version would use.
 */
@Injectable()
export class InMemoryShopRepository implements ShopRepository {
  private readonly products = new Map<string, Product>(seedCatalog().map((p) => [p.id, p]));
  private readonly carts = new Map<string, Cart>();
  private readonly orders = new Map<string, Order>();
  private readonly ordersByRazorpayId = new Map<string, string>();

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

  async saveCart(cart: Cart): Promise<void> {
    this.carts.set(cart.userId, structuredClone(cart));
  }

  async deleteCart(userId: string): Promise<void> {
    this.carts.delete(userId);
  }

  async reserveStock(changes: readonly StockChange[]): Promise<void> {
    // Check everything first, then write: all or nothing, like a transaction.
    for (const change of changes) {
      const product = this.products.get(change.productId);
      if (!product || product.stock < change.quantity) {
        throw new StockUnavailableError(change.productId);
      }
    }
    for (const change of changes) {
      const product = this.products.get(change.productId);
      if (product) product.stock -= change.quantity;
    }
  }

  async releaseStock(changes: readonly StockChange[]): Promise<void> {
    for (const change of changes) {
      const product = this.products.get(change.productId);
      if (product) product.stock += change.quantity;
    }
  }

  async insertOrder(order: Order): Promise<Order> {
    if (this.orders.has(order.id) || this.ordersByRazorpayId.has(order.razorpayOrderId)) {
      throw new Error(`order ${order.id} already exists`);
    }
    this.orders.set(order.id, structuredClone(order));
    this.ordersByRazorpayId.set(order.razorpayOrderId, order.id);
    return structuredClone(order);
  }

  async findOrder(id: string): Promise<Order | null> {
    const order = this.orders.get(id);
    return order ? structuredClone(order) : null;
  }

  async findOrderByRazorpayOrderId(razorpayOrderId: string): Promise<Order | null> {
    const id = this.ordersByRazorpayId.get(razorpayOrderId);
    return id ? this.findOrder(id) : null;
  }

  async updateOrder(next: Order, expectedVersion: number): Promise<Order | null> {
    const current = this.orders.get(next.id);
    if (!current || current.version !== expectedVersion) return null;
    const stored = { ...structuredClone(next), version: expectedVersion + 1 };
    this.orders.set(next.id, stored);
    return structuredClone(stored);
  }
}
