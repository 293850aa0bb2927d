//! Payment reconciliation: one order state from callbacks, webhooks and fetched objects, in
//! any order.
//!
//! The browser may never post the checkout callback; Razorpay delivers webhooks at least once,
//! possibly twice and out of order (`payment.captured` before `payment.authorized`, a
//! `payment.failed` followed by a late authorization). [`apply`] folds each verified input into
//! a [`PaymentState`] that the application stores as JSON next to its order row, and returns
//! the [`Effect`]s to carry out. It is pure: no I/O, no clock (time comes in as input).
//!
//! # The derived order status
//!
//! ```text
//!  AWAITING_PAYMENT ───────── payment.failed ─────────▶ FAILED
//!         │                                               │  another attempt, or a late
//!         │ callback /                                    │  authorization of the same
//!         │ payment.authorized                            │  payment
//!         ▼                                               │
//!     AUTHORIZED ◀──── callback / payment.authorized ─────┤
//!         │                                               │
//!         │ payment.captured / order.paid                 │ payment.captured / order.paid
//!         │ (captured amount reaches the order's amount)  │
//!         ▼                                               │
//!       PAID ◀────────────────────────────────────────────┘
//!         │ refund created (pending or processed)
//!         ▼
//!  PARTIALLY_REFUNDED ──── refunds reach the paid amount ────▶ REFUNDED
//!  (a refund of everything goes from PAID straight to REFUNDED)
//! ```
//!
//! Inputs may skip states (a `payment.captured` that arrives first goes straight from
//! AWAITING_PAYMENT to PAID). FAILED only means that nothing has succeeded *yet*. Once paid,
//! an order never returns to AWAITING_PAYMENT, AUTHORIZED or FAILED, whatever arrives later:
//! the captured amount only grows. Among the paid statuses only refund bookkeeping moves it (a
//! pending refund that fails takes PARTIALLY_REFUNDED back to PAID).
//!
//! # Why the order of inputs does not matter
//!
//! The state is a *join-semilattice* and [`apply`] joins each input into it:
//! - each payment's progress is a lattice `created < failed < authorized < captured < refunded`
//!   merged with `max` (captured stays captured; failed may become authorized or captured);
//! - refunds are keyed by refund id, their progress `pending < failed < processed` merged with
//!   `max`, so a refund counts once however often it is reported (failed refunds don't count);
//! - amounts merge with `max` (or `min` for the authorized amount), flags with `or`, event ids,
//!   anomalies and milestones with set union; every collection is ordered, so equal states are
//!   byte-identical JSON.
//!
//! Totals and the status are recomputed from those merged values, so they depend only on the
//! set of inputs. Effects come from **milestones**: monotone predicates of the merged state
//! ("the captured amount reached the order's amount", "refund `rfnd_…` is processed"). A
//! monotone predicate, once true, stays true; so the milestones reached after all inputs are
//! the same in every ordering, and because each is recorded in
//! [`PaymentState::milestones`] when first reached, its effects are emitted exactly once.
//! Anomalies work the same way (each is flagged once).
//!
//! # Bounded under replays
//!
//! `x-razorpay-event-id` is not signed, so a webhook is deduplicated on its id *and* on a
//! digest of what it says: replaying one signed body under fresh ids is `duplicate: true` and
//! merges nothing. Event ids (at most [`MAX_EVENT_ID_BYTES`] bytes each), digests and ignored
//! events are each capped at [`MAX_REMEMBERED_EVENTS`] entries (the smallest are kept, which is
//! still a join, so convergence holds). Whatever is replayed, ids and digests hold at most
//! 128 × (128 + 32) bytes = 20 KiB, plus at most 128 ignored events, and `apply` costs stay
//! flat.
//!
//! # Stock release versus a late success
//!
//! Releasing stock on `payment.failed` would be wrong: Razorpay documents late authorizations
//! and the customer may retry on the same order. It would also break convergence, since "failed
//! and not paid" is not monotone. So stock is released only on the application's explicit
//! terminal signal, [`ReconcileInput::Abandoned`] (its checkout timer fired; time as input).
//! If money arrives as well, in whatever order, the state also records
//! [`Anomaly::PaidAfterStockRelease`]: the compensating effect is a
//! [`Effect::FlagForReview`] (re-reserve the stock or refund). Every ordering of
//! `{abandoned, paid}` yields the same effects: release the stock, mark paid and notify the
//! customer, flag for review. The convergence property test checks exactly this.
//!
//! # Example
//!
//! ```
//! use razorpay_core::reconcile::{apply, Effect, PaymentOrderStatus, PaymentState, ReconcileInput};
//!
//! let state = PaymentState::new("order_DESlLckIVRkHWj", 50_000, "INR");
//! let callback = ReconcileInput::callback("order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM");
//! let outcome = apply(&state, &callback).unwrap();
//! assert_eq!(outcome.state.status(), PaymentOrderStatus::Authorized);
//!
//! let abandoned = apply(&outcome.state, &ReconcileInput::Abandoned { at: 1_700_000_000 }).unwrap();
//! assert_eq!(
//!     abandoned.effects,
//!     vec![Effect::ReleaseReservedStock { razorpay_order_id: "order_DESlLckIVRkHWj".into() }]
//! );
//! ```

mod adapt;
mod anomaly;
mod apply;
mod derive;
mod effect;
mod error;
mod fact;
mod input;
mod merge;
mod remember;
mod state;
mod status;

pub use anomaly::Anomaly;
pub use apply::{Outcome, apply, apply_json};
pub use effect::{Effect, Milestone, Notification};
pub use error::ReconcileError;
pub use input::ReconcileInput;
pub use remember::{MAX_EVENT_ID_BYTES, MAX_REMEMBERED_EVENTS};
pub use state::{
    IgnoredEvent, MAX_AMOUNT, PaymentRecord, PaymentState, RazorpayOrderRecord, RefundRecord,
};
pub use status::{CaptureMode, OrderProgress, PaymentOrderStatus, PaymentProgress, RefundProgress};

#[cfg(test)]
mod laws;
#[cfg(test)]
mod tests;
