import { type BodyParser, badRequest, requireString } from '../common/parse-body.pipe';

/** `POST /orders/:id/refunds` body. */
export interface RefundOrderDto {
  /** Minor units; omitted = everything still refundable on the payment. */
  amount?: number;
  /**
   * Chosen by the caller (the admin UI) once per refund it means to make: sent to Razorpay as
   * `X-Refund-Idempotency`, so a retried request (double click, timeout) refunds only once.
   */
  requestId: string;
}

export const parseRefundOrder: BodyParser<RefundOrderDto> = (body) => {
  const amount = body.amount;
  if (amount !== undefined && (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)) {
    throw badRequest('FIELD_INVALID', 'amount must be a positive integer (minor units)');
  }
  return {
    ...(amount !== undefined ? { amount } : {}),
    requestId: requestString(body),
  };
};

function requestString(body: Record<string, unknown>): string {
  const requestId = requireString(body, 'requestId', 24);
  if (!/^[A-Za-z0-9_-]+$/.test(requestId)) {
    throw badRequest('FIELD_INVALID', 'requestId may contain letters, digits, "_" and "-" only');
  }
  return requestId;
}
