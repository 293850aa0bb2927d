//! Normalized facts: what one input says, independent of where it came from.
//!
//! Every [`ReconcileInput`](super::ReconcileInput) is first turned into an [`Observation`]
//! (an optional event id and a list of facts). The merge rules only ever see facts, so a
//! callback, a webhook and a fetched object that say the same thing have the same effect.

use super::{OrderProgress, PaymentProgress, RefundProgress};

/// What one input says about one payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PaymentFact {
    pub payment_id: String,
    /// The order the payment belongs to (`None`: a payment outside any order).
    pub order_id: Option<String>,
    /// The lattice level this observation proves.
    pub progress: PaymentProgress,
    pub amount: Option<i64>,
    pub currency: Option<String>,
    pub captured: bool,
    pub amount_refunded: Option<i64>,
    pub error_code: Option<String>,
    /// The fact comes from a verified checkout callback.
    pub via_callback: bool,
}

/// What one input says about one refund.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RefundFact {
    pub refund_id: String,
    pub payment_id: String,
    /// The order of the refunded payment, when the input carries the payment (`Some(None)`:
    /// the payment belongs to no order).
    pub order_id: Option<Option<String>>,
    pub amount: i64,
    pub currency: Option<String>,
    pub progress: RefundProgress,
    /// The refunded payment's amount, when the same input carries it.
    pub payment_amount: Option<i64>,
}

/// What one input says about Razorpay's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrderFact {
    pub order_id: String,
    pub amount: Option<i64>,
    pub currency: Option<String>,
    pub amount_paid: Option<i64>,
    pub progress: OrderProgress,
}

/// One normalized fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fact {
    Payment(PaymentFact),
    Refund(RefundFact),
    Order(OrderFact),
    /// A dispute (chargeback) opened on a payment.
    Dispute {
        dispute_id: String,
        payment_id: String,
        /// The disputed payment's order, when the input carries the payment (as for refunds).
        order_id: Option<Option<String>>,
    },
    /// The application declared the order abandoned at this time (Unix seconds).
    Abandoned {
        at: i64,
    },
    /// A webhook event that carries nothing to reconcile.
    Ignored {
        event_id: String,
        event: String,
    },
}

/// Everything one input says, with the webhook event id that deduplicates it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Observation {
    pub event_id: Option<String>,
    pub facts: Vec<Fact>,
}
