//! The ordered status lattices the state is built from, and the derived order status.
//!
//! Every per-entity status here is a *join-semilattice*: observations are merged with `max`
//! in the declared order, so merging is commutative, associative and idempotent. That is what
//! makes the final state independent of the order and repetition of inputs.

use serde::{Deserialize, Serialize};

/// How far one Razorpay payment has progressed, as a monotone lattice.
///
/// `Created < Failed < Authorized < Captured < Refunded`: a payment never goes backwards, so a
/// late `payment.failed` cannot undo a capture, while a failed payment may still be authorized
/// and captured later (Razorpay documents such late authorizations).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum PaymentProgress {
    /// Seen but not yet attempted (Razorpay status `created`).
    #[default]
    Created,
    /// The attempt failed; not terminal, a late authorization may follow.
    Failed,
    /// Authorized by the customer's bank (or proven by a verified checkout callback).
    Authorized,
    /// Captured: the money is the merchant's.
    Captured,
    /// Fully refunded (or an uncaptured authorization that Razorpay reversed).
    Refunded,
}

/// How far one refund has progressed, as a monotone lattice: `Pending < Failed < Processed`.
///
/// A refund is counted once per refund id; failed refunds do not count. `Processed` sits above
/// `Failed` so that, should both ever be observed for one refund id, the money that actually
/// moved wins (the failure is still flagged for review).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum RefundProgress {
    /// Created, money not yet sent back (Razorpay status `pending`).
    #[default]
    Pending,
    /// The refund failed; the amount stays with the merchant.
    Failed,
    /// The refund reached the customer's bank.
    Processed,
}

/// Razorpay's own order status, as a monotone lattice: `Created < Attempted < Paid`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum OrderProgress {
    /// No payment attempted yet.
    #[default]
    Created,
    /// At least one payment attempted.
    Attempted,
    /// Razorpay considers the order paid.
    Paid,
}

/// The order status derived from everything seen; what the shop shows and stores.
///
/// Unlike the lattices above this is *derived*, not merged: it is recomputed from the state on
/// every [`apply`](super::apply), so `FAILED` may later become `PAID`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PaymentOrderStatus {
    /// Nothing has happened yet (or only attempts that neither failed nor succeeded).
    #[default]
    AwaitingPayment,
    /// A payment is authorized but the order's amount is not captured yet.
    Authorized,
    /// The captured amount covers the order's amount and nothing is refunded.
    Paid,
    /// Paid, and part of the paid amount is refunded.
    PartiallyRefunded,
    /// Paid, and everything paid is refunded.
    Refunded,
    /// Every attempt so far failed. Not terminal: a late authorization can still make it `PAID`.
    Failed,
}

impl PaymentOrderStatus {
    /// The status as stored in JSON, e.g. `"PARTIALLY_REFUNDED"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AwaitingPayment => "AWAITING_PAYMENT",
            Self::Authorized => "AUTHORIZED",
            Self::Paid => "PAID",
            Self::PartiallyRefunded => "PARTIALLY_REFUNDED",
            Self::Refunded => "REFUNDED",
            Self::Failed => "FAILED",
        }
    }
}

impl std::fmt::Display for PaymentOrderStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who captures authorized payments.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CaptureMode {
    /// Razorpay captures authorized payments itself (the account's default setting).
    #[default]
    Automatic,
    /// The shop captures: every authorization seen yields one
    /// [`Effect::CapturePayment`](super::Effect::CapturePayment).
    Manual,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lattices_are_ordered_as_documented() {
        use PaymentProgress::*;
        assert!(Created < Failed && Failed < Authorized && Authorized < Captured);
        assert!(Captured < Refunded);
        assert!(RefundProgress::Pending < RefundProgress::Failed);
        assert!(RefundProgress::Failed < RefundProgress::Processed);
        assert!(OrderProgress::Attempted < OrderProgress::Paid);
    }

    #[test]
    fn statuses_serialize_as_documented() {
        let json = serde_json::to_string(&PaymentOrderStatus::PartiallyRefunded).unwrap();
        assert_eq!(json, "\"PARTIALLY_REFUNDED\"");
        assert_eq!(
            PaymentOrderStatus::AwaitingPayment.to_string(),
            "AWAITING_PAYMENT"
        );
        assert_eq!(
            serde_json::to_string(&PaymentProgress::Captured).unwrap(),
            "\"captured\""
        );
        assert_eq!(
            serde_json::to_string(&CaptureMode::Manual).unwrap(),
            "\"manual\""
        );
    }
}
