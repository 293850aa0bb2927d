import { createHash } from 'node:crypto';
import type { Effect, PaymentState } from '@checkout-kit/node';
import type { EffectDraft, Order, OrderChange } from '../store/shop.repository';

/** Statuses in which the money is (at least partly) with the shop. */
const PAID = new Set(['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED']);

/**
 * True while a payment of the order is authorized or captured, or the order is paid: its stock
 * must never go back on the shelf (the shop would sell it twice).
 */
export function moneyInFlight(state: PaymentState | null): boolean {
  if (!state) return false;
  if (state.status !== 'AWAITING_PAYMENT' && state.status !== 'FAILED') return true;
  return Object.values(state.payments).some((p) => p.status === 'authorized' || p.status === 'captured' || p.captured);
}

/**
 * The outbox rows for the reconciliation's effects. Each key names the effect for all time, so
 * the database refuses a second row for it even if the same effect were emitted twice.
 * RELEASE_RESERVED_STOCK is not an outbox effect: the stock moves in the same transaction.
 */
export function effectDrafts(order: Order, effects: readonly Effect[]): EffectDraft[] {
  const drafts: EffectDraft[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'MARK_ORDER_PAID':
        drafts.push({ key: `${order.id}:paid`, type: effect.type, payload: { ...effect } });
        break;
      case 'CAPTURE_PAYMENT':
        drafts.push({ key: `${order.id}:capture:${effect.paymentId}`, type: effect.type, payload: { ...effect } });
        break;
      case 'NOTIFY_CUSTOMER': {
        const n = effect.notification;
        const suffix = n.kind === 'REFUND_PROCESSED' ? `${n.kind}:${n.refundId}` : n.kind;
        drafts.push({ key: `${order.id}:notify:${suffix}`, type: effect.type, payload: { ...effect } });
        break;
      }
      case 'FLAG_FOR_REVIEW': {
        const digest = createHash('sha256').update(JSON.stringify(effect.anomaly)).digest('hex').slice(0, 16);
        drafts.push({ key: `${order.id}:flag:${digest}`, type: effect.type, payload: { ...effect } });
        break;
      }
      default:
        break;
    }
  }
  return drafts;
}

/** The stored change for a reconciliation outcome: new state, outbox rows, stock movement. */
export function orderChange(order: Order, state: PaymentState, effects: readonly Effect[]): OrderChange {
  const next: Order = { ...order, paymentState: state, status: state.status };
  let stock: OrderChange['stock'];
  if (effects.some((e) => e.type === 'RELEASE_RESERVED_STOCK') && !moneyInFlight(state)) stock = 'RELEASE';
  // Paid: the reservation becomes a sale and can no longer expire.
  if (PAID.has(state.status) || effects.some((e) => e.type === 'MARK_ORDER_PAID')) stock = 'COMMIT';
  return { order: next, effects: effectDrafts(order, effects), ...(stock ? { stock } : {}) };
}
