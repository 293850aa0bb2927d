//! What the state remembers about applied webhooks, and the bound on it.
//!
//! `x-razorpay-event-id` is not covered by the signature: anyone holding one genuinely signed
//! body can replay it with fresh ids. So a webhook is also recognised by a digest of what it
//! *says* (its normalized facts, event id left out), and every remembered set is capped.
//!
//! The caps keep the [`MAX_REMEMBERED_EVENTS`] smallest entries. "The n smallest of a union" is
//! itself a join (commutative, associative, idempotent), so a capped state is still the same
//! whatever the order of inputs. Forgetting is safe: merging a fact twice changes nothing and
//! effects come from milestones, so an evicted id or digest can only turn a later redelivery
//! from `duplicate: true` into a no-op apply, never into a second effect.

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use super::fact::{Fact, Observation};
use super::{PaymentState, ReconcileError};

/// Most event ids, event digests and ignored events a state keeps (each set). An order sees a
/// handful of distinct webhooks (authorized, captured, order.paid, a few refunds), far fewer.
pub const MAX_REMEMBERED_EVENTS: usize = 128;

/// Longest accepted `x-razorpay-event-id`, in bytes (Razorpay's are `evt_` and 14 characters).
pub const MAX_EVENT_ID_BYTES: usize = 128;

/// Rejects an event id that could not be Razorpay's and would bloat the state.
pub(crate) fn check_event_id(event_id: &str) -> Result<(), ReconcileError> {
    if event_id.len() > MAX_EVENT_ID_BYTES {
        return Err(ReconcileError::input(
            "eventId",
            format!("is longer than {MAX_EVENT_ID_BYTES} bytes"),
        ));
    }
    Ok(())
}

/// A digest of what the observation says: SHA-256 (first 128 bits, hex) of its facts with
/// the event id left out. Two deliveries of one signed body have the same digest whatever
/// `x-razorpay-event-id` they carry.
pub(crate) fn digest(observation: &Observation) -> String {
    let mut hasher = Sha256::new();
    for fact in &observation.facts {
        // The event id is inside an ignored fact; blank it so only the content counts.
        let fact = match fact {
            Fact::Ignored { event, .. } => Fact::Ignored {
                event_id: String::new(),
                event: event.clone(),
            },
            other => other.clone(),
        };
        // `Debug` of these plain structs is a deterministic rendering (strings are quoted and
        // escaped); a rendering change between versions only costs a missed duplicate.
        hasher.update(format!("{fact:?}\n").as_bytes());
    }
    hex::encode(&hasher.finalize()[..16])
}

/// Keeps the `MAX_REMEMBERED_EVENTS` smallest entries of `set`.
pub(crate) fn cap<T: Ord>(set: &mut BTreeSet<T>) {
    while set.len() > MAX_REMEMBERED_EVENTS {
        set.pop_last();
    }
}

/// Caps every remembered set of the state.
pub(crate) fn cap_all(state: &mut PaymentState) {
    cap(&mut state.applied_event_ids);
    cap(&mut state.applied_event_digests);
    cap(&mut state.ignored_events);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::fact::PaymentFact;
    use crate::reconcile::{PaymentProgress, apply::apply_observation};

    fn captured(event_id: &str) -> Observation {
        Observation {
            event_id: Some(event_id.into()),
            facts: vec![Fact::Payment(PaymentFact {
                payment_id: "pay_1".into(),
                order_id: Some("order_1".into()),
                progress: PaymentProgress::Captured,
                amount: Some(100),
                currency: Some("INR".into()),
                captured: true,
                amount_refunded: None,
                error_code: None,
                via_callback: false,
            })],
        }
    }

    #[test]
    fn digest_ignores_the_event_id_only() {
        assert_eq!(digest(&captured("evt_1")), digest(&captured("evt_2")));
        let ignored = |id: &str, event: &str| Observation {
            event_id: Some(id.into()),
            facts: vec![Fact::Ignored {
                event_id: id.into(),
                event: event.into(),
            }],
        };
        assert_eq!(
            digest(&ignored("evt_1", "a.b")),
            digest(&ignored("evt_2", "a.b"))
        );
        assert_ne!(
            digest(&ignored("evt_1", "a.b")),
            digest(&ignored("evt_1", "a.c"))
        );
        assert_ne!(digest(&captured("evt_1")), digest(&ignored("evt_1", "a.b")));
        assert_eq!(digest(&captured("evt_1")).len(), 32);
    }

    #[test]
    fn caps_keep_the_smallest_entries() {
        let mut set: BTreeSet<u32> = (0..1_000).rev().collect();
        cap(&mut set);
        assert_eq!(set.len(), MAX_REMEMBERED_EVENTS);
        assert_eq!(set.last(), Some(&(MAX_REMEMBERED_EVENTS as u32 - 1)));
    }

    #[test]
    fn replays_with_fresh_ids_are_duplicates_and_stay_bounded() {
        let mut state = PaymentState::new("order_1", 100, "INR");
        let first = apply_observation(&state, captured("evt_first")).expect("applies");
        assert!(!first.duplicate && !first.effects.is_empty());
        state = first.state;
        for i in 0..600 {
            let outcome =
                apply_observation(&state, captured(&format!("evt_{i:014}"))).expect("applies");
            assert!(outcome.duplicate, "replay {i} not recognised");
            assert!(outcome.effects.is_empty());
            state = outcome.state;
        }
        assert_eq!(state.applied_event_digests.len(), 1);
        assert_eq!(state.applied_event_ids.len(), MAX_REMEMBERED_EVENTS);
    }

    #[test]
    fn overlong_event_ids_are_refused() {
        let state = PaymentState::new("order_1", 100, "INR");
        let error = apply_observation(&state, captured(&"e".repeat(MAX_EVENT_ID_BYTES + 1)))
            .expect_err("refused");
        assert_eq!(error.code(), "RECONCILE_INVALID_INPUT");
    }
}
