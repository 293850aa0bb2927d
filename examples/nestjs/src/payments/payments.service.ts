import { Inject, Injectable, Logger } from '@nestjs/common';
import { RazorpayClient, verifyPaymentSignature } from '@checkout-kit/node';
import type { Principal } from '../auth/principal';
import { CHECKOUT_KIT_OPTIONS, type CheckoutKitOptions } from '../checkout-kit/checkout-kit.options';
import { badRequest } from '../common/parse-body.pipe';
import { type CustomerOrderView, customerView } from '../orders/order-view';
import { OrdersService, orderNotFound } from '../orders/orders.service';
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
   * `order_id|payment_id` proves Razorpay saw this payment for this order; the order must be
   * the caller's own. The callback proves an *authorization*; whether the money is captured is
   * asked of Razorpay (one payment fetch), and both facts go through the reconciliation.
   */
  async verifyCallback(user: Principal, callback: PaymentCallbackDto): Promise<CustomerOrderView> {
    const valid = verifyPaymentSignature(
      callback.razorpay_order_id,
      callback.razorpay_payment_id,
      callback.razorpay_signature,
      this.options.keySecret,
    );
    if (!valid) throw badRequest('SIGNATURE_MISMATCH', 'payment signature does not match');

    const order = await this.repo.findOrderByRazorpayOrderId(callback.razorpay_order_id);
    if (!order || order.userId !== user.id) throw orderNotFound(callback.razorpay_order_id);
    let { order: updated } = await this.orders.applyInput(order.id, {
      type: 'callback',
      razorpayOrderId: callback.razorpay_order_id,
      razorpayPaymentId: callback.razorpay_payment_id,
    });
    if (!SETTLED.has(updated.status)) {
      const payment = await this.fetchPayment(callback.razorpay_payment_id);
      if (payment) ({ order: updated } = await this.orders.applyInput(order.id, { type: 'fetchedPayment', payment }));
    }
    return customerView(updated);
  }

  /** The payment as Razorpay reports it, or null when Razorpay cannot be asked right now. */
  private async fetchPayment(paymentId: string) {
    try {
      return await this.razorpay.payments.fetch(paymentId);
    } catch (err) {
      // The order stays AUTHORIZED; webhooks or the stuck-payment reconciler settle it.
      this.log.warn(`could not fetch ${paymentId}: ${(err as Error).message}`);
      return null;
    }
  }
}
