import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { RazorpayClient, type RazorpayRefund } from '@checkout-kit/node';
import { gatewayError } from '../checkout-kit/http-errors';
import { SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';
import { orderNotFound } from './orders.service';
import type { RefundOrderDto } from './refund.dto';

/** Statuses whose captured money can be given back. */
const REFUNDABLE = new Set(['PAID', 'PARTIALLY_REFUNDED']);

/**
 * Refunds through Razorpay. The order's status does not change here: Razorpay's
 * `refund.created` / `refund.processed` webhooks go through the reconciliation like every
 * other event, which counts each refund once by its id.
 */
@Injectable()
export class RefundsService {
  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    private readonly razorpay: RazorpayClient,
  ) {}

  async refund(orderId: string, request: RefundOrderDto): Promise<RazorpayRefund> {
    const order = await this.repo.findOrder(orderId);
    if (!order) throw orderNotFound(orderId);
    if (!REFUNDABLE.has(order.status)) {
      throw new ConflictException({ statusCode: 409, code: 'ORDER_NOT_REFUNDABLE', message: `order is ${order.status}` });
    }
    // The captured payment of the order, as the reconciliation recorded it.
    const paymentId = Object.entries(order.paymentState?.payments ?? {}).find(([, payment]) => payment.captured)?.[0];
    if (!paymentId) {
      throw new ConflictException({ statusCode: 409, code: 'ORDER_NOT_REFUNDABLE', message: 'no captured payment' });
    }
    try {
      return await this.razorpay.payments.refund(
        paymentId,
        { ...(request.amount !== undefined ? { amount: request.amount } : {}), notes: { shop_order_id: order.id } },
        // Scoped to the order so that two orders cannot collide on a caller's request id.
        { idempotencyKey: `${order.id}-${request.requestId}` },
      );
    } catch (err) {
      throw gatewayError(err);
    }
  }
}
