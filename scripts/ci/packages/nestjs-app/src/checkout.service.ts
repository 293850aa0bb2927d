import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  Razorpay,
  applyPaymentEvent,
  createPaymentState,
  planCheckout,
  verifyPaymentSignature,
  type Cart,
  type Catalog,
  type PaymentState,
} from '@checkout-kit/node';

/** Where the shop's Razorpay is: here the sandbox binary, in production api.razorpay.com. */
export interface ShopConfig {
  keyId: string;
  keySecret: string;
  baseUrl: string;
}
export const SHOP_CONFIG = Symbol('SHOP_CONFIG');

/** What the browser posts after Razorpay Checkout. */
export interface CheckoutCallback {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

/**
 * The smallest honest checkout: plan the cart (checkout-rules), create the Razorpay order
 * (the API client), verify the callback signature and reconcile to PAID. Every call goes
 * through the installed native module, so the proof fails if any part of the package is
 * missing or the binary does not load.
 */
@Injectable()
export class CheckoutService {
  private readonly razorpay: Razorpay;
  private readonly states = new Map<string, PaymentState>();

  constructor(@Inject(SHOP_CONFIG) private readonly config: ShopConfig) {
    this.razorpay = new Razorpay({ key_id: config.keyId, key_secret: config.keySecret, baseUrl: config.baseUrl });
  }

  async start(cart: Cart, catalog: Catalog): Promise<{ orderId: string; amount: number; currency: string }> {
    const result = planCheckout(cart, catalog);
    if (!result.isValid) {
      throw new BadRequestException({ code: 'CART_NOT_READY', problems: result.invalidItems });
    }
    const order = await this.razorpay.orders.create({
      amount: result.plan.total,
      currency: result.plan.currency,
      receipt: 'package-proof-1',
    });
    this.states.set(order.id, createPaymentState(order.id, order.amount, order.currency));
    return { orderId: order.id, amount: order.amount, currency: order.currency };
  }

  async verify(callback: CheckoutCallback): Promise<{ status: string; effects: string[] }> {
    const { razorpay_order_id: orderId, razorpay_payment_id: paymentId } = callback;
    if (!verifyPaymentSignature(orderId, paymentId, callback.razorpay_signature, this.config.keySecret)) {
      throw new BadRequestException({ code: 'SIGNATURE_MISMATCH' });
    }
    const state = this.states.get(orderId);
    if (!state) throw new NotFoundException({ code: 'UNKNOWN_ORDER' });
    const afterCallback = applyPaymentEvent(state, {
      type: 'callback',
      razorpayOrderId: orderId,
      razorpayPaymentId: paymentId,
    });
    const payment = await this.razorpay.payments.fetch(paymentId);
    const outcome = applyPaymentEvent(afterCallback.state, { type: 'fetchedPayment', payment });
    this.states.set(orderId, outcome.state);
    return {
      status: outcome.state.status,
      effects: [...afterCallback.effects, ...outcome.effects].map((effect) => effect.type),
    };
  }
}
