//! Property test: whatever sequence of checkouts, captures and refunds (valid or not, with
//! replayed idempotency keys) hits the store, the money bookkeeping stays consistent.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::order::OrderStatus;
use super::payment::PaymentStatus;
use super::{CheckoutFailure, CheckoutOutcome, CheckoutRequest, Store};

#[derive(Debug, Clone)]
enum Op {
    Order {
        amount: i64,
        partial: bool,
    },
    Pay {
        order: usize,
        outcome: u8,
        share: u8,
    },
    Capture {
        payment: usize,
    },
    Refund {
        payment: usize,
        amount: Option<i64>,
        key: Option<u8>,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (50_i64..200_000, any::<bool>())
            .prop_map(|(amount, partial)| Op::Order { amount, partial }),
        (0_usize..8, 0_u8..3, 1_u8..=100).prop_map(|(order, outcome, share)| Op::Pay {
            order,
            outcome,
            share
        }),
        (0_usize..8).prop_map(|payment| Op::Capture { payment }),
        (
            0_usize..8,
            proptest::option::of(-10_i64..100_000),
            proptest::option::of(0_u8..3)
        )
            .prop_map(|(payment, amount, key)| Op::Refund {
                payment,
                amount,
                key
            }),
    ]
}

fn params(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

fn apply(store: &mut Store, op: &Op) {
    // Errors are expected for invalid operations; only the invariants matter.
    match *op {
        Op::Order { amount, partial } => {
            let _ = store.create_order(&params(
                json!({"amount": amount, "currency": "INR", "partial_payment": partial}),
            ));
        }
        Op::Pay {
            order,
            outcome,
            share,
        } => {
            let Some(order) = store
                .order_ids
                .get(order)
                .and_then(|id| store.orders.get(id))
            else {
                return;
            };
            let amount = (order.partial_payment)
                .then(|| (order.amount_due() * i64::from(share) / 100).max(1));
            let outcome = match outcome {
                0 => CheckoutOutcome::Success,
                1 => CheckoutOutcome::Authorized,
                _ => CheckoutOutcome::Failure(CheckoutFailure::default()),
            };
            let request = CheckoutRequest {
                amount,
                outcome,
                ..CheckoutRequest::new(order.id.clone())
            };
            let _ = store.checkout(&request, |_, _| "sig".into());
        }
        Op::Capture { payment } => {
            let Some(payment) = store
                .payment_ids
                .get(payment)
                .and_then(|id| store.payments.get(id))
            else {
                return;
            };
            let (id, amount) = (payment.id.clone(), payment.amount);
            let _ = store.capture(&id, &params(json!({"amount": amount, "currency": "INR"})));
        }
        Op::Refund {
            payment,
            amount,
            key,
        } => {
            let Some(id) = store.payment_ids.get(payment).cloned() else {
                return;
            };
            let body = amount.map_or_else(|| json!({}), |amount| json!({ "amount": amount }));
            let key = key.map(|k| format!("idempotency-key-{k}"));
            let _ = store.refund(&id, &params(body), key.as_deref());
        }
    }
}

fn check(store: &Store) -> Result<(), TestCaseError> {
    for order in store.orders.values() {
        let captured: i64 = order
            .payment_ids
            .iter()
            .filter_map(|id| store.payments.get(id))
            .filter(|p| p.captured_at.is_some())
            .map(|p| p.amount)
            .sum();
        prop_assert_eq!(
            order.amount_paid,
            captured,
            "amount_paid is the captured total"
        );
        prop_assert!(
            order.amount_paid <= order.amount,
            "never paid beyond the order amount"
        );
        prop_assert_eq!(order.amount_due(), order.amount - order.amount_paid);
        prop_assert_eq!(
            order.status == OrderStatus::Paid,
            order.amount_paid >= order.amount
        );
        prop_assert_eq!(order.status == OrderStatus::Created, order.attempts == 0);
    }
    for payment in store.payments.values() {
        let refunded: i64 = store
            .refunds
            .values()
            .filter(|r| r.payment_id == payment.id)
            .map(|r| r.amount)
            .sum();
        prop_assert_eq!(payment.amount_refunded, refunded, "refunds counted once");
        prop_assert!(
            payment.amount_refunded <= payment.amount,
            "never refunded beyond the payment"
        );
        if payment.amount_refunded > 0 {
            prop_assert!(
                payment.captured_at.is_some(),
                "only captured payments are refunded"
            );
        }
        prop_assert_eq!(
            payment.status == PaymentStatus::Refunded,
            payment.captured_at.is_some() && payment.amount_refunded == payment.amount
        );
        if payment.status == PaymentStatus::Failed {
            prop_assert!(payment.authorized_at.is_none() && payment.error.is_some());
        }
    }
    Ok(())
}

proptest! {
    // Pinned so a CI-wide PROPTEST_CASES (raised for other suites) does not slow this one.
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn bookkeeping_stays_consistent(ops in proptest::collection::vec(op(), 1..60)) {
        let mut store = Store::new(true);
        for op in &ops {
            apply(&mut store, op);
            check(&store)?;
        }
    }

    #[test]
    fn manual_capture_accounts_stay_consistent(ops in proptest::collection::vec(op(), 1..60)) {
        let mut store = Store::new(false);
        for op in &ops {
            apply(&mut store, op);
            check(&store)?;
        }
    }
}
