import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { badRequest } from '../common/parse-body.pipe';
import { type Cart, type CartItem, SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';
import type { AddCartItemDto } from './cart.dto';

/** What the API shows of a cart. */
export interface CartView {
  currency: string;
  items: CartItem[];
  revision: number;
  /** Set once the cart was checked out: the next "add" starts a new cart. */
  orderId: string | null;
}

export function cartView(cart: Cart | null): CartView {
  return cart
    ? { currency: cart.currency, items: cart.items, revision: cart.revision, orderId: cart.orderId }
    : { currency: 'INR', items: [], revision: 0, orderId: null };
}

/** The cart belongs to a user and remembers the price the user saw for each line. */
@Injectable()
export class CartService {
  constructor(@Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository) {}

  async get(userId: string): Promise<CartView> {
    return cartView(await this.repo.findCart(userId));
  }

  /**
   * Adds a line at today's catalogue price. Adding a product already in the cart adds to that
   * line's quantity. Stock, limits and quantity sanity are judged by `validateCart` at
   * checkout, from the one rule set the mobile app shares.
   */
  async addItem(userId: string, item: AddCartItemDto): Promise<CartView> {
    const [product] = await this.repo.findProducts([item.productId]);
    if (!product) {
      throw new NotFoundException({ statusCode: 404, code: 'PRODUCT_NOT_FOUND', message: `no product ${item.productId}` });
    }
    const cart = await this.repo.editCart(userId, (cart) => {
      const items = cart.items.map((line) => ({ ...line }));
      const existing = items.find((line) => line.productId === item.productId);
      if (existing) {
        const quantity = existing.quantity + item.quantity;
        if (!Number.isSafeInteger(quantity)) throw badRequest('FIELD_INVALID', 'quantity is too large');
        existing.quantity = quantity;
      } else {
        if (items.length >= 100) throw badRequest('CART_FULL', 'a cart holds at most 100 lines');
        items.push({ lineId: randomUUID(), productId: product.id, quantity: item.quantity, unitPrice: product.unitPrice });
      }
      return { ...cart, currency: cart.items.length === 0 ? product.currency : cart.currency, items };
    });
    return cartView(cart);
  }
}
