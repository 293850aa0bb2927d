import { type BodyParser, requireString } from '../common/parse-body.pipe';

/** `POST /checkout` body. */
export interface CreateCheckoutDto {
  userId: string;
}

export const parseCreateCheckout: BodyParser<CreateCheckoutDto> = (body) => ({
  userId: requireString(body, 'userId', 64),
});

/** What the browser needs to open Razorpay Checkout for the new order. */
export interface CheckoutSessionDto {
  orderId: string;
  razorpayOrderId: string;
  /** Minor units, as Razorpay Checkout expects. */
  amount: number;
  currency: string;
  keyId: string;
}
