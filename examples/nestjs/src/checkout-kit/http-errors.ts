import { HttpException, HttpStatus } from '@nestjs/common';
import type { CheckoutKitError, RazorpayApiError } from '@checkout-kit/node';

/** Every error `@checkout-kit/node` throws is a real `Error` with a stable `code`. */
export function isCheckoutKitError(err: unknown): err is CheckoutKitError {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/**
 * A failed Razorpay call becomes a 502 for our caller (the gateway failed, not the request),
 * keeping the module's code, Razorpay's HTTP status and Razorpay's own error body so that
 * support can see what happened. Anything else is a bug and is rethrown to Nest's 500 handler.
 */
export function gatewayError(err: unknown): HttpException {
  if (!isCheckoutKitError(err)) throw err;
  const api = err as Partial<RazorpayApiError>;
  return new HttpException(
    {
      statusCode: HttpStatus.BAD_GATEWAY,
      code: err.code,
      message: err.message,
      razorpayStatus: api.statusCode ?? null,
      razorpayError: api.error ?? null,
    },
    HttpStatus.BAD_GATEWAY,
  );
}
