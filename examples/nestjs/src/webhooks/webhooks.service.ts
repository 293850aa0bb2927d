import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type WebhookEvent, WebhookVerifier } from '@checkout-kit/node';
import { badRequest } from '../common/parse-body.pipe';
import { isCheckoutKitError } from '../checkout-kit/http-errors';
import { OrdersService } from '../orders/orders.service';
import { SHOP_REPOSITORY, type ShopRepository } from '../store/shop.repository';

/** What the webhook endpoint answers; Razorpay only looks at the 2xx. */
export interface WebhookAck {
  received: true;
  /** Recognised by the store as delivered before (same event id, or the same body replayed). */
  duplicate: boolean;
  /** Why nothing was done, when nothing was done. */
  ignored?: string;
  orderStatus?: string;
}

/** Bodies larger than this are refused before hashing or storing (Razorpay's are a few KiB). */
const MAX_BODY_BYTES = 256 * 1024;
/** How much of a delivery with a bad signature is stored. */
const FORGED_BODY_BYTES = 4096;

@Injectable()
export class WebhooksService {
  private readonly log = new Logger(WebhooksService.name);

  constructor(
    @Inject(SHOP_REPOSITORY) private readonly repo: ShopRepository,
    private readonly verifier: WebhookVerifier,
    private readonly orders: OrdersService,
  ) {}

  /**
   * Verify, store, apply, then acknowledge. The raw body, the signature verdict, the event id
   * and the time are stored before anything else happens; a forged delivery is stored too (as
   * evidence) and answered 400. The 2xx goes out only after the event is durable and applied
   * to its order in one transaction with its effects, so a crash at any point makes Razorpay
   * retry, and the retry either finds the event applied (duplicate) or applies it.
   */
  async handle(rawBody: Buffer, signature: string | undefined, eventId: string | undefined): Promise<WebhookAck> {
    if (!signature) throw badRequest('SIGNATURE_MISSING', 'x-razorpay-signature header is required');
    if (!eventId) throw badRequest('EVENT_ID_MISSING', 'x-razorpay-event-id header is required');
    if (eventId.length > 128) throw badRequest('EVENT_ID_INVALID', 'x-razorpay-event-id is too long');
    if (rawBody.length > MAX_BODY_BYTES) throw badRequest('BODY_TOO_LARGE', `webhook bodies are limited to ${MAX_BODY_BYTES} bytes`);

    let event: WebhookEvent | null = null;
    let failure: { code: string; message: string } | null = null;
    try {
      event = this.verifier.constructEvent(rawBody, signature);
    } catch (err) {
      if (!isCheckoutKitError(err)) throw err;
      failure = { code: err.code, message: err.message };
    }
    const razorpayOrderId = event ? orderIdOf(event) : undefined;
    const stored = await this.repo.recordWebhook({
      eventId,
      bodySha256: createHash('sha256').update(rawBody).digest('hex'),
      // A forged delivery is kept as evidence, but only its first KiBs: forgers must not be able
      // to fill the database.
      rawBody: event ? rawBody : rawBody.subarray(0, FORGED_BODY_BYTES),
      signatureValid: event !== null,
      eventType: event?.event ?? null,
      razorpayOrderId: razorpayOrderId ?? null,
    });
    if (!event || failure) throw badRequest(failure?.code ?? 'SIGNATURE_MISMATCH', failure?.message ?? 'bad signature');
    const order = razorpayOrderId ? await this.repo.findOrderByRazorpayOrderId(razorpayOrderId) : null;
    if (stored.applied) return { received: true, duplicate: true, ...(order ? { orderStatus: order.status } : {}) };

    if (!order) {
      // Not one of ours (another integration on the same account): acknowledge so that
      // Razorpay stops retrying; the stored row is the trace.
      this.log.warn(`webhook ${eventId} (${event.event}) for unknown order ${razorpayOrderId ?? '-'}`);
      await this.repo.markWebhookApplied(stored.id, 'ORDER_NOT_FOUND');
      return { received: true, duplicate: !stored.fresh, ignored: 'ORDER_NOT_FOUND' };
    }
    const result = await this.orders.applyInput(order.id, { type: 'webhook', eventId, event }, stored.id);
    // A redelivery of an event stored but never applied (the first attempt failed before its
    // 2xx) is applied now, and is not a duplicate.
    return { received: true, duplicate: result.duplicate, orderStatus: result.order.status };
  }
}

/**
 * The Razorpay order an event is about: order events carry the order, payment and refund
 * events carry the payment, which names its order.
 */
function orderIdOf(event: WebhookEvent): string | undefined {
  const candidate = event.payload.order?.entity.id ?? event.payload.payment?.entity.order_id;
  return typeof candidate === 'string' && candidate.length > 0 && candidate.length <= 64 ? candidate : undefined;
}
