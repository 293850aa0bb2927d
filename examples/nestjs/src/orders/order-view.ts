import type { PaymentState } from '@checkout-kit/node';
import type { Order, OrderLine, StockState } from '../store/shop.repository';

/** What a customer may see of their own order: no payment ids, no reconciliation internals. */
export interface CustomerOrderView {
  id: string;
  status: string;
  amount: number;
  currency: string;
  lines: OrderLine[];
  /** Razorpay Checkout needs it to reopen the payment form. */
  razorpayOrderId: string | null;
  amountPaid: number;
  amountRefunded: number;
  reservedUntil: string | null;
  createdAt: string;
}

/** What support (admin role) sees: everything, including the reconciliation state. */
export interface AdminOrderView extends CustomerOrderView {
  userId: string;
  customerEmail: string | null;
  stockState: StockState;
  /** Reserved stock went back on the shelf. */
  stockReleased: boolean;
  paymentState: PaymentState | null;
  version: number;
}

export function customerView(order: Order): CustomerOrderView {
  return {
    id: order.id,
    status: order.status,
    amount: order.amount,
    currency: order.currency,
    lines: order.lines,
    razorpayOrderId: order.razorpayOrderId,
    amountPaid: order.paymentState?.amountPaid ?? 0,
    amountRefunded: order.paymentState?.amountRefunded ?? 0,
    reservedUntil: order.stockState === 'RESERVED' ? order.reservedUntil : null,
    createdAt: order.createdAt,
  };
}

export function adminView(order: Order): AdminOrderView {
  return {
    ...customerView(order),
    userId: order.userId,
    customerEmail: order.customerEmail,
    stockState: order.stockState,
    stockReleased: order.stockState === 'RELEASED',
    paymentState: order.paymentState,
    version: order.version,
  };
}
