//! Derived fields, derived anomalies and reached milestones, all computed from merged fields.
//!
//! Derived *fields* (status, totals) are plain functions of the merged state, so they converge
//! with it; they may go up and down (FAILED → PAID). Derived *anomalies* and *milestones* drive
//! effects, so each is a **monotone** predicate: built only from merged values that never
//! decrease (`amountPaid`, `amount_captured`, lattice statuses, flags) and never from a
//! negation. Once true, a predicate stays true whatever is merged later; hence the set reached
//! after all inputs is the same in every ordering, and recording it makes each effect
//! happen exactly once.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Anomaly, CaptureMode, Milestone, PaymentOrderStatus, PaymentProgress, PaymentState,
    ReconcileError, RefundProgress,
};

/// Recomputes every derived field of `state` from its merged fields.
pub(crate) fn recompute(state: &mut PaymentState) -> Result<(), ReconcileError> {
    // Refunds that count (pending or processed, in the order's currency), per payment.
    let mut refunded_by_payment: BTreeMap<&str, i64> = BTreeMap::new();
    let mut pending = 0i64;
    for refund in state.refunds.values() {
        let currency_ok = refund
            .currency
            .as_ref()
            .is_none_or(|c| *c == state.currency);
        if !currency_ok || refund.status == RefundProgress::Failed {
            continue;
        }
        let total = refunded_by_payment.entry(&refund.payment_id).or_insert(0);
        *total = add(*total, refund.amount, "amountRefunded")?;
        if refund.status == RefundProgress::Pending {
            pending = add(pending, refund.amount, "amountRefundPending")?;
        }
    }

    let mut captured_sum = 0i64;
    let mut refunded_sum = 0i64;
    for (id, payment) in &mut state.payments {
        // Razorpay's own "refunded" status covers refunds we never saw by id.
        let fully_refunded = payment.status == PaymentProgress::Refunded && payment.captured;
        let reported = if fully_refunded {
            payment.amount_captured
        } else {
            0
        };
        let by_id = refunded_by_payment.remove(id.as_str()).unwrap_or(0);
        payment.amount_refunded = by_id.max(reported);
        captured_sum = add(captured_sum, payment.amount_captured, "amountPaid")?;
        refunded_sum = add(refunded_sum, payment.amount_refunded, "amountRefunded")?;
    }
    // Refunds of payments not (yet) seen as objects still count.
    for amount in refunded_by_payment.values() {
        refunded_sum = add(refunded_sum, *amount, "amountRefunded")?;
    }

    let reported_paid = state.razorpay_order.as_ref().map_or(0, |o| o.amount_paid);
    state.amount_paid = captured_sum.max(reported_paid);
    state.amount_refunded = refunded_sum;
    state.amount_refund_pending = pending;
    state.status = status(state);
    Ok(())
}

fn add(a: i64, b: i64, what: &'static str) -> Result<i64, ReconcileError> {
    a.checked_add(b)
        .ok_or_else(|| ReconcileError::AmountOverflow {
            what: what.to_owned(),
        })
}

fn status(state: &PaymentState) -> PaymentOrderStatus {
    if state.amount_paid >= state.amount {
        return if state.amount_refunded >= state.amount_paid {
            PaymentOrderStatus::Refunded
        } else if state.amount_refunded > 0 {
            PaymentOrderStatus::PartiallyRefunded
        } else {
            PaymentOrderStatus::Paid
        };
    }
    let payments = state.payments.values();
    if payments
        .clone()
        .any(|p| p.status == PaymentProgress::Authorized)
    {
        return PaymentOrderStatus::Authorized;
    }
    // A failure, or an authorization Razorpay reversed without capture.
    let failed = |p: &super::PaymentRecord| {
        p.status == PaymentProgress::Failed
            || (p.status == PaymentProgress::Refunded && !p.captured)
    };
    if payments.clone().any(failed) {
        return PaymentOrderStatus::Failed;
    }
    PaymentOrderStatus::AwaitingPayment
}

/// Anomalies that are monotone predicates of the merged state.
pub(crate) fn anomalies(state: &PaymentState) -> BTreeSet<Anomaly> {
    let mut found = BTreeSet::new();
    if state.amount_paid > state.amount {
        found.insert(Anomaly::Overpaid);
    }
    if state.abandoned_at.is_some() && state.amount_paid >= state.amount {
        found.insert(Anomaly::PaidAfterStockRelease);
    }
    for (id, payment) in &state.payments {
        // amount_captured only grows and amount_authorized only shrinks: monotone.
        if payment
            .amount_authorized
            .is_some_and(|authorized| payment.amount_captured > authorized)
        {
            found.insert(Anomaly::CaptureExceedsAuthorized {
                payment_id: id.clone(),
            });
        }
    }
    found
}

/// Milestones reached by `state`; every predicate is monotone.
pub(crate) fn milestones(state: &PaymentState) -> BTreeSet<Milestone> {
    let mut reached = BTreeSet::new();
    if state.amount_paid >= state.amount {
        reached.insert(Milestone::Paid);
    }
    if state.abandoned_at.is_some() {
        reached.insert(Milestone::StockReleased);
    }
    if state.capture_mode == CaptureMode::Manual {
        for (id, payment) in &state.payments {
            if payment.authorization_seen {
                reached.insert(Milestone::CaptureRequested {
                    payment_id: id.clone(),
                });
            }
        }
    }
    for (id, refund) in &state.refunds {
        if refund.status == RefundProgress::Processed {
            reached.insert(Milestone::RefundProcessed {
                refund_id: id.clone(),
            });
        }
    }
    reached
}
