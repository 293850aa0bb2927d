//! Rule-by-rule unit tests, on normalized facts (the adapters from webhooks and API objects are
//! tested beside them).

use super::fact::{Fact, Observation, OrderFact, PaymentFact, RefundFact};
use super::*;
use crate::reconcile::apply::apply_observation;

const ORDER: &str = "order_DESlLckIVRkHWj";
const AMOUNT: i64 = 50_000;

fn fresh() -> PaymentState {
    PaymentState::new(ORDER, AMOUNT, "INR")
}

fn payment(id: &str, progress: PaymentProgress, amount: i64) -> PaymentFact {
    PaymentFact {
        payment_id: id.into(),
        order_id: Some(ORDER.into()),
        progress,
        amount: Some(amount),
        currency: Some("INR".into()),
        captured: matches!(
            progress,
            PaymentProgress::Captured | PaymentProgress::Refunded
        ),
        amount_refunded: Some(0),
        error_code: (progress == PaymentProgress::Failed).then(|| "BAD_REQUEST_ERROR".into()),
        via_callback: false,
    }
}

fn refund(id: &str, payment_id: &str, amount: i64, progress: RefundProgress) -> RefundFact {
    RefundFact {
        refund_id: id.into(),
        payment_id: payment_id.into(),
        order_id: Some(Some(ORDER.into())),
        amount,
        currency: Some("INR".into()),
        progress,
        payment_amount: Some(AMOUNT),
    }
}

/// A payment fact, as a webhook or fetched object would carry it.
fn seen(id: &str, progress: PaymentProgress, amount: i64) -> Fact {
    Fact::Payment(payment(id, progress, amount))
}

/// A refund fact of this order.
fn returned(id: &str, payment_id: &str, amount: i64, progress: RefundProgress) -> Fact {
    Fact::Refund(refund(id, payment_id, amount, progress))
}

fn webhook(event_id: &str, facts: Vec<Fact>) -> Observation {
    Observation {
        event_id: Some(event_id.into()),
        facts,
    }
}

fn step(state: &PaymentState, observation: Observation) -> Outcome {
    apply_observation(state, observation).expect("valid input")
}

/// Applies observations in order, returning the last state and every effect emitted.
fn run(state: PaymentState, observations: Vec<Observation>) -> (PaymentState, Vec<Effect>) {
    let mut state = state;
    let mut effects = Vec::new();
    for observation in observations {
        let outcome = step(&state, observation);
        effects.extend(outcome.effects);
        state = outcome.state;
    }
    (state, effects)
}

fn captured(id: &str) -> Fact {
    seen(id, PaymentProgress::Captured, AMOUNT)
}

fn mark_paid() -> Effect {
    Effect::MarkOrderPaid {
        razorpay_order_id: ORDER.into(),
        amount: AMOUNT,
        currency: "INR".into(),
    }
}

fn received() -> Effect {
    Effect::NotifyCustomer {
        notification: Notification::PaymentReceived,
    }
}

#[test]
fn capture_marks_paid_once_and_duplicates_change_nothing() {
    let authorized = webhook(
        "evt_1",
        vec![seen("pay_1", PaymentProgress::Authorized, AMOUNT)],
    );
    let outcome = step(&fresh(), authorized.clone());
    assert_eq!(outcome.state.status, PaymentOrderStatus::Authorized);
    assert!(outcome.effects.is_empty());

    let paid = step(&outcome.state, webhook("evt_2", vec![captured("pay_1")]));
    assert_eq!(paid.state.status, PaymentOrderStatus::Paid);
    assert_eq!(paid.state.amount_paid, AMOUNT);
    assert_eq!(paid.effects, vec![mark_paid(), received()]);

    for repeat in [authorized, webhook("evt_2", vec![captured("pay_1")])] {
        let again = step(&paid.state, repeat);
        assert!(again.duplicate && !again.changed && again.effects.is_empty());
        assert_eq!(again.state, paid.state);
    }
    // The same facts under a new event id (a replay: the id is not signed): recognised by its
    // content as a duplicate; only the capped id set records the new id; no new effect.
    let other = step(&paid.state, webhook("evt_3", vec![captured("pay_1")]));
    assert!(other.changed && other.duplicate && other.effects.is_empty());
    assert_eq!(
        other.state.applied_event_digests,
        paid.state.applied_event_digests
    );
}

#[test]
fn captured_stays_captured_whatever_arrives_later() {
    let (state, _) = run(
        fresh(),
        vec![
            webhook("evt_c", vec![captured("pay_1")]),
            webhook(
                "evt_a",
                vec![seen("pay_1", PaymentProgress::Authorized, AMOUNT)],
            ),
            webhook(
                "evt_f",
                vec![seen("pay_1", PaymentProgress::Failed, AMOUNT)],
            ),
        ],
    );
    assert_eq!(state.payments["pay_1"].status, PaymentProgress::Captured);
    assert_eq!(state.status, PaymentOrderStatus::Paid);
}

#[test]
fn failed_is_not_terminal_and_late_success_pays() {
    let failed = step(
        &fresh(),
        webhook(
            "evt_f",
            vec![seen("pay_1", PaymentProgress::Failed, AMOUNT)],
        ),
    );
    assert_eq!(failed.state.status, PaymentOrderStatus::Failed);
    assert!(
        failed.effects.is_empty(),
        "a failure releases nothing by itself"
    );
    assert_eq!(
        failed.state.payments["pay_1"].error_code.as_deref(),
        Some("BAD_REQUEST_ERROR")
    );

    let late = step(&failed.state, webhook("evt_c", vec![captured("pay_1")]));
    assert_eq!(late.state.status, PaymentOrderStatus::Paid);
    assert_eq!(late.effects, vec![mark_paid(), received()]);
}

#[test]
fn callback_proves_authorization_but_not_the_amount() {
    let input = ReconcileInput::callback(ORDER, "pay_1");
    let outcome = apply(&fresh(), &input).unwrap();
    let record = &outcome.state.payments["pay_1"];
    assert!(record.verified_by_callback && record.authorization_seen);
    assert_eq!(record.amount, None);
    assert_eq!(outcome.state.status, PaymentOrderStatus::Authorized);
    assert_eq!(outcome.state.amount_paid, 0);

    let wrong = apply(&fresh(), &ReconcileInput::callback("order_other", "pay_9")).unwrap();
    assert!(wrong.state.payments.is_empty());
    assert_eq!(
        wrong.new_anomalies,
        vec![Anomaly::PaymentForOtherOrder {
            payment_id: "pay_9".into(),
            order_id: Some("order_other".into()),
        }]
    );
    assert_eq!(wrong.state.status, PaymentOrderStatus::AwaitingPayment);
}

#[test]
fn refunds_count_once_per_id_and_progress() {
    let (paid, _) = run(fresh(), vec![webhook("evt_c", vec![captured("pay_1")])]);
    let created = step(
        &paid,
        webhook(
            "evt_r1",
            vec![returned("rfnd_1", "pay_1", 20_000, RefundProgress::Pending)],
        ),
    );
    assert_eq!(created.state.status, PaymentOrderStatus::PartiallyRefunded);
    assert_eq!(created.state.amount_refunded, 20_000);
    assert_eq!(created.state.amount_refund_pending, 20_000);
    assert!(created.effects.is_empty());

    let processed = step(
        &created.state,
        webhook(
            "evt_r2",
            vec![returned(
                "rfnd_1",
                "pay_1",
                20_000,
                RefundProgress::Processed,
            )],
        ),
    );
    assert_eq!(processed.state.amount_refunded, 20_000, "counted once");
    assert_eq!(processed.state.amount_refund_pending, 0);
    assert_eq!(
        processed.effects,
        vec![Effect::NotifyCustomer {
            notification: Notification::RefundProcessed {
                refund_id: "rfnd_1".into()
            }
        }]
    );
    // A late `pending` report cannot move the refund back.
    let late = step(
        &processed.state,
        webhook(
            "evt_r3",
            vec![returned("rfnd_1", "pay_1", 20_000, RefundProgress::Pending)],
        ),
    );
    assert_eq!(
        late.state.refunds["rfnd_1"].status,
        RefundProgress::Processed
    );
    assert!(late.effects.is_empty());

    let full = step(
        &late.state,
        webhook(
            "evt_r4",
            vec![returned(
                "rfnd_2",
                "pay_1",
                30_000,
                RefundProgress::Processed,
            )],
        ),
    );
    assert_eq!(full.state.status, PaymentOrderStatus::Refunded);
    assert_eq!(full.state.amount_refunded, AMOUNT);
    assert_eq!(full.state.payments["pay_1"].amount_refunded, AMOUNT);
}

#[test]
fn failed_refunds_do_not_count_and_are_flagged() {
    let (paid, _) = run(fresh(), vec![webhook("evt_c", vec![captured("pay_1")])]);
    let (state, effects) = run(
        paid,
        vec![
            webhook(
                "evt_r1",
                vec![returned("rfnd_1", "pay_1", 10_000, RefundProgress::Pending)],
            ),
            webhook(
                "evt_r2",
                vec![returned("rfnd_1", "pay_1", 10_000, RefundProgress::Failed)],
            ),
        ],
    );
    assert_eq!(state.amount_refunded, 0);
    assert_eq!(state.status, PaymentOrderStatus::Paid);
    let flag = Anomaly::RefundFailed {
        refund_id: "rfnd_1".into(),
    };
    assert_eq!(effects, vec![Effect::FlagForReview { anomaly: flag }]);
}

#[test]
fn razorpay_refunded_status_counts_even_without_refund_events() {
    let mut fact = payment("pay_1", PaymentProgress::Refunded, AMOUNT);
    fact.amount_refunded = Some(AMOUNT);
    let outcome = step(&fresh(), webhook("evt_1", vec![Fact::Payment(fact)]));
    assert_eq!(outcome.state.status, PaymentOrderStatus::Refunded);
    assert_eq!(outcome.state.amount_paid, AMOUNT);
    assert_eq!(outcome.state.amount_refunded, AMOUNT);
    assert_eq!(
        outcome.state.payments["pay_1"].amount_refunded_reported,
        AMOUNT
    );
}

#[test]
fn reversed_authorization_is_a_failure_not_a_refund() {
    let mut fact = payment("pay_1", PaymentProgress::Refunded, AMOUNT);
    fact.captured = false;
    let outcome = step(&fresh(), webhook("evt_1", vec![Fact::Payment(fact)]));
    assert_eq!(outcome.state.status, PaymentOrderStatus::Failed);
    assert_eq!(outcome.state.amount_refunded, 0);
}

#[test]
fn payments_of_other_orders_are_anomalies_not_successes() {
    let mut fact = payment("pay_x", PaymentProgress::Captured, AMOUNT);
    fact.order_id = Some("order_other".into());
    let outcome = step(&fresh(), webhook("evt_1", vec![Fact::Payment(fact)]));
    assert_eq!(outcome.state.status, PaymentOrderStatus::AwaitingPayment);
    assert!(outcome.state.payments.is_empty());
    assert_eq!(
        outcome.effects,
        vec![Effect::FlagForReview {
            anomaly: Anomaly::PaymentForOtherOrder {
                payment_id: "pay_x".into(),
                order_id: Some("order_other".into())
            }
        }]
    );
}

#[test]
fn amount_and_currency_mismatches_are_flagged() {
    let short = step(
        &fresh(),
        webhook("evt_1", vec![seen("pay_1", PaymentProgress::Captured, 100)]),
    );
    assert_eq!(short.state.amount_paid, 100);
    assert_ne!(short.state.status, PaymentOrderStatus::Paid);
    assert_eq!(
        short.new_anomalies,
        vec![Anomaly::PaymentAmountMismatch {
            payment_id: "pay_1".into(),
            amount: 100
        }]
    );

    let mut dollars = payment("pay_2", PaymentProgress::Captured, AMOUNT);
    dollars.currency = Some("USD".into());
    let usd = step(&fresh(), webhook("evt_2", vec![Fact::Payment(dollars)]));
    assert_eq!(usd.state.amount_paid, 0, "another currency never counts");
    assert_eq!(
        usd.new_anomalies,
        vec![Anomaly::PaymentCurrencyMismatch {
            payment_id: "pay_2".into(),
            currency: "USD".into()
        }]
    );
}

#[test]
fn capture_exceeding_authorization_is_flagged() {
    let (state, effects) = run(
        fresh(),
        vec![
            webhook(
                "evt_a",
                vec![seen("pay_1", PaymentProgress::Authorized, 40_000)],
            ),
            webhook("evt_c", vec![captured("pay_1")]),
        ],
    );
    assert!(
        state
            .anomalies
            .contains(&Anomaly::CaptureExceedsAuthorized {
                payment_id: "pay_1".into()
            })
    );
    assert!(effects.contains(&Effect::FlagForReview {
        anomaly: Anomaly::CaptureExceedsAuthorized {
            payment_id: "pay_1".into()
        }
    }));
}

#[test]
fn two_captured_payments_pay_once_and_flag_overpayment() {
    let (state, effects) = run(
        fresh(),
        vec![
            webhook("evt_1", vec![captured("pay_1")]),
            webhook("evt_2", vec![captured("pay_2")]),
        ],
    );
    assert_eq!(state.amount_paid, 2 * AMOUNT);
    assert_eq!(state.status, PaymentOrderStatus::Paid);
    assert_eq!(
        effects,
        vec![
            mark_paid(),
            received(),
            Effect::FlagForReview {
                anomaly: Anomaly::Overpaid
            }
        ]
    );
}

#[test]
fn manual_capture_requests_each_authorized_payment_once() {
    let state = fresh().capture_mode(CaptureMode::Manual);
    let (state, effects) = run(
        state,
        vec![
            Observation {
                event_id: None,
                facts: ReconcileInput::callback(ORDER, "pay_1")
                    .observe()
                    .unwrap()
                    .facts,
            },
            webhook(
                "evt_a",
                vec![seen("pay_1", PaymentProgress::Authorized, AMOUNT)],
            ),
            webhook("evt_c", vec![captured("pay_1")]),
        ],
    );
    let capture = Effect::CapturePayment {
        payment_id: "pay_1".into(),
        amount: AMOUNT,
        currency: "INR".into(),
    };
    assert_eq!(effects, vec![capture, mark_paid(), received()]);
    assert_eq!(state.status, PaymentOrderStatus::Paid);
}

#[test]
fn automatic_capture_never_requests_capture() {
    let (_, effects) = run(
        fresh(),
        vec![webhook(
            "evt_a",
            vec![seen("pay_1", PaymentProgress::Authorized, AMOUNT)],
        )],
    );
    assert!(effects.is_empty());
}

#[test]
fn abandonment_releases_stock_and_late_money_is_flagged_in_any_order() {
    let abandon = Observation {
        event_id: None,
        facts: vec![Fact::Abandoned { at: 1_700_000_000 }],
    };
    let paid = webhook("evt_c", vec![captured("pay_1")]);
    let (first, mut a) = run(fresh(), vec![abandon.clone(), paid.clone()]);
    let (second, mut b) = run(fresh(), vec![paid, abandon]);
    assert_eq!(first, second);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert!(a.contains(&Effect::ReleaseReservedStock {
        razorpay_order_id: ORDER.into()
    }));
    assert!(a.contains(&Effect::FlagForReview {
        anomaly: Anomaly::PaidAfterStockRelease
    }));
    assert!(a.contains(&mark_paid()));
    assert_eq!(first.abandoned_at, Some(1_700_000_000));
}

#[test]
fn abandonment_keeps_the_earliest_time_and_releases_once() {
    let (state, effects) = run(
        fresh(),
        vec![
            Observation {
                event_id: None,
                facts: vec![Fact::Abandoned { at: 20 }],
            },
            Observation {
                event_id: None,
                facts: vec![Fact::Abandoned { at: 10 }],
            },
        ],
    );
    assert_eq!(state.abandoned_at, Some(10));
    assert_eq!(effects.len(), 1);
}

#[test]
fn unknown_events_are_recorded_and_ignored() {
    let outcome = step(
        &fresh(),
        webhook(
            "evt_9",
            vec![Fact::Ignored {
                event_id: "evt_9".into(),
                event: "payment.downtime.started".into(),
            }],
        ),
    );
    assert!(outcome.changed && outcome.effects.is_empty());
    assert_eq!(outcome.state.status, PaymentOrderStatus::AwaitingPayment);
    assert_eq!(outcome.state.ignored_events.len(), 1);
    assert!(outcome.state.applied_event_ids.contains("evt_9"));
}

#[test]
fn fetched_order_alone_can_prove_payment() {
    let order = Fact::Order(OrderFact {
        order_id: ORDER.into(),
        amount: Some(AMOUNT),
        currency: Some("INR".into()),
        amount_paid: Some(AMOUNT),
        progress: OrderProgress::Paid,
    });
    let outcome = step(
        &fresh(),
        Observation {
            event_id: None,
            facts: vec![order],
        },
    );
    assert_eq!(outcome.state.status, PaymentOrderStatus::Paid);
    assert_eq!(outcome.effects, vec![mark_paid(), received()]);
}

#[test]
fn mismatched_order_objects_are_flagged() {
    let other = Fact::Order(OrderFact {
        order_id: "order_other".into(),
        amount: Some(AMOUNT),
        currency: Some("INR".into()),
        amount_paid: Some(AMOUNT),
        progress: OrderProgress::Paid,
    });
    let wrong_amount = Fact::Order(OrderFact {
        order_id: ORDER.into(),
        amount: Some(10),
        currency: Some("USD".into()),
        amount_paid: Some(AMOUNT),
        progress: OrderProgress::Paid,
    });
    let outcome = step(
        &fresh(),
        Observation {
            event_id: None,
            facts: vec![other, wrong_amount],
        },
    );
    assert_eq!(outcome.state.amount_paid, 0, "USD amount_paid never counts");
    assert_eq!(
        outcome.new_anomalies,
        vec![
            Anomaly::OrderMismatch {
                order_id: "order_other".into()
            },
            Anomaly::OrderAmountMismatch { amount: 10 },
            Anomaly::OrderCurrencyMismatch {
                currency: "USD".into()
            },
        ]
    );
}

#[test]
fn refund_anomalies_are_flagged_and_not_counted() {
    let (paid, _) = run(fresh(), vec![webhook("evt_c", vec![captured("pay_1")])]);
    let mut foreign = refund("rfnd_1", "pay_x", 100, RefundProgress::Processed);
    foreign.order_id = Some(Some("order_other".into()));
    let mut dollars = refund("rfnd_2", "pay_1", 100, RefundProgress::Processed);
    dollars.currency = Some("USD".into());
    let too_big = refund("rfnd_3", "pay_1", AMOUNT + 1, RefundProgress::Pending);
    let outcome = step(
        &paid,
        webhook(
            "evt_r",
            vec![
                Fact::Refund(foreign),
                Fact::Refund(dollars),
                Fact::Refund(too_big),
            ],
        ),
    );
    assert!(!outcome.state.refunds.contains_key("rfnd_1"));
    assert_eq!(outcome.state.amount_refunded, AMOUNT + 1);
    assert!(
        outcome
            .new_anomalies
            .contains(&Anomaly::RefundForOtherOrder {
                refund_id: "rfnd_1".into(),
                order_id: Some("order_other".into())
            })
    );
    assert!(
        outcome
            .new_anomalies
            .contains(&Anomaly::RefundCurrencyMismatch {
                refund_id: "rfnd_2".into(),
                currency: "USD".into()
            })
    );
    assert!(
        outcome
            .new_anomalies
            .contains(&Anomaly::RefundExceedsPayment {
                refund_id: "rfnd_3".into()
            })
    );
}

#[test]
fn disputes_are_flagged_once() {
    let dispute = Fact::Dispute {
        dispute_id: "disp_1".into(),
        payment_id: "pay_1".into(),
        order_id: Some(Some(ORDER.into())),
    };
    let (state, effects) = run(
        fresh(),
        vec![
            webhook("evt_d1", vec![dispute.clone()]),
            webhook("evt_d2", vec![dispute]),
        ],
    );
    assert_eq!(state.anomalies.len(), 1);
    assert_eq!(effects.len(), 1);
}

#[test]
fn invalid_inputs_and_states_are_typed_errors_and_change_nothing() {
    let err = apply_observation(
        &fresh(),
        webhook("evt_1", vec![seen("", PaymentProgress::Captured, AMOUNT)]),
    )
    .unwrap_err();
    assert_eq!(err.code(), "RECONCILE_INVALID_INPUT");

    let err = apply_observation(
        &fresh(),
        webhook("evt_1", vec![seen("pay_1", PaymentProgress::Captured, -1)]),
    )
    .unwrap_err();
    assert_eq!(err.code(), "RECONCILE_INVALID_INPUT");

    let err = apply(
        &PaymentState::new(ORDER, 0, "INR"),
        &ReconcileInput::callback(ORDER, "p"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "RECONCILE_INVALID_STATE");

    let err = apply(&fresh(), &ReconcileInput::callback(" ", "pay_1")).unwrap_err();
    assert_eq!(err.code(), "RECONCILE_INVALID_INPUT");
}

#[test]
fn totals_overflow_is_a_typed_error() {
    let mut state = fresh();
    for i in 0..10 {
        let (next, _) = run(
            state,
            vec![webhook(
                &format!("evt_{i}"),
                vec![seen(
                    &format!("pay_{i}"),
                    PaymentProgress::Captured,
                    MAX_AMOUNT,
                )],
            )],
        );
        state = next;
    }
    // Ten payments of 10^15 fit; forge a stored state whose totals cannot.
    for record in state.payments.values_mut() {
        record.amount_captured = i64::MAX / 4;
    }
    let err = apply(&state, &ReconcileInput::callback(ORDER, "pay_0")).unwrap_err();
    assert_eq!(
        err,
        ReconcileError::AmountOverflow {
            what: "amountPaid".into()
        }
    );
}

#[test]
fn stored_json_round_trips_and_is_canonical() {
    let (state, _) = run(
        fresh(),
        vec![
            webhook("evt_2", vec![captured("pay_1")]),
            webhook(
                "evt_1",
                vec![returned("rfnd_1", "pay_1", 5, RefundProgress::Pending)],
            ),
        ],
    );
    let json = state.to_json();
    assert_eq!(PaymentState::from_json(&json).unwrap(), state);
    assert!(json.contains(r#""appliedEventIds":["evt_1","evt_2"]"#));
    assert!(json.contains(r#""status":"PARTIALLY_REFUNDED""#));
}

#[test]
fn apply_json_speaks_camel_case_and_typed_errors() {
    let state = fresh().to_json();
    let input = r#"{"type":"callback","razorpayOrderId":"order_DESlLckIVRkHWj","razorpayPaymentId":"pay_1"}"#;
    let outcome: serde_json::Value =
        serde_json::from_str(&apply_json(&state, input).unwrap()).unwrap();
    assert_eq!(outcome["changed"], true);
    assert_eq!(outcome["duplicate"], false);
    assert_eq!(outcome["newAnomalies"], serde_json::json!([]));
    assert_eq!(outcome["state"]["status"], "AUTHORIZED");
    assert_eq!(
        outcome["state"]["payments"]["pay_1"]["verifiedByCallback"],
        true
    );

    let err = apply_json("{", input).unwrap_err();
    assert_eq!(err.code(), "RECONCILE_INVALID_JSON");
    let err = apply_json(&state, r#"{"type":"callback"}"#).unwrap_err();
    assert_eq!(err.code(), "RECONCILE_INVALID_JSON");
    let err = apply_json(&state, r#"{"type":"abandoned","at":"soon"}"#).unwrap_err();
    assert_eq!(err.code(), "RECONCILE_INVALID_JSON");
}

#[test]
fn partial_payments_add_up_without_anomalies() {
    let state = fresh().partial_payment(true);
    let part = |id: &str, amount| seen(id, PaymentProgress::Captured, amount);
    let first = step(&state, webhook("evt_1", vec![part("pay_1", 20_000)]));
    assert!(first.new_anomalies.is_empty());
    assert_eq!(first.state.amount_paid, 20_000);
    assert_eq!(first.state.status, PaymentOrderStatus::AwaitingPayment);
    let rest = step(&first.state, webhook("evt_2", vec![part("pay_2", 30_000)]));
    assert!(rest.new_anomalies.is_empty());
    assert_eq!(rest.state.status, PaymentOrderStatus::Paid);
    assert_eq!(rest.effects, vec![mark_paid(), received()]);
    // A payment above the order's amount is still an anomaly.
    let big = step(&state, webhook("evt_3", vec![part("pay_3", AMOUNT + 1)]));
    assert!(big.new_anomalies.contains(&Anomaly::PaymentAmountMismatch {
        payment_id: "pay_3".into(),
        amount: AMOUNT + 1
    }));
}

/// The README shows a stored state; it must be exactly what `apply` produces.
#[test]
fn readme_state_is_what_apply_produces() {
    let payment = |status: &str, refunded: i64| {
        serde_json::json!({
            "id": "pay_DESlfW9H8K9uqM", "entity": "payment", "amount": 50_000, "currency": "INR",
            "status": status, "order_id": ORDER, "captured": true, "amount_refunded": refunded,
            "error_code": null, "notes": []
        })
    };
    let inputs = [
        serde_json::json!({
            "type": "callback", "razorpayOrderId": ORDER, "razorpayPaymentId": "pay_DESlfW9H8K9uqM"
        }),
        serde_json::json!({"type": "webhook", "eventId": "evt_Ns1mQ0xGwbVxJ2", "event": {
            "entity": "event", "event": "order.paid", "contains": ["payment", "order"],
            "payload": {
                "payment": {"entity": payment("captured", 0)},
                "order": {"entity": {
                    "id": ORDER, "entity": "order", "amount": 50_000, "amount_paid": 50_000,
                    "amount_due": 0, "currency": "INR", "status": "paid"
                }}
            }
        }}),
        serde_json::json!({"type": "webhook", "eventId": "evt_Ns1nA7pQkT3hL9", "event": {
            "entity": "event", "event": "refund.processed", "contains": ["refund", "payment"],
            "payload": {
                "refund": {"entity": {
                    "id": "rfnd_FS8TWyPrCsa0OB", "entity": "refund", "amount": 20_000,
                    "currency": "INR", "payment_id": "pay_DESlfW9H8K9uqM", "status": "processed"
                }},
                "payment": {"entity": payment("captured", 20_000)}
            }
        }}),
    ];
    let mut state = fresh();
    for input in inputs {
        let input = ReconcileInput::from_json(&input.to_string()).unwrap();
        state = apply(&state, &input).unwrap().state;
    }
    let readme = include_str!("../../README.md");
    let start = readme.find("### The stored state").expect("README section");
    let json_start = start + readme[start..].find("```json\n").expect("json block") + 8;
    let json_end = json_start + readme[json_start..].find("```").expect("block end");
    let shown: PaymentState = serde_json::from_str(&readme[json_start..json_end]).unwrap();
    assert_eq!(shown, state);
}
