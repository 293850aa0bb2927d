import type { Cart, Product } from '../store/shop.repository';

/**
 * Translates the shop's rows into the JSON inputs of `validateCart` / `planCheckout`. This is
 * the only place that knows both shapes; every judgement (stock, price drift, limits, totals)
 * is made by the native module.
 */
export function toRulesCart(cart: Cart) {
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

/** A catalogue snapshot of exactly the products the cart references. */
export function toRulesCatalog(products: readonly Product[]) {
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
export const SHOP_POLICY = { maxLines: 50, maxTotalQuantity: 200 };
