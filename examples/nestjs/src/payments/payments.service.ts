import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { RazorpayClient, verifyPaymentSignature } from '@checkout-kit/node';
import { CHECKOUT_KIT_OPTIONS, type CheckoutKitOptions } from '../checkout-kit/checkout-kit.options';
import { badRequest } from '../common/parse-body.pipe';
import { OrdersService, type OrderView, toView } from '../orders/orders.service';
import { SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';
import type { PaymentCallbackDto } from './payments.dto';

/** Statuses after which fetching the payment can tell us nothing new for the callback. */
const SETTLED = new Set(['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED']);

@Injectable()
export class PaymentsService {
  private readonly log = new Logger(PaymentsService.name);

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    @Inject(CHECKOUT_KIT_OPTIONS) private readonly options: CheckoutKitOptions,
    private readonly razorpay: RazorpayClient,
    private readonly orders: OrdersService,
  ) {}

  /**
   * The browser's checkout callback. Only a signature made with our key secret over
   * `order_id|payment_id` proves Razorpay saw this payment for this order. The callback itself
   * proves an *authorization*; whether the money is captured is then asked of Razorpay (one
   * payment fetch) rather than assumed, and both facts go through the reconciliation, which
   * also merges whatever webhooks already arrived.
   */
  async verifyCallback(callback: PaymentCallbackDto): Promise<OrderView> {
    const valid = verifyPaymentSignature(
      callback.razorpay_order_id,
      callback.razorpay_payment_id,
      callback.razorpay_signature,
      this.options.keySecret,
    );
    if (!valid) throw badRequest('SIGNATURE_MISMATCH', 'payment signature does not match');

    const order = await this.repo.findOrderByRazorpayOrderId(callback.razorpay_order_id);
    if (!order) {
      throw new NotFoundException({ statusCode: 404, code: 'ORDER_NOT_FOUND', message: 'no order for this payment' });
    }
    let { order: updated } = await this.orders.applyPaymentInput(order, {
      type: 'callback',
      razorpayOrderId: callback.razorpay_order_id,
      razorpayPaymentId: callback.razorpay_payment_id,
    });
    if (!SETTLED.has(updated.status)) {
      const payment = await this.fetchPayment(callback.razorpay_payment_id);
      if (payment) {
        ({ order: updated } = await this.orders.applyPaymentInput(updated, { type: 'fetchedPayment', payment }));
      }
    }
    return toView(updated);
  }

  /** The payment as Razorpay reports it, or null when Razorpay cannot be asked right now. */
  private async fetchPayment(paymentId: string) {
    try {
      return await this.razorpay.payments.fetch(paymentId);
    } catch (err) {
      // The order stays AUTHORIZED; the webhooks (or the next callback) will settle it.
      this.log.warn(`could not fetch ${paymentId}: ${(err as Error).message}`);
      return null;
    }
  }
}
