import { type BodyParser, requireString } from '../common/parse-body.pipe';

/** What Razorpay Checkout hands the browser's success handler, posted on as is. */
export interface PaymentCallbackDto {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

export const parsePaymentCallback: BodyParser<PaymentCallbackDto> = (body) => ({
  razorpay_order_id: requireString(body, 'razorpay_order_id', 64),
  razorpay_payment_id: requireString(body, 'razorpay_payment_id', 64),
  razorpay_signature: requireString(body, 'razorpay_signature', 128),
});
