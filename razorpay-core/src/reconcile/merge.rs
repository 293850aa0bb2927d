//! The merge rules: how one fact joins into the state.
//!
//! Each rule is a join (`max` on a lattice, `min`, `or`, set union), so merging is commutative,
//! associative and idempotent. Anomalies found here depend only on the fact and the state's
//! fixed expectations (order id, amount, currency), never on what was merged before, so the
//! same anomalies are found in every ordering.

use std::collections::BTreeSet;

use super::fact::{Fact, Observation, OrderFact, PaymentFact, RefundFact};
use super::state::MAX_AMOUNT;
use super::{Anomaly, PaymentProgress, PaymentState, ReconcileError, RefundProgress};

/// Rejects observations that cannot be interpreted: empty ids, amounts outside `0..=MAX_AMOUNT`.
pub(crate) fn validate(observation: &Observation) -> Result<(), ReconcileError> {
    if let Some(id) = &observation.event_id {
        non_empty("eventId", id)?;
    }
    for fact in &observation.facts {
        match fact {
            Fact::Payment(p) => {
                non_empty("payment.id", &p.payment_id)?;
                amount("payment.amount", p.amount)?;
                amount("payment.amount_refunded", p.amount_refunded)?;
            }
            Fact::Refund(r) => {
                non_empty("refund.id", &r.refund_id)?;
                non_empty("refund.payment_id", &r.payment_id)?;
                amount("refund.amount", Some(r.amount))?;
                amount("payment.amount", r.payment_amount)?;
            }
            Fact::Order(o) => {
                non_empty("order.id", &o.order_id)?;
                amount("order.amount", o.amount)?;
                amount("order.amount_paid", o.amount_paid)?;
            }
            Fact::Dispute {
                dispute_id,
                payment_id,
                ..
            } => {
                non_empty("dispute.id", dispute_id)?;
                non_empty("dispute.payment_id", payment_id)?;
            }
            Fact::Abandoned { .. } | Fact::Ignored { .. } => {}
        }
    }
    Ok(())
}

fn non_empty(field: &'static str, value: &str) -> Result<(), ReconcileError> {
    if value.trim().is_empty() {
        return Err(ReconcileError::input(field, "is empty"));
    }
    Ok(())
}

fn amount(field: &'static str, value: Option<i64>) -> Result<(), ReconcileError> {
    match value {
        Some(v) if !(0..=MAX_AMOUNT).contains(&v) => Err(ReconcileError::input(
            field,
            format!("{v} is outside 0..=10^15 minor units"),
        )),
        _ => Ok(()),
    }
}

/// Joins one fact into `state`, adding the anomalies the fact itself reveals.
pub(crate) fn merge(state: &mut PaymentState, fact: &Fact, anomalies: &mut BTreeSet<Anomaly>) {
    match fact {
        Fact::Payment(p) => merge_payment(state, p, anomalies),
        Fact::Refund(r) => merge_refund(state, r, anomalies),
        Fact::Order(o) => merge_order(state, o, anomalies),
        Fact::Dispute {
            dispute_id,
            payment_id,
            order_id,
        } => {
            if order_id.as_ref().is_none_or(|o| is_ours(state, o)) {
                anomalies.insert(Anomaly::PaymentDisputed {
                    dispute_id: dispute_id.clone(),
                    payment_id: payment_id.clone(),
                });
            }
        }
        Fact::Abandoned { at } => {
            state.abandoned_at = Some(state.abandoned_at.map_or(*at, |seen| seen.min(*at)));
        }
        Fact::Ignored { event_id, event } => {
            state.ignored_events.insert(super::IgnoredEvent {
                event_id: event_id.clone(),
                event: event.clone(),
            });
        }
    }
}

fn merge_payment(state: &mut PaymentState, fact: &PaymentFact, anomalies: &mut BTreeSet<Anomaly>) {
    if !is_ours(state, &fact.order_id) {
        // Never merged: a payment of another order must not make this one paid.
        anomalies.insert(Anomaly::PaymentForOtherOrder {
            payment_id: fact.payment_id.clone(),
            order_id: fact.order_id.clone(),
        });
        return;
    }
    let currency_ok = fact.currency.as_deref() == Some(state.currency.as_str());
    if let Some(currency) = fact.currency.as_ref().filter(|_| !currency_ok) {
        anomalies.insert(Anomaly::PaymentCurrencyMismatch {
            payment_id: fact.payment_id.clone(),
            currency: currency.clone(),
        });
    }
    // Under partial payments a smaller payment is one instalment; a larger one never fits.
    let unexpected = |a: &i64| *a > state.amount || (*a != state.amount && !state.partial_payment);
    if let Some(amount) = fact.amount.filter(unexpected) {
        anomalies.insert(Anomaly::PaymentAmountMismatch {
            payment_id: fact.payment_id.clone(),
            amount,
        });
    }

    let record = state.payments.entry(fact.payment_id.clone()).or_default();
    record.status = record.status.max(fact.progress);
    // A `captured` status is a capture even if the object forgot the flag.
    let captured = fact.captured || fact.progress == PaymentProgress::Captured;
    record.captured |= captured;
    record.amount = record.amount.max(fact.amount);
    record.currency = join_min(record.currency.take(), fact.currency.clone());
    if fact.progress == PaymentProgress::Authorized && !captured {
        record.authorization_seen = true;
        if let Some(amount) = fact.amount {
            record.amount_authorized = Some(
                record
                    .amount_authorized
                    .map_or(amount, |seen| seen.min(amount)),
            );
        }
    }
    if captured && currency_ok {
        record.amount_captured = record.amount_captured.max(fact.amount.unwrap_or(0));
    }
    record.amount_refunded_reported = record
        .amount_refunded_reported
        .max(fact.amount_refunded.unwrap_or(0));
    record.error_code = record.error_code.take().max(fact.error_code.clone());
    record.verified_by_callback |= fact.via_callback;
}

fn merge_refund(state: &mut PaymentState, fact: &RefundFact, anomalies: &mut BTreeSet<Anomaly>) {
    if let Some(order_id) = fact.order_id.as_ref().filter(|o| !is_ours(state, o)) {
        anomalies.insert(Anomaly::RefundForOtherOrder {
            refund_id: fact.refund_id.clone(),
            order_id: order_id.clone(),
        });
        return;
    }
    if let Some(currency) = fact.currency.as_ref().filter(|c| **c != state.currency) {
        anomalies.insert(Anomaly::RefundCurrencyMismatch {
            refund_id: fact.refund_id.clone(),
            currency: currency.clone(),
        });
    }
    if fact.progress == RefundProgress::Failed {
        anomalies.insert(Anomaly::RefundFailed {
            refund_id: fact.refund_id.clone(),
        });
    }
    if fact.payment_amount.is_some_and(|paid| fact.amount > paid) {
        anomalies.insert(Anomaly::RefundExceedsPayment {
            refund_id: fact.refund_id.clone(),
        });
    }
    let record = state
        .refunds
        .entry(fact.refund_id.clone())
        .or_insert_with(|| super::RefundRecord {
            payment_id: fact.payment_id.clone(),
            amount: fact.amount,
            currency: fact.currency.clone(),
            status: fact.progress,
        });
    record.payment_id = record.payment_id.clone().min(fact.payment_id.clone());
    record.amount = record.amount.max(fact.amount);
    record.currency = join_min(record.currency.take(), fact.currency.clone());
    record.status = record.status.max(fact.progress);
}

fn merge_order(state: &mut PaymentState, fact: &OrderFact, anomalies: &mut BTreeSet<Anomaly>) {
    if fact.order_id != state.razorpay_order_id {
        anomalies.insert(Anomaly::OrderMismatch {
            order_id: fact.order_id.clone(),
        });
        return;
    }
    if let Some(amount) = fact.amount.filter(|a| *a != state.amount) {
        anomalies.insert(Anomaly::OrderAmountMismatch { amount });
    }
    let currency_ok = fact.currency.as_deref() == Some(state.currency.as_str());
    if let Some(currency) = fact.currency.as_ref().filter(|_| !currency_ok) {
        anomalies.insert(Anomaly::OrderCurrencyMismatch {
            currency: currency.clone(),
        });
    }
    let record = state.razorpay_order.get_or_insert_with(Default::default);
    record.status = record.status.max(fact.progress);
    if currency_ok {
        record.amount_paid = record.amount_paid.max(fact.amount_paid.unwrap_or(0));
    }
}

/// Whether a payment's `order_id` is this state's order.
fn is_ours(state: &PaymentState, order_id: &Option<String>) -> bool {
    order_id.as_deref() == Some(state.razorpay_order_id.as_str())
}

/// `min` that treats "unknown" as the bottom of the lattice: the known value wins.
fn join_min(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_min_is_a_semilattice() {
        let values = [None, Some("INR".to_owned()), Some("USD".to_owned())];
        for a in &values {
            assert_eq!(join_min(a.clone(), a.clone()), *a, "idempotent");
            for b in &values {
                assert_eq!(
                    join_min(a.clone(), b.clone()),
                    join_min(b.clone(), a.clone()),
                    "commutative"
                );
                for c in &values {
                    assert_eq!(
                        join_min(join_min(a.clone(), b.clone()), c.clone()),
                        join_min(a.clone(), join_min(b.clone(), c.clone())),
                        "associative"
                    );
                }
            }
        }
    }

    #[test]
    fn validation_names_the_field() {
        let observation = Observation {
            event_id: Some(" ".into()),
            facts: vec![],
        };
        let err = validate(&observation).unwrap_err();
        assert_eq!(err, ReconcileError::input("eventId", "is empty"));

        let observation = Observation {
            event_id: None,
            facts: vec![Fact::Order(OrderFact {
                order_id: "order_1".into(),
                amount: Some(-1),
                currency: None,
                amount_paid: None,
                progress: Default::default(),
            })],
        };
        let err = validate(&observation).unwrap_err();
        assert!(matches!(
            err,
            ReconcileError::InvalidInput { ref field, .. } if field == "order.amount"
        ));
    }
}
