//! [`PaymentState`]: what the application stores as JSON next to its own order row.
//!
//! The state has two kinds of fields:
//! - *merged* fields (payments, refunds, Razorpay's order, abandonment, event ids, anomalies,
//!   milestones): each is a join-semilattice (maps of lattices, sets, `max`/`min`), so merging
//!   observations in any order and any number of times gives the same value;
//! - *derived* fields (`status`, `amountPaid`, `amountRefunded`, `amountRefundPending`, each
//!   payment's `amountRefunded`): recomputed from the merged fields on every apply, kept in the
//!   JSON so that the application can query them (e.g. in SQL) without this library.
//!
//! All collections are ordered (`BTreeMap`/`BTreeSet`), so equal states serialize to identical
//! bytes.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{
    Anomaly, CaptureMode, Milestone, OrderProgress, PaymentOrderStatus, PaymentProgress,
    ReconcileError, RefundProgress,
};

/// The largest amount accepted anywhere, in minor units (10^15, far above any real payment).
/// Bounding each amount keeps every total well inside `i64`.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// An order's payment state, reconciled from callbacks, webhooks and fetched objects.
///
/// Create it when the shop creates the Razorpay order, store it (JSON, camelCase) next to the
/// order row, and replace it with [`Outcome::state`](super::Outcome::state) after every
/// [`apply`](super::apply). The derived fields are read-only ([`status`](Self::status()),
/// [`amount_paid`](Self::amount_paid()), …): [`apply`](super::apply) recomputes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentState {
    /// The Razorpay order id (`order_…`) this state tracks.
    pub razorpay_order_id: String,
    /// The amount the shop expects, in minor units.
    pub amount: i64,
    /// The expected ISO currency code, e.g. `"INR"`.
    pub currency: String,
    /// Who captures authorized payments.
    #[serde(default)]
    pub capture_mode: CaptureMode,
    /// The Razorpay order accepts partial payments (`partial_payment: true`): payments smaller
    /// than the order's amount are expected and add up; only larger ones are anomalies.
    #[serde(default)]
    pub partial_payment: bool,
    /// Derived: the order status ([`status`](Self::status())).
    #[serde(default)]
    pub(crate) status: PaymentOrderStatus,
    /// Derived: captured amount in the order's currency (the larger of the captured payments'
    /// sum and Razorpay's reported `amount_paid`).
    #[serde(default)]
    pub(crate) amount_paid: i64,
    /// Derived: refunded amount, counting pending and processed refunds (not failed ones), as
    /// Razorpay's `amount_refunded` does.
    #[serde(default)]
    pub(crate) amount_refunded: i64,
    /// Derived: the part of `amountRefunded` not processed yet.
    #[serde(default)]
    pub(crate) amount_refund_pending: i64,
    /// Merged: Razorpay's view of the order, once an order object was seen.
    #[serde(default)]
    pub razorpay_order: Option<RazorpayOrderRecord>,
    /// Merged: when the application declared the order abandoned (Unix seconds, earliest).
    #[serde(default)]
    pub abandoned_at: Option<i64>,
    /// Merged: every payment of this order seen, by payment id.
    #[serde(default)]
    pub payments: BTreeMap<String, PaymentRecord>,
    /// Merged: every refund seen, by refund id.
    #[serde(default)]
    pub refunds: BTreeMap<String, RefundRecord>,
    /// Merged: the `x-razorpay-event-id`s already applied (the
    /// [`MAX_REMEMBERED_EVENTS`](super::MAX_REMEMBERED_EVENTS) smallest).
    #[serde(default)]
    pub applied_event_ids: BTreeSet<String>,
    /// Merged: digests of what the applied webhooks said, so a replay under a fresh event id is
    /// recognised (the [`MAX_REMEMBERED_EVENTS`](super::MAX_REMEMBERED_EVENTS) smallest).
    #[serde(default)]
    pub applied_event_digests: BTreeSet<String>,
    /// Merged: webhook events recorded and ignored (unknown or irrelevant to payments; the
    /// [`MAX_REMEMBERED_EVENTS`](super::MAX_REMEMBERED_EVENTS) smallest).
    #[serde(default)]
    pub ignored_events: BTreeSet<IgnoredEvent>,
    /// Merged: everything flagged for review.
    #[serde(default)]
    pub anomalies: BTreeSet<Anomaly>,
    /// Merged: milestones reached, i.e. effects already emitted.
    #[serde(default)]
    pub milestones: BTreeSet<Milestone>,
}

/// One payment of the order, merged from every observation of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRecord {
    /// Merged (`max`): how far the payment got.
    pub status: PaymentProgress,
    /// Merged (`or`): whether it was ever reported captured.
    pub captured: bool,
    /// Merged (`max`): its amount in minor units, once an object was seen.
    pub amount: Option<i64>,
    /// Merged (`min`): its currency, once an object was seen.
    pub currency: Option<String>,
    /// Merged (`min`): the amount of an uncaptured authorization, when one was seen.
    pub amount_authorized: Option<i64>,
    /// Merged (`max`): the amount captured, in the order's currency (0 if none).
    pub amount_captured: i64,
    /// Derived: refunded amount of this payment (pending + processed refunds, or the captured
    /// amount once Razorpay reports the payment fully refunded).
    pub amount_refunded: i64,
    /// Merged (`max`): the highest `amount_refunded` Razorpay reported on the payment itself.
    pub amount_refunded_reported: i64,
    /// Merged (`or`): an uncaptured authorization was seen (a verified callback counts).
    pub authorization_seen: bool,
    /// Merged (`or`): a verified checkout callback named this payment.
    pub verified_by_callback: bool,
    /// Merged (`max`): Razorpay's `error_code` if the payment failed.
    pub error_code: Option<String>,
}

/// One refund, merged from every observation of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundRecord {
    /// Merged (`min`): the refunded payment.
    pub payment_id: String,
    /// Merged (`max`): the refund amount in minor units.
    pub amount: i64,
    /// Merged (`min`): its currency, if known.
    pub currency: Option<String>,
    /// Merged (`max`): how far the refund got.
    pub status: RefundProgress,
}

/// Razorpay's order object as last merged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RazorpayOrderRecord {
    /// Merged (`max`): Razorpay's order status.
    pub status: OrderProgress,
    /// Merged (`max`): Razorpay's `amount_paid`, in the order's currency.
    pub amount_paid: i64,
}

/// A webhook event that was recorded and ignored.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IgnoredEvent {
    /// Its `x-razorpay-event-id`.
    pub event_id: String,
    /// Its event name, e.g. `"payment.downtime.started"`.
    pub event: String,
}

impl PaymentState {
    /// A fresh state for a Razorpay order the shop just created, with automatic capture.
    ///
    /// ```
    /// use razorpay_core::reconcile::{PaymentOrderStatus, PaymentState};
    ///
    /// let state = PaymentState::new("order_DESlLckIVRkHWj", 50_000, "INR");
    /// assert_eq!(state.status(), PaymentOrderStatus::AwaitingPayment);
    /// let json = state.to_json();
    /// assert!(json.starts_with(r#"{"razorpayOrderId":"order_DESlLckIVRkHWj","amount":50000"#));
    /// assert_eq!(PaymentState::from_json(&json).unwrap(), state);
    /// ```
    pub fn new(
        razorpay_order_id: impl Into<String>,
        amount: i64,
        currency: impl Into<String>,
    ) -> Self {
        Self {
            razorpay_order_id: razorpay_order_id.into(),
            amount,
            currency: currency.into(),
            capture_mode: CaptureMode::Automatic,
            partial_payment: false,
            status: PaymentOrderStatus::AwaitingPayment,
            amount_paid: 0,
            amount_refunded: 0,
            amount_refund_pending: 0,
            razorpay_order: None,
            abandoned_at: None,
            payments: BTreeMap::new(),
            refunds: BTreeMap::new(),
            applied_event_ids: BTreeSet::new(),
            applied_event_digests: BTreeSet::new(),
            ignored_events: BTreeSet::new(),
            anomalies: BTreeSet::new(),
            milestones: BTreeSet::new(),
        }
    }

    /// Builder: the same state with another capture mode.
    pub fn capture_mode(mut self, capture_mode: CaptureMode) -> Self {
        self.capture_mode = capture_mode;
        self
    }

    /// Builder: the same state for an order created with `partial_payment: true`.
    pub fn partial_payment(mut self, partial_payment: bool) -> Self {
        self.partial_payment = partial_payment;
        self
    }

    /// Former name of [`capture_mode`](Self::capture_mode()).
    #[deprecated(
        since = "0.1.0",
        note = "use `capture_mode`: builders are named after the field"
    )]
    pub fn with_capture_mode(self, capture_mode: CaptureMode) -> Self {
        self.capture_mode(capture_mode)
    }

    /// Former name of [`partial_payment`](Self::partial_payment()).
    #[deprecated(
        since = "0.1.0",
        note = "use `partial_payment`: builders are named after the field"
    )]
    pub fn with_partial_payment(self, partial_payment: bool) -> Self {
        self.partial_payment(partial_payment)
    }

    /// Derived: the order status.
    pub fn status(&self) -> PaymentOrderStatus {
        self.status
    }

    /// Derived: the captured amount in the order's currency, in minor units (the larger of the
    /// captured payments' sum and Razorpay's reported `amount_paid`).
    pub fn amount_paid(&self) -> i64 {
        self.amount_paid
    }

    /// Derived: the refunded amount in minor units, counting pending and processed refunds (not
    /// failed ones), as Razorpay's `amount_refunded` does.
    pub fn amount_refunded(&self) -> i64 {
        self.amount_refunded
    }

    /// Derived: the part of [`amount_refunded`](Self::amount_refunded()) not processed yet.
    pub fn amount_refund_pending(&self) -> i64 {
        self.amount_refund_pending
    }

    /// Parses a stored state (camelCase JSON). Missing merged/derived fields default to empty.
    pub fn from_json(json: &str) -> Result<Self, ReconcileError> {
        Ok(serde_json::from_str(json)?)
    }

    /// The state as compact JSON, byte-identical for equal states.
    pub fn to_json(&self) -> String {
        // Serializing plain structs, maps of strings and integers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks the fixed expectations: a non-empty order id, an amount in `1..=MAX_AMOUNT`, and a
    /// three-letter upper-case currency code.
    pub fn validate(&self) -> Result<(), ReconcileError> {
        let invalid = |reason: &str| {
            Err(ReconcileError::InvalidState {
                reason: reason.to_owned(),
            })
        };
        if self.razorpay_order_id.trim().is_empty() {
            return invalid("razorpayOrderId is empty");
        }
        if self.amount <= 0 || self.amount > MAX_AMOUNT {
            return invalid("amount must be between 1 and 10^15 minor units");
        }
        let currency_ok =
            self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase());
        if !currency_ok {
            return invalid("currency must be a three-letter upper-case ISO code");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_json_is_a_valid_state() {
        let state = PaymentState::from_json(
            r#"{"razorpayOrderId":"order_1","amount":100,"currency":"INR"}"#,
        )
        .unwrap();
        assert_eq!(state, PaymentState::new("order_1", 100, "INR"));
        assert!(state.validate().is_ok());
    }

    #[test]
    fn validation_rejects_bad_expectations() {
        for state in [
            PaymentState::new("", 100, "INR"),
            PaymentState::new("order_1", 0, "INR"),
            PaymentState::new("order_1", -5, "INR"),
            PaymentState::new("order_1", MAX_AMOUNT + 1, "INR"),
            PaymentState::new("order_1", 100, "inr"),
            PaymentState::new("order_1", 100, "RUPEE"),
        ] {
            let err = state.validate().unwrap_err();
            assert_eq!(err.code(), "RECONCILE_INVALID_STATE", "{state:?}");
        }
    }

    #[test]
    fn bad_json_is_a_typed_error() {
        let err = PaymentState::from_json(r#"{"amount":"lots"}"#).unwrap_err();
        assert_eq!(err.code(), "RECONCILE_INVALID_JSON");
    }

    #[test]
    fn capture_mode_round_trips() {
        let state = PaymentState::new("order_1", 100, "INR").capture_mode(CaptureMode::Manual);
        let json = state.to_json();
        assert!(json.contains(r#""captureMode":"manual""#));
        assert_eq!(PaymentState::from_json(&json).unwrap(), state);
    }
}
