import type { Cart as RulesCart, Catalog, Policy } from '@checkout-kit/node';
import type { Cart, CartItem, Product } from '../store/shop.repository';

/**
 * Translates the shop's rows into the JSON inputs of `validateCart` / `planCheckout` and back.
 * This is the only place that knows both shapes; every judgement (stock, price drift, limits,
 * totals) is made by the native module.
 */
export function toRulesCart(cart: Cart): RulesCart {
  return {
    currency: cart.currency,
    lines: cart.items.map((item) => ({
      lineId: item.lineId,
      productId: item.productId,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
    })),
  };
}

/** The shop's cart lines from a cart the module returned (e.g. the report's `repairedCart`). */
export function fromRulesCart(_userId: string, cart: RulesCart): Pick<Cart, 'currency' | 'items'> {
  // `lines` is optional in the generated input type (serde defaults it); an output cart has it.
  const items: CartItem[] = (cart.lines ?? []).map((line) => ({
    lineId: line.lineId,
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
  }));
  return { currency: cart.currency, items };
}

/** A catalogue snapshot of exactly the products the cart references. */
export function toRulesCatalog(products: readonly Product[]): Catalog {
  return {
    items: products.map((product) => ({
      productId: product.id,
      active: product.active,
      stockOnHand: product.stock,
      unitPrice: product.unitPrice,
      currency: product.currency,
      ...(product.maxPerOrder !== undefined ? { maxQuantity: product.maxPerOrder } : {}),
    })),
  };
}

/**
 * The shop's policy. Left at the module's defaults for prices: any increase blocks until the
 * shopper accepts it, a decrease is a warning (they pay the lower price), and Razorpay's
 * minimum payable amount (100 paise for INR) applies. The shop adds its own cart-size limits.
 */
export const SHOP_POLICY: Policy = { maxLines: 50, maxTotalQuantity: 200 };
