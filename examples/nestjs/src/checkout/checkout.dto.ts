/** What the browser needs to open Razorpay Checkout for the order. */
export interface CheckoutSessionDto {
  orderId: string;
  razorpayOrderId: string;
  /** Minor units, as Razorpay Checkout expects. */
  amount: number;
  currency: string;
  keyId: string;
  /** When the stock held for this order goes back on the shelf if it is not paid. */
  reservedUntil: string;
}
