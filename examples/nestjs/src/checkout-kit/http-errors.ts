import { HttpException, HttpStatus } from '@nestjs/common';
import type { CheckoutKitError, RazorpayApiError } from '@checkout-kit/node';

/** Every error `@checkout-kit/node` throws is a real `Error` with a stable `code`. */
export function isCheckoutKitError(err: unknown): err is CheckoutKitError {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/** Client failures where Razorpay (or the way to it) failed, not the request we made. */
const GATEWAY_FAILURES = new Set([
  'AUTHENTICATION_FAILED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'TIMEOUT',
  'CONNECTION_FAILED',
  'UNEXPECTED_RESPONSE',
]);

/**
 * A failed Razorpay call, as our API answers it: 502 when the gateway failed, 422 when the
 * request itself was refused (Razorpay's `BAD_REQUEST_ERROR`, or the client's own validation
 * before sending, e.g. a refund larger than the payment). The module's code, Razorpay's HTTP
 * status and Razorpay's own error body are kept so that support can see what happened.
 * Anything that is not a module error is a bug and is rethrown to Nest's 500 handler.
 */
export function gatewayError(err: unknown): HttpException {
  if (!isCheckoutKitError(err)) throw err;
  const api = err as Partial<RazorpayApiError>;
  const status = GATEWAY_FAILURES.has(err.code) ? HttpStatus.BAD_GATEWAY : HttpStatus.UNPROCESSABLE_ENTITY;
  return new HttpException(
    {
      statusCode: status,
      code: err.code,
      message: err.message,
      razorpayStatus: api.statusCode ?? null,
      razorpayError: api.error ?? null,
    },
    status,
  );
}
