import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type Cart, SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';
import { badRequest } from '../common/parse-body.pipe';
import type { AddCartItemDto } from './cart.dto';

/** The cart belongs to a user and remembers the price the user saw for each line. */
@Injectable()
export class CartService {
  constructor(@Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository) {}

  async get(userId: string): Promise<Cart> {
    return (await this.repo.findCart(userId)) ?? { userId, currency: 'INR', items: [] };
  }

  /**
   * Adds a line at today's catalogue price. Adding a product already in the cart adds to that
   * line's quantity (what a shopper expects from pressing "add" twice). Stock, limits and
   * quantity sanity are deliberately not judged here: `validateCart` does that at checkout,
   * from the one rule set the mobile app shares.
   */
  async addItem(userId: string, item: AddCartItemDto): Promise<Cart> {
    const [product] = await this.repo.findProducts([item.productId]);
    if (!product) {
      throw new NotFoundException({ statusCode: 404, code: 'PRODUCT_NOT_FOUND', message: `no product ${item.productId}` });
    }
    const cart = await this.get(userId);
    if (cart.items.length === 0) cart.currency = product.currency;
    const existing = cart.items.find((line) => line.productId === item.productId);
    if (existing) {
      const quantity = existing.quantity + item.quantity;
      if (!Number.isSafeInteger(quantity)) {
        throw badRequest('FIELD_INVALID', 'quantity is too large');
      }
      existing.quantity = quantity;
    } else {
      cart.items.push({
        lineId: randomUUID(),
        productId: product.id,
        quantity: item.quantity,
        unitPrice: product.unitPrice,
      });
    }
    await this.repo.saveCart(cart);
    return cart;
  }
}
