//! The semilattice laws, on arbitrary (also contradictory, also foreign) facts: applying any
//! multiset of observations in any order gives the same state and the same effects, each once,
//! and milestones only ever grow. The realistic end-to-end version of this property, on
//! Razorpay-shaped inputs, is `tests/reconcile_convergence.rs`.

use proptest::prelude::*;

use super::fact::{Fact, Observation, OrderFact, PaymentFact, RefundFact};
use super::*;
use crate::reconcile::apply::apply_observation;

const ORDER: &str = "order_1";
const AMOUNT: i64 = 50_000;

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(AMOUNT),
        Just(20_000),
        Just(30_000),
        Just(60_000),
        Just(0)
    ]
}

fn currency() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        4 => Just(Some("INR".to_owned())),
        1 => Just(Some("USD".to_owned())),
        1 => Just(None),
    ]
}

fn order_id() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        6 => Just(Some(ORDER.to_owned())),
        1 => Just(Some("order_2".to_owned())),
        1 => Just(None),
    ]
}

fn payment_id() -> impl Strategy<Value = String> {
    prop_oneof![Just("pay_1".to_owned()), Just("pay_2".to_owned())]
}

fn payment_progress() -> impl Strategy<Value = PaymentProgress> {
    prop_oneof![
        Just(PaymentProgress::Created),
        Just(PaymentProgress::Failed),
        Just(PaymentProgress::Authorized),
        Just(PaymentProgress::Captured),
        Just(PaymentProgress::Refunded),
    ]
}

fn refund_progress() -> impl Strategy<Value = RefundProgress> {
    prop_oneof![
        Just(RefundProgress::Pending),
        Just(RefundProgress::Failed),
        Just(RefundProgress::Processed),
    ]
}

fn payment_fact() -> impl Strategy<Value = Fact> {
    (
        payment_id(),
        order_id(),
        payment_progress(),
        prop::option::of(amount()),
        currency(),
        any::<bool>(),
        prop::option::of(amount()),
        prop::option::of(prop_oneof![
            Just("BAD_REQUEST_ERROR"),
            Just("GATEWAY_ERROR")
        ]),
        any::<bool>(),
    )
        .prop_map(
            |(payment_id, order_id, progress, amount, currency, captured, refunded, error, cb)| {
                Fact::Payment(PaymentFact {
                    payment_id,
                    order_id,
                    progress,
                    amount,
                    currency,
                    captured,
                    amount_refunded: refunded,
                    error_code: error.map(str::to_owned),
                    via_callback: cb,
                })
            },
        )
}

fn refund_fact() -> impl Strategy<Value = Fact> {
    (
        prop_oneof![Just("rfnd_1"), Just("rfnd_2"), Just("rfnd_3")],
        payment_id(),
        prop::option::of(order_id()),
        amount(),
        currency(),
        refund_progress(),
        prop::option::of(amount()),
    )
        .prop_map(
            |(id, payment_id, order_id, amount, currency, progress, payment_amount)| {
                Fact::Refund(RefundFact {
                    refund_id: id.to_owned(),
                    payment_id,
                    order_id,
                    amount,
                    currency,
                    progress,
                    payment_amount,
                })
            },
        )
}

fn order_fact() -> impl Strategy<Value = Fact> {
    (
        prop_oneof![4 => Just(ORDER), 1 => Just("order_2")],
        prop::option::of(amount()),
        currency(),
        prop::option::of(amount()),
        prop_oneof![
            Just(OrderProgress::Created),
            Just(OrderProgress::Attempted),
            Just(OrderProgress::Paid)
        ],
    )
        .prop_map(|(id, amount, currency, amount_paid, progress)| {
            Fact::Order(OrderFact {
                order_id: id.to_owned(),
                amount,
                currency,
                amount_paid,
                progress,
            })
        })
}

fn fact() -> impl Strategy<Value = Fact> {
    prop_oneof![
        6 => payment_fact(),
        4 => refund_fact(),
        2 => order_fact(),
        1 => (payment_id(), prop::option::of(order_id())).prop_map(|(payment_id, order_id)| {
            Fact::Dispute { dispute_id: "disp_1".into(), payment_id, order_id }
        }),
        1 => (0i64..3).prop_map(|at| Fact::Abandoned { at }),
        1 => Just(Fact::Ignored { event_id: "evt_x".into(), event: "some.event".into() }),
    ]
}

/// Observations with unique event ids (an event id names one event), or none.
fn observations() -> impl Strategy<Value = Vec<Observation>> {
    prop::collection::vec((any::<bool>(), prop::collection::vec(fact(), 1..=3)), 1..=6).prop_map(
        |items| {
            items
                .into_iter()
                .enumerate()
                .map(|(i, (webhook, facts))| Observation {
                    event_id: webhook.then(|| format!("evt_{i}")),
                    facts,
                })
                .collect()
        },
    )
}

/// Observations, an arrangement of them (every one at least once, some repeated, shuffled),
/// and the state's options (manual capture, partial payments).
fn arranged() -> impl Strategy<Value = (Vec<Observation>, Vec<usize>, [bool; 2])> {
    (observations(), any::<[bool; 2]>()).prop_flat_map(|(observations, options)| {
        let n = observations.len();
        prop::collection::vec(0..n, 0..=n).prop_flat_map(move |repeats| {
            let order: Vec<usize> = (0..n).chain(repeats).collect();
            (
                Just(observations.clone()),
                Just(order).prop_shuffle(),
                Just(options),
            )
        })
    })
}

fn run(
    observations: &[Observation],
    order: &[usize],
    [manual, partial]: [bool; 2],
) -> Result<(PaymentState, Vec<Effect>), TestCaseError> {
    let mode = if manual {
        CaptureMode::Manual
    } else {
        CaptureMode::Automatic
    };
    let mut state = PaymentState::new(ORDER, AMOUNT, "INR")
        .capture_mode(mode)
        .partial_payment(partial);
    let mut effects = Vec::new();
    for &i in order {
        let outcome = apply_observation(&state, observations[i].clone())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(outcome.state.milestones.is_superset(&state.milestones));
        prop_assert!(outcome.state.anomalies.is_superset(&state.anomalies));
        effects.extend(outcome.effects);
        state = outcome.state;
    }
    effects.sort();
    Ok((state, effects))
}

proptest! {
    #[test]
    fn any_order_and_repetition_gives_one_state_and_effects_once(
        (observations, order, options) in arranged()
    ) {
        let canonical: Vec<usize> = (0..observations.len()).collect();
        let (reference, reference_effects) = run(&observations, &canonical, options)?;
        let (state, effects) = run(&observations, &order, options)?;
        prop_assert_eq!(state.to_json(), reference.to_json());
        prop_assert_eq!(&effects, &reference_effects);
        let mut unique = effects.clone();
        unique.dedup();
        prop_assert_eq!(unique.len(), effects.len(), "an effect was emitted twice");
    }
}
