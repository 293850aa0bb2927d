//! Convergence of payment reconciliation: every ordering, with any repetitions, of a realistic
//! set of inputs (callbacks, Razorpay-shaped webhooks, fetched objects, abandonment) yields the
//! same final state, byte for byte, and the same effects, each exactly once. The expected
//! effects and totals are computed independently from the story, not from a reference run.
//!
//! Runs at least 10 000 cases (more if `PROPTEST_CASES` asks for more), whatever the default
//! the CI script sets for other property tests.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use razorpay_core::reconcile::{
    Anomaly, CaptureMode, Effect, Notification, PaymentOrderStatus, PaymentState, ReconcileInput,
    apply,
};
use serde_json::{Value, json};

const ORDER: &str = "order_DESlLckIVRkHWj";
const AMOUNT: i64 = 50_000;

/// At least 10 000 cases; `PROPTEST_CASES` may raise it.
fn cases() -> u32 {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok());
    asked.unwrap_or(0).max(10_000)
}

/// How the first successful payment comes about.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// authorized → captured → order.paid.
    Success,
    /// payment.failed, then a late authorization and capture of the *same* payment.
    FailThenLateSuccess,
    /// A failed payment, then the customer pays with a second payment.
    FailThenRetry,
    /// Only a failed payment.
    NeverPays,
}

#[derive(Debug, Clone)]
struct Plan {
    kind: Kind,
    manual: bool,
    callback: bool,
    /// A second payment captured on the same order (overpayment).
    second_payment: bool,
    /// Refunds of the successful payment: (amount, fails).
    refunds: Vec<(i64, bool)>,
    abandoned: bool,
    fetched: bool,
    noise: bool,
}

/// A plan turned into inputs, plus what must come out.
#[derive(Debug, Clone)]
struct Story {
    plan: Plan,
    /// Shared, so that cloning a story (proptest does) copies no webhook.
    inputs: Vec<Rc<ReconcileInput>>,
}

fn payment(id: &str, order: &str, status: &str, amount_refunded: i64) -> Value {
    let failed = status == "failed";
    let captured = matches!(status, "captured" | "refunded");
    json!({
        "id": id, "entity": "payment", "amount": AMOUNT, "currency": "INR", "status": status,
        "order_id": order, "invoice_id": null, "international": false, "method": "upi",
        "amount_refunded": amount_refunded,
        "refund_status": if amount_refunded == 0 { Value::Null } else if amount_refunded >= AMOUNT { json!("full") } else { json!("partial") },
        "captured": captured, "description": null, "card_id": null, "bank": null,
        "wallet": null, "vpa": "gaurav.kumar@exampleupi", "email": "gaurav.kumar@example.com",
        "contact": "+919876543210", "notes": [],
        "fee": if captured { json!(1180) } else { Value::Null },
        "tax": if captured { json!(180) } else { Value::Null },
        "error_code": if failed { json!("BAD_REQUEST_ERROR") } else { Value::Null },
        "error_description": if failed { json!("Payment failed") } else { Value::Null },
        "error_source": if failed { json!("customer") } else { Value::Null },
        "error_step": if failed { json!("payment_authorization") } else { Value::Null },
        "error_reason": if failed { json!("payment_cancelled") } else { Value::Null },
        "acquirer_data": { "rrn": "0125836177" }, "created_at": 1_567_674_599
    })
}

fn order(amount_paid: i64) -> Value {
    json!({
        "id": ORDER, "entity": "order", "amount": AMOUNT, "amount_paid": amount_paid,
        "amount_due": AMOUNT - amount_paid.min(AMOUNT), "currency": "INR",
        "receipt": "rcptid #1", "offer_id": null,
        "status": if amount_paid > 0 { "paid" } else { "attempted" },
        "attempts": 1, "notes": [], "created_at": 1_567_674_581
    })
}

fn refund(id: &str, payment_id: &str, amount: i64, status: &str) -> Value {
    json!({
        "id": id, "entity": "refund", "amount": amount, "currency": "INR",
        "payment_id": payment_id, "notes": {}, "receipt": null, "acquirer_data": { "arn": null },
        "created_at": 1_597_734_071, "batch_id": null, "status": status,
        "speed_processed": "normal", "speed_requested": "optimum"
    })
}

fn input(value: Value) -> ReconcileInput {
    serde_json::from_value(value).expect("a well-formed reconcile input")
}

thread_local! {
    /// Parsed inputs by a key naming everything they are built from: parsing the typed model
    /// is the slow part of a case in debug builds, and stories share most of their inputs.
    static PARSED: RefCell<HashMap<String, Rc<ReconcileInput>>> = RefCell::new(HashMap::new());
}

/// `build()` parsed once per `key`.
fn cached(key: String, build: impl FnOnce() -> ReconcileInput) -> Rc<ReconcileInput> {
    if let Some(hit) = PARSED.with(|cache| cache.borrow().get(&key).cloned()) {
        return hit;
    }
    let built = Rc::new(build());
    PARSED.with(|cache| cache.borrow_mut().insert(key, Rc::clone(&built)));
    built
}

/// A webhook input with a Razorpay envelope; `entities` are (name, entity) pairs and `key`
/// names them uniquely.
fn webhook(
    event_id: &str,
    event: &str,
    key: &str,
    entities: impl FnOnce() -> Vec<(&'static str, Value)>,
) -> Rc<ReconcileInput> {
    cached(format!("{event_id}|{event}|{key}"), || {
        let entities = entities();
        let mut payload = serde_json::Map::new();
        for (name, entity) in &entities {
            payload.insert((*name).to_owned(), json!({ "entity": entity }));
        }
        let contains: Vec<&str> = entities.iter().map(|(name, _)| *name).collect();
        input(json!({
            "type": "webhook",
            "eventId": event_id,
            "event": {
                "entity": "event", "account_id": "acc_BFQ7uQEaa7j2z7", "event": event,
                "contains": contains, "payload": payload, "created_at": 1_567_674_606
            }
        }))
    })
}

impl Plan {
    fn pays(&self) -> bool {
        !matches!(self.kind, Kind::NeverPays)
    }

    /// The id of the payment that succeeds (if any).
    fn winner(&self) -> &'static str {
        match self.kind {
            Kind::FailThenRetry => "pay_Retry000000001",
            _ => "pay_First000000001",
        }
    }

    fn story(self) -> Story {
        let mut inputs = Vec::new();
        let mut next_event = 0;
        let mut event_id = || {
            next_event += 1;
            format!("evt_{next_event:014}")
        };
        let first = "pay_First000000001";
        if !matches!(self.kind, Kind::Success) {
            inputs.push(webhook(&event_id(), "payment.failed", first, || {
                vec![("payment", payment(first, ORDER, "failed", 0))]
            }));
        }
        if self.pays() {
            let win = self.winner();
            if self.callback {
                inputs.push(Rc::new(ReconcileInput::callback(ORDER, win)));
            }
            inputs.push(webhook(&event_id(), "payment.authorized", win, || {
                vec![("payment", payment(win, ORDER, "authorized", 0))]
            }));
            inputs.push(webhook(&event_id(), "payment.captured", win, || {
                vec![("payment", payment(win, ORDER, "captured", 0))]
            }));
            inputs.push(webhook(&event_id(), "order.paid", win, || {
                vec![
                    ("payment", payment(win, ORDER, "captured", 0)),
                    ("order", order(AMOUNT)),
                ]
            }));
            let mut refunded = 0;
            for (i, (amount, fails)) in self.refunds.iter().enumerate() {
                let id = format!("rfnd_{i:014}");
                let before = refunded;
                let key = format!("{id}|{win}|{amount}|{before}");
                inputs.push(webhook(&event_id(), "refund.created", &key, || {
                    vec![
                        ("refund", refund(&id, win, *amount, "pending")),
                        ("payment", payment(win, ORDER, "captured", before)),
                    ]
                }));
                if !fails {
                    refunded += amount;
                }
                let status = if refunded >= AMOUNT {
                    "refunded"
                } else {
                    "captured"
                };
                let (event, refund_status) = if *fails {
                    ("refund.failed", "failed")
                } else {
                    ("refund.processed", "processed")
                };
                let key = format!("{id}|{win}|{amount}|{refunded}");
                inputs.push(webhook(&event_id(), event, &key, || {
                    vec![
                        ("refund", refund(&id, win, *amount, refund_status)),
                        ("payment", payment(win, ORDER, status, refunded)),
                    ]
                }));
            }
            if self.fetched {
                let status = if refunded >= AMOUNT {
                    "refunded"
                } else {
                    "captured"
                };
                inputs.push(cached(format!("fetched|{win}|{refunded}"), || {
                    input(json!({
                        "type": "fetchedPayment", "payment": payment(win, ORDER, status, refunded)
                    }))
                }));
                inputs.push(cached("order|paid".into(), || {
                    input(json!({ "type": "fetchedOrder", "order": order(AMOUNT) }))
                }));
            }
        } else if self.fetched {
            inputs.push(cached("fetched|failed".into(), || {
                input(json!({
                    "type": "fetchedPayment", "payment": payment(first, ORDER, "failed", 0)
                }))
            }));
            inputs.push(cached("order|attempted".into(), || {
                input(json!({ "type": "fetchedOrder", "order": order(0) }))
            }));
        }
        if self.second_payment {
            let second = "pay_Second00000001";
            inputs.push(webhook(&event_id(), "payment.authorized", second, || {
                vec![("payment", payment(second, ORDER, "authorized", 0))]
            }));
            inputs.push(webhook(&event_id(), "payment.captured", second, || {
                vec![("payment", payment(second, ORDER, "captured", 0))]
            }));
        }
        if self.abandoned {
            inputs.push(Rc::new(ReconcileInput::Abandoned { at: 1_567_675_000 }));
        }
        if self.noise {
            inputs.push(webhook(&event_id(), "payment.captured", "foreign", || {
                let foreign = payment("pay_Foreign0000001", "order_Other000000001", "captured", 0);
                vec![("payment", foreign)]
            }));
            inputs.push(webhook(
                &event_id(),
                "payment.downtime.started",
                "",
                Vec::new,
            ));
            inputs.push(webhook(&event_id(), "some.future.event", "", Vec::new));
        }
        Story { plan: self, inputs }
    }

    /// Every effect the story must produce, computed from the plan alone.
    fn expected_effects(&self) -> Vec<Effect> {
        let flag = |anomaly| Effect::FlagForReview { anomaly };
        let mut effects = Vec::new();
        let paid = self.pays() || self.second_payment;
        if paid {
            effects.push(Effect::MarkOrderPaid {
                razorpay_order_id: ORDER.into(),
                amount: AMOUNT,
                currency: "INR".into(),
            });
            effects.push(Effect::NotifyCustomer {
                notification: Notification::PaymentReceived,
            });
        }
        if self.manual {
            let mut authorized = Vec::new();
            if self.pays() {
                authorized.push(self.winner());
            }
            if self.second_payment {
                authorized.push("pay_Second00000001");
            }
            for payment_id in authorized {
                effects.push(Effect::CapturePayment {
                    payment_id: payment_id.into(),
                    amount: AMOUNT,
                    currency: "INR".into(),
                });
            }
        }
        if self.pays() {
            for (i, (_, fails)) in self.refunds.iter().enumerate() {
                let refund_id = format!("rfnd_{i:014}");
                effects.push(if *fails {
                    flag(Anomaly::RefundFailed { refund_id })
                } else {
                    Effect::NotifyCustomer {
                        notification: Notification::RefundProcessed { refund_id },
                    }
                });
            }
        }
        if self.pays() && self.second_payment {
            effects.push(flag(Anomaly::Overpaid));
        }
        if self.abandoned {
            effects.push(Effect::ReleaseReservedStock {
                razorpay_order_id: ORDER.into(),
            });
            if paid {
                effects.push(flag(Anomaly::PaidAfterStockRelease));
            }
        }
        if self.noise {
            effects.push(flag(Anomaly::PaymentForOtherOrder {
                payment_id: "pay_Foreign0000001".into(),
                order_id: Some("order_Other000000001".into()),
            }));
        }
        effects.sort();
        effects
    }

    fn expected_totals(&self) -> (PaymentOrderStatus, i64, i64) {
        let payments = i64::from(self.pays()) + i64::from(self.second_payment);
        let paid = payments * AMOUNT;
        let refunded: i64 = if self.pays() {
            self.refunds
                .iter()
                .filter(|(_, fails)| !fails)
                .map(|(a, _)| a)
                .sum()
        } else {
            0
        };
        let status = if paid == 0 {
            PaymentOrderStatus::Failed
        } else if refunded == 0 {
            PaymentOrderStatus::Paid
        } else if refunded >= paid {
            PaymentOrderStatus::Refunded
        } else {
            PaymentOrderStatus::PartiallyRefunded
        };
        (status, paid, refunded)
    }
}

/// Refunds that split the order's amount (partial, then possibly full), some failing. Amounts
/// are tenths of the order's amount, so that stories share (cached) inputs.
fn refunds() -> impl Strategy<Value = Vec<(i64, bool)>> {
    let tenths = || (1i64..10).prop_map(|n| n * AMOUNT / 10);
    (
        0usize..=3,
        tenths(),
        tenths(),
        any::<[bool; 3]>(),
        any::<bool>(),
    )
        .prop_map(|(count, a, b, fails, complete)| {
            let (low, high) = (a.min(b), a.max(b));
            let parts = match count {
                0 => vec![],
                1 => vec![if complete { AMOUNT } else { low }],
                2 => vec![low, if complete { AMOUNT - low } else { high - low }],
                _ => vec![low, high - low, if complete { AMOUNT - high } else { 1 }],
            };
            parts
                .into_iter()
                .filter(|amount| *amount > 0)
                .enumerate()
                .map(|(i, amount)| (amount, fails[i]))
                .collect()
        })
}

fn plans() -> impl Strategy<Value = Plan> {
    let kind = prop_oneof![
        3 => Just(Kind::Success),
        2 => Just(Kind::FailThenLateSuccess),
        2 => Just(Kind::FailThenRetry),
        1 => Just(Kind::NeverPays),
    ];
    (
        kind,
        any::<[bool; 6]>(),
        prop::bool::weighted(0.2),
        refunds(),
    )
        .prop_map(|(kind, flags, second_payment, refunds)| Plan {
            kind,
            manual: flags[0],
            callback: flags[1],
            second_payment,
            refunds,
            abandoned: flags[2] && flags[3],
            fetched: flags[4],
            noise: flags[5],
        })
}

/// A story and an arrangement of it: every input at least once, some repeated, shuffled.
fn arranged() -> impl Strategy<Value = (Story, Vec<usize>)> {
    plans().prop_map(Plan::story).prop_flat_map(|story| {
        let n = story.inputs.len();
        prop::collection::vec(0..n, 0..=n).prop_flat_map(move |repeats| {
            let order: Vec<usize> = (0..n).chain(repeats).collect();
            (Just(story.clone()), Just(order).prop_shuffle())
        })
    })
}

fn fresh(plan: &Plan) -> PaymentState {
    let mode = if plan.manual {
        CaptureMode::Manual
    } else {
        CaptureMode::Automatic
    };
    PaymentState::new(ORDER, AMOUNT, "INR").capture_mode(mode)
}

/// Applies the inputs in `order`, checking per-step invariants; returns the final state and
/// all effects, sorted.
fn run(story: &Story, order: &[usize]) -> Result<(PaymentState, Vec<Effect>), TestCaseError> {
    let mut state = fresh(&story.plan);
    let mut effects = Vec::new();
    let mut seen = vec![false; story.inputs.len()];
    for &i in order {
        let outcome =
            apply(&state, &story.inputs[i]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if seen[i] {
            prop_assert!(!outcome.changed, "repeating input {i} changed the state");
            prop_assert!(
                outcome.effects.is_empty(),
                "repeating input {i} emitted effects"
            );
        }
        seen[i] = true;
        let was_paid = is_paid(state.status());
        prop_assert!(
            !was_paid || is_paid(outcome.state.status()),
            "a paid order fell back"
        );
        effects.extend(outcome.effects);
        state = outcome.state;
    }
    effects.sort();
    Ok((state, effects))
}

fn is_paid(status: PaymentOrderStatus) -> bool {
    matches!(
        status,
        PaymentOrderStatus::Paid
            | PaymentOrderStatus::PartiallyRefunded
            | PaymentOrderStatus::Refunded
    )
}

/// The property, for one story and one arrangement of its inputs.
fn check(story: &Story, order: &[usize]) -> Result<(), TestCaseError> {
    let canonical: Vec<usize> = (0..story.inputs.len()).collect();
    let (reference, reference_effects) = run(story, &canonical)?;
    let (state, effects) = run(story, order)?;

    // Same state, byte for byte.
    prop_assert_eq!(state.to_json(), reference.to_json());
    // Same effects, and exactly the ones the story calls for, each once.
    prop_assert_eq!(&effects, &reference_effects);
    prop_assert_eq!(&effects, &story.plan.expected_effects());
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for effect in &effects {
        *counts.entry(format!("{effect:?}")).or_default() += 1;
    }
    prop_assert!(
        counts.values().all(|n| *n == 1),
        "an effect was emitted twice: {counts:?}"
    );

    let (status, paid, refunded) = story.plan.expected_totals();
    prop_assert_eq!(state.status(), status);
    prop_assert_eq!(state.amount_paid(), paid);
    prop_assert_eq!(state.amount_refunded(), refunded);
    prop_assert_eq!(state.amount_refund_pending(), 0);
    // Every webhook was recorded once, whatever the repetitions.
    let webhooks = story
        .inputs
        .iter()
        .filter(|i| matches!(i.as_ref(), ReconcileInput::Webhook { .. }))
        .count();
    prop_assert_eq!(state.applied_event_ids.len(), webhooks);
    Ok(())
}

/// Driven by a `TestRunner` rather than the `proptest!` macro: the macro lets
/// `PROPTEST_CASES` override the configured count (the CI script sets 256 for the other
/// property tests), while this test must run at least 10 000 cases.
#[test]
fn every_ordering_converges_with_each_effect_once() {
    let config = ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let cases_run = std::cell::Cell::new(0u32);
    let result = runner.run(&arranged(), |(story, order)| {
        cases_run.set(cases_run.get() + 1);
        check(&story, &order)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    assert!(
        cases_run.get() >= 10_000,
        "only {} cases ran",
        cases_run.get()
    );
}
