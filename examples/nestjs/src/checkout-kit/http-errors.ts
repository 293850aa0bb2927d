import { HttpException, HttpStatus } from '@nestjs/common';

/** The shape of every error `@checkout-kit/node` throws: a real `Error` with a stable code. */
export interface CheckoutKitError extends Error {
  code: string;
  statusCode?: number;
  razorpayError?: unknown;
}

export function isCheckoutKitError(err: unknown): err is CheckoutKitError {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/**
 * A failed Razorpay call becomes a 502 for our caller (the gateway failed, not the request),
 * keeping the module's code and Razorpay's own error body so support can see what happened.
 * Anything else is a bug and is rethrown to Nest's 500 handler.
 */
export function gatewayError(err: unknown): HttpException {
  if (!isCheckoutKitError(err)) throw err;
  return new HttpException(
    {
      statusCode: HttpStatus.BAD_GATEWAY,
      code: err.code,
      message: err.message,
      ...(err.statusCode !== undefined ? { razorpayStatus: err.statusCode } : {}),
      ...(err.razorpayError !== undefined ? { razorpayError: err.razorpayError } : {}),
    },
    HttpStatus.BAD_GATEWAY,
  );
}
