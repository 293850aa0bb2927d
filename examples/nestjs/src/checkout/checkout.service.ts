import { ConflictException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type CartReport, RazorpayClient, createPaymentState, planCheckout, validateCart } from '@checkout-kit/node';
import type { Principal } from '../auth/principal';
import { CHECKOUT_KIT_OPTIONS, type CheckoutKitOptions } from '../checkout-kit/checkout-kit.options';
import { gatewayError } from '../checkout-kit/http-errors';
import { SHOP_OPTIONS, type ShopOptions } from '../config/shop.options';
import { type Cart, type NewOrder, type Order, SHOP_REPOSITORY, type ShopRepository, StockUnavailableError } from '../store/shop.repository';
import type { CheckoutSessionDto } from './checkout.dto';
import { SHOP_POLICY, fromRulesCart, toRulesCart, toRulesCatalog } from './rules-input';

/** How long a second checkout call waits for the first one's Razorpay order. */
const CREATING_WAIT_MS = 15_000;

@Injectable()
export class CheckoutService {
  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    @Inject(CHECKOUT_KIT_OPTIONS) private readonly kit: CheckoutKitOptions,
    @Inject(SHOP_OPTIONS) private readonly shop: ShopOptions,
    private readonly razorpay: RazorpayClient,
  ) {}

  /** "Proceed to checkout": the full report the front end renders (problems and fixes). */
  async verify(userId: string): Promise<CartReport> {
    const cart = await this.cartOf(userId);
    const products = await this.repo.findProducts(cart.items.map((item) => item.productId));
    return validateCart(toRulesCart(cart), toRulesCatalog(products), SHOP_POLICY);
  }

  /** The shopper accepted the suggested fixes: the cart becomes the report's `repairedCart`. */
  async applyFixes(userId: string): Promise<CartReport> {
    const report = await this.verify(userId);
    if (report.fixes.length > 0) {
      const repaired = fromRulesCart(userId, report.repairedCart);
      await this.repo.editCart(userId, (cart) => ({ ...cart, currency: repaired.currency, items: repaired.items }));
    }
    return this.verify(userId);
  }

  /**
   * Places the order for the user's cart, once. In one transaction the store locks the cart,
   * answers the order already placed for it if there is one, else re-validates the cart against
   * the current catalogue, reserves the stock (all or nothing) and inserts the order as
   * CREATING. Only the call that created it asks Razorpay for an order, so a double click or
   * two tabs make one Razorpay order; the others wait for it and answer the same session.
   */
  async checkout(user: Principal): Promise<CheckoutSessionDto> {
    let placed: { order: Order; created: boolean };
    try {
      placed = await this.repo.placeOrder(user.id, (cart, products) => this.draftOrder(user, cart, products));
    } catch (err) {
      if (err instanceof StockUnavailableError) {
        throw new ConflictException({ statusCode: 409, code: err.code, message: err.message, productId: err.productId });
      }
      throw err;
    }
    if (!placed.created) return this.session(await this.awaitCreated(placed.order));

    const order = placed.order;
    let razorpayOrder;
    try {
      razorpayOrder = await this.razorpay.orders.create({
        amount: order.amount,
        currency: order.currency,
        receipt: order.id,
        notes: { shop_order_id: order.id, user_id: user.id },
      });
    } catch (err) {
      // Nothing was sold: the reservation goes back and the cart can be checked out again.
      await this.repo.abortOrder(order.id);
      throw gatewayError(err);
    }
    const state = createPaymentState(razorpayOrder.id, order.amount, order.currency);
    return this.session(await this.repo.attachRazorpayOrder(order.id, razorpayOrder.id, state));
  }

  /** The pure part of placing an order: plan it from the locked cart, or refuse. */
  private draftOrder(user: Principal, cart: Cart, products: Parameters<typeof toRulesCatalog>[0]): NewOrder {
    const result = planCheckout(toRulesCart(cart), toRulesCatalog(products), SHOP_POLICY);
    if (!result.plan) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        code: 'CART_INVALID',
        message: 'the cart changed; verify it again',
        report: result.report,
      });
    }
    const plan = result.plan;
    const now = Date.now();
    return {
      id: `ord_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
      userId: user.id,
      customerEmail: user.email,
      checkoutKey: `${cart.cartId}:${cart.revision}`,
      status: 'CREATING',
      razorpayOrderId: null,
      amount: plan.total,
      currency: plan.currency,
      lines: plan.lines.map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        total: line.total,
      })),
      stockDecrements: plan.stockDecrements,
      stockState: 'RESERVED',
      reservedUntil: new Date(now + this.shop.reservationTtlMs).toISOString(),
      paymentState: null,
      createdAt: new Date(now).toISOString(),
    };
  }

  /** A concurrent call's order may still be waiting for its Razorpay order: wait for it. */
  private async awaitCreated(order: Order): Promise<Order> {
    const deadline = Date.now() + CREATING_WAIT_MS;
    let current: Order | null = order;
    while (current && current.razorpayOrderId === null) {
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
      current = await this.repo.findOrder(order.id);
    }
    if (!current || current.razorpayOrderId === null) {
      // The first call failed to create the Razorpay order (and gave the cart back): retry.
      throw new ConflictException({ statusCode: 409, code: 'CHECKOUT_IN_PROGRESS', message: 'checkout did not complete; retry' });
    }
    return current;
  }

  private session(order: Order): CheckoutSessionDto {
    return {
      orderId: order.id,
      razorpayOrderId: order.razorpayOrderId as string,
      amount: order.amount,
      currency: order.currency,
      keyId: this.kit.keyId,
      reservedUntil: order.reservedUntil,
    };
  }

  private async cartOf(userId: string): Promise<Cart> {
    const cart = await this.repo.findCart(userId);
    // A checked-out cart is done: "verify" shows an empty cart until something is added.
    if (!cart || cart.orderId !== null) return { userId, cartId: '', revision: 0, currency: 'INR', items: [], orderId: null };
    return cart;
  }
}
