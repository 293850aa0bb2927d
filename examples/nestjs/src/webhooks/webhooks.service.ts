import { Inject, Injectable, Logger } from '@nestjs/common';
import { type WebhookEvent, WebhookVerifier } from '@checkout-kit/node';
import { badRequest } from '../common/parse-body.pipe';
import { isCheckoutKitError } from '../checkout-kit/http-errors';
import { OrdersService } from '../orders/orders.service';
import { SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';

/** What the webhook endpoint answers; Razorpay only looks at the 2xx. */
export interface WebhookAck {
  received: true;
  /** The event was applied before (Razorpay delivers at least once). */
  duplicate: boolean;
  /** Why nothing was done, when nothing was done. */
  ignored?: string;
  orderStatus?: string;
}

@Injectable()
export class WebhooksService {
  private readonly log = new Logger(WebhooksService.name);

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    private readonly verifier: WebhookVerifier,
    private readonly orders: OrdersService,
  ) {}

  /**
   * Verifies the signature over the exact bytes received (never a re-serialised body), then
   * hands the typed event to the reconciliation with Razorpay's event id, which is what makes
   * a second delivery of the same event a no-op.
   */
  async handle(rawBody: Buffer, signature: string | undefined, eventId: string | undefined): Promise<WebhookAck> {
    if (!signature) throw badRequest('SIGNATURE_MISSING', 'x-razorpay-signature header is required');
    if (!eventId) throw badRequest('EVENT_ID_MISSING', 'x-razorpay-event-id header is required');

    let event: WebhookEvent;
    try {
      event = this.verifier.constructEvent(rawBody, signature);
    } catch (err) {
      if (isCheckoutKitError(err)) throw badRequest(err.code, err.message);
      throw err;
    }

    const razorpayOrderId = orderIdOf(event);
    const order = razorpayOrderId ? await this.repo.findOrderByRazorpayOrderId(razorpayOrderId) : null;
    if (!order) {
      // Not one of ours (another integration on the same account): acknowledge so that
      // Razorpay stops retrying, and leave a trace.
      this.log.warn(`webhook ${eventId} (${event.event}) for unknown order ${razorpayOrderId ?? '-'}`);
      return { received: true, duplicate: false, ignored: 'ORDER_NOT_FOUND' };
    }
    const result = await this.orders.applyPaymentInput(order, { type: 'webhook', eventId, event });
    return { received: true, duplicate: result.duplicate, orderStatus: result.order.status };
  }
}

/**
 * The Razorpay order an event is about: order events carry the order, payment and refund
 * events carry the payment, which names its order.
 */
function orderIdOf(event: WebhookEvent): string | undefined {
  const candidate = event.payload.order?.entity.id ?? event.payload.payment?.entity.order_id;
  return typeof candidate === 'string' && candidate.length > 0 ? candidate : undefined;
}
