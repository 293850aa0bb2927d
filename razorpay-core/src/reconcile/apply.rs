//! [`apply`]: one input in, the new state and the effects to carry out.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::fact::Observation;
use super::remember;
use super::{Anomaly, Effect, PaymentState, ReconcileError, ReconcileInput, derive, merge};

/// The result of [`apply`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The new state; store it in place of the old one (even when `changed` is false it is
    /// equal to the old one).
    pub state: PaymentState,
    /// Whether the state differs from the one passed in.
    pub changed: bool,
    /// The webhook was already applied: its event id, or another delivery of the same content
    /// (a replay under a fresh, unsigned event id). Nothing was merged and no effect emitted;
    /// for a replay under a fresh id only the (capped) id set may have changed.
    pub duplicate: bool,
    /// What to do now, each emitted once over the life of the state. Carry them out after the
    /// new state is stored (in the same transaction or an outbox), so that a crash cannot lose
    /// or repeat them.
    pub effects: Vec<Effect>,
    /// The anomalies first found by this input (also in `effects` as `FLAG_FOR_REVIEW` and in
    /// the state).
    pub new_anomalies: Vec<Anomaly>,
}

/// Applies one verified input to an order's payment state.
///
/// Pure: no I/O, no clock. The final state depends only on the *set* of inputs applied, not on
/// their order or repetition, and each effect is emitted exactly once over any ordering (see
/// the [module docs](super) for how).
///
/// ```
/// use razorpay_core::reconcile::{apply, PaymentOrderStatus, PaymentState, ReconcileInput};
///
/// let state = PaymentState::new("order_DESlLckIVRkHWj", 50_000, "INR");
/// // The browser posted the checkout callback and its signature verified.
/// let input = ReconcileInput::callback("order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM");
/// let outcome = apply(&state, &input).unwrap();
/// assert!(outcome.changed);
/// assert_eq!(outcome.state.status(), PaymentOrderStatus::Authorized);
/// // The same callback again changes nothing and emits nothing.
/// let again = apply(&outcome.state, &input).unwrap();
/// assert!(!again.changed && again.effects.is_empty());
/// ```
pub fn apply(state: &PaymentState, input: &ReconcileInput) -> Result<Outcome, ReconcileError> {
    apply_observation(state, input.observe()?)
}

/// [`apply`] over JSON, for bindings and for applications that keep the state as text: takes
/// the stored state and the input as JSON and returns the [`Outcome`] as JSON (camelCase).
///
/// ```
/// use razorpay_core::reconcile::apply_json;
///
/// let state = r#"{"razorpayOrderId":"order_DESlLckIVRkHWj","amount":50000,"currency":"INR"}"#;
/// let input = r#"{"type":"abandoned","at":1700000000}"#;
/// let outcome: serde_json::Value = serde_json::from_str(&apply_json(state, input)?).unwrap();
/// assert_eq!(outcome["changed"], true);
/// assert_eq!(outcome["effects"][0]["type"], "RELEASE_RESERVED_STOCK");
/// assert_eq!(outcome["state"]["abandonedAt"], 1700000000);
/// # Ok::<(), razorpay_core::reconcile::ReconcileError>(())
/// ```
pub fn apply_json(state_json: &str, input_json: &str) -> Result<String, ReconcileError> {
    let state = PaymentState::from_json(state_json)?;
    let input = ReconcileInput::from_json(input_json)?;
    let outcome = apply(&state, &input)?;
    Ok(serde_json::to_string(&outcome)?)
}

pub(crate) fn apply_observation(
    state: &PaymentState,
    observation: Observation,
) -> Result<Outcome, ReconcileError> {
    state.validate()?;
    merge::validate(&observation)?;

    let unchanged = || Outcome {
        state: state.clone(),
        changed: false,
        duplicate: true,
        effects: Vec::new(),
        new_anomalies: Vec::new(),
    };
    let mut next = state.clone();
    if let Some(event_id) = &observation.event_id {
        remember::check_event_id(event_id)?;
        if state.applied_event_ids.contains(event_id) {
            return Ok(unchanged());
        }
        let digest = remember::digest(&observation);
        next.applied_event_ids.insert(event_id.clone());
        if state.applied_event_digests.contains(&digest) {
            // Same content under a fresh id: its facts are already merged. The id is still
            // remembered (capped), so the state is the same in every order of arrival.
            remember::cap_all(&mut next);
            return Ok(Outcome {
                changed: next != *state,
                state: next,
                ..unchanged()
            });
        }
        next.applied_event_digests.insert(digest);
    }
    let mut found = BTreeSet::new();
    for fact in &observation.facts {
        merge::merge(&mut next, fact, &mut found);
    }
    remember::cap_all(&mut next);
    derive::recompute(&mut next)?;
    found.extend(derive::anomalies(&next));

    let new_anomalies: Vec<Anomaly> = found
        .into_iter()
        .filter(|a| !next.anomalies.contains(a))
        .collect();
    next.anomalies.extend(new_anomalies.iter().cloned());

    let mut effects = Vec::new();
    for milestone in derive::milestones(&next) {
        if next.milestones.contains(&milestone) {
            continue;
        }
        effects.extend(milestone.effects(&next.razorpay_order_id, next.amount, &next.currency));
        next.milestones.insert(milestone);
    }
    effects.extend(new_anomalies.iter().map(|anomaly| Effect::FlagForReview {
        anomaly: anomaly.clone(),
    }));

    Ok(Outcome {
        changed: next != *state,
        state: next,
        duplicate: false,
        effects,
        new_anomalies,
    })
}
