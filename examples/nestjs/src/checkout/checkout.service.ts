import { ConflictException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type CartReport, RazorpayClient, createPaymentState, planCheckout, validateCart } from '@checkout-kit/node';
import { CHECKOUT_KIT_OPTIONS, type CheckoutKitOptions } from '../checkout-kit/checkout-kit.options';
import { gatewayError } from '../checkout-kit/http-errors';
import { type Cart, type Order, SHOP_REPOSITORY, type ShopRepository, StockUnavailableError } from '../store/shop.repository';
import type { CheckoutSessionDto } from './checkout.dto';
import { SHOP_POLICY, fromRulesCart, toRulesCart, toRulesCatalog } from './rules-input';

@Injectable()
export class CheckoutService {
  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    @Inject(CHECKOUT_KIT_OPTIONS) private readonly options: CheckoutKitOptions,
    private readonly razorpay: RazorpayClient,
  ) {}

  /** "Proceed to checkout": the full report the front end renders (problems and fixes). */
  async verify(userId: string): Promise<CartReport> {
    const cart = await this.cartOf(userId);
    const products = await this.repo.findProducts(cart.items.map((item) => item.productId));
    return validateCart(toRulesCart(cart), toRulesCatalog(products), SHOP_POLICY);
  }

  /**
   * The shopper accepted the suggested fixes ("update my cart"): the cart becomes the report's
   * `repairedCart` (new prices accepted, quantities clamped to stock, dead lines removed), and
   * the answer is the report for the repaired cart.
   */
  async applyFixes(userId: string): Promise<CartReport> {
    const report = await this.verify(userId);
    if (report.fixes.length > 0) {
      await this.repo.saveCart(fromRulesCart(userId, report.repairedCart));
    }
    return this.verify(userId);
  }

  /**
   * Places the order: re-validates the cart against the current catalogue (prices and stock
   * may have moved since "verify"), reserves stock, creates the Razorpay order for the plan's
   * total and stores the shop order with a fresh reconciliation state.
   */
  async checkout(userId: string): Promise<CheckoutSessionDto> {
    const cart = await this.cartOf(userId);
    const products = await this.repo.findProducts(cart.items.map((item) => item.productId));
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
    const orderId = `ord_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

    try {
      await this.repo.reserveStock(plan.stockDecrements);
    } catch (err) {
      if (err instanceof StockUnavailableError) {
        // Lost a race for the last units between planning and reserving.
        throw new ConflictException({ statusCode: 409, code: err.code, message: err.message, productId: err.productId });
      }
      throw err;
    }

    let razorpayOrder;
    try {
      razorpayOrder = await this.razorpay.orders.create({
        amount: plan.total,
        currency: plan.currency,
        receipt: orderId,
        notes: { shop_order_id: orderId, user_id: userId },
      });
    } catch (err) {
      await this.repo.releaseStock(plan.stockDecrements);
      throw gatewayError(err);
    }

    const order: Order = {
      id: orderId,
      userId,
      status: 'AWAITING_PAYMENT',
      razorpayOrderId: razorpayOrder.id,
      amount: plan.total,
      currency: plan.currency,
      lines: plan.lines.map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        total: line.total,
      })),
      stockDecrements: plan.stockDecrements,
      stockReleased: false,
      // The reconciliation state starts from what the shop expects to be paid.
      paymentState: createPaymentState(razorpayOrder.id, plan.total, plan.currency),
      version: 0,
      createdAt: new Date().toISOString(),
    };
    await this.repo.insertOrder(order);
    await this.repo.deleteCart(userId);
    return {
      orderId,
      razorpayOrderId: razorpayOrder.id,
      amount: plan.total,
      currency: plan.currency,
      keyId: this.options.keyId,
    };
  }

  private async cartOf(userId: string): Promise<Cart> {
    return (await this.repo.findCart(userId)) ?? { userId, currency: 'INR', items: [] };
  }
}
