//! Reconciliation through the binding: verified inputs only, typed effects.

use super::*;
use crate::signature::{sign_payment, sign_webhook};
use crate::webhook::WebhookVerifier;
use std::time::UNIX_EPOCH;

const ORDER: &str = "order_DESlLckIVRkHWj";

fn captured(payment_id: &str, amount: i64) -> WebhookEvent {
    let body = format!(
        r#"{{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],"payload":{{"payment":{{"entity":{{"id":"{payment_id}","entity":"payment","amount":{amount},"currency":"INR","status":"captured","order_id":"{ORDER}","captured":true}}}}}},"created_at":1700000000}}"#
    )
    .into_bytes();
    let verifier = WebhookVerifier::new(vec!["whsec".into()]).unwrap();
    let signature = sign_webhook(body.clone(), "whsec".into());
    verifier.construct_event(body, signature).unwrap()
}

#[test]
fn verified_callback_then_webhook_then_duplicate() {
    let state = create_payment_state(ORDER.into(), 50_000, "INR".into(), None).unwrap();
    let signature = sign_payment(ORDER.into(), "pay_1".into(), "key_secret".into());
    let forged = apply_callback(
        state.clone(),
        ORDER.into(),
        "pay_1".into(),
        "0".repeat(64),
        "key_secret".into(),
    )
    .unwrap_err();
    assert_eq!(forged.code(), "SIGNATURE_MISMATCH");
    assert_eq!(
        forged,
        ReconcileError::Unverified(razorpay_core::SignatureError::Mismatch)
    );
    let out = apply_callback(
        state,
        ORDER.into(),
        "pay_1".into(),
        signature,
        "key_secret".into(),
    )
    .unwrap();
    assert_eq!(out.status, PaymentOrderStatus::Authorized);
    let event = captured("pay_1", 50_000);
    let paid = apply_webhook(out.state_json, "evt_1".into(), event.clone()).unwrap();
    assert_eq!(
        (paid.status, paid.amount_paid),
        (PaymentOrderStatus::Paid, 50_000)
    );
    assert_eq!(
        paid.effects,
        vec![
            Effect::MarkOrderPaid {
                razorpay_order_id: ORDER.into(),
                amount: 50_000,
                currency: "INR".into()
            },
            Effect::NotifyCustomer {
                notification: Notification::PaymentReceived
            },
        ]
    );
    let again = apply_webhook(paid.state_json.clone(), "evt_1".into(), event).unwrap();
    assert!(again.duplicate && !again.changed && again.effects.is_empty());
    assert_eq!(again.state_json, paid.state_json);
}

#[test]
fn anomalies_are_flagged_and_errors_typed() {
    let state = create_payment_state(ORDER.into(), 50_000, "INR".into(), None).unwrap();
    let out = apply_webhook(state.clone(), "evt_2".into(), captured("pay_2", 40_000)).unwrap();
    assert!(out.effects.iter().any(|e| matches!(
        e,
        Effect::FlagForReview {
            anomaly: Anomaly::PaymentAmountMismatch { amount: 40_000, .. }
        }
    )));
    assert_ne!(out.status, PaymentOrderStatus::Paid);

    let e = apply_abandoned("{".into(), UNIX_EPOCH).unwrap_err();
    assert_eq!(e.code(), "RECONCILE_INVALID_JSON");
    let e = create_payment_state("".into(), 50_000, "INR".into(), None).unwrap_err();
    assert_eq!(e.code(), "RECONCILE_INVALID_STATE");
    let fetched = captured("pay_4", 50_000).payment.expect("a payment");
    let e = apply_fetched_payment("{".into(), fetched).unwrap_err();
    assert_eq!(e.code(), "RECONCILE_INVALID_JSON");
    // A record whose body is not an event (a caller built it by hand) is refused as core's
    // invalid JSON.
    let mut forged = captured("pay_3", 50_000);
    forged.json = "nope".into();
    let e = apply_webhook(state, "evt_3".into(), forged).unwrap_err();
    assert!(matches!(e, ReconcileError::InvalidJson { .. }), "{e:?}");
    assert_eq!(e.code(), "RECONCILE_INVALID_JSON");
}

#[test]
fn abandoned_takes_a_timestamp() {
    let state = create_payment_state(ORDER.into(), 50_000, "INR".into(), None).unwrap();
    let at = UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    let out = apply_abandoned(state, at).unwrap();
    assert!(out.state_json.contains("1700000000"), "{}", out.state_json);
}

#[test]
fn effects_cross_unchanged() {
    use uniffi::{Lift, Lower};
    let effects = vec![
        Effect::NotifyCustomer {
            notification: Notification::RefundProcessed {
                refund_id: "rfnd_1".into(),
            },
        },
        Effect::FlagForReview {
            anomaly: Anomaly::PaymentDisputed {
                dispute_id: "disp_1".into(),
                payment_id: "pay_1".into(),
            },
        },
        Effect::FlagForReview {
            anomaly: Anomaly::Overpaid,
        },
    ];
    let lowered = <Vec<Effect> as Lower<crate::UniFfiTag>>::lower(effects.clone());
    let lifted = <Vec<Effect> as Lift<crate::UniFfiTag>>::try_lift(lowered).unwrap();
    assert_eq!(lifted, effects);
}
