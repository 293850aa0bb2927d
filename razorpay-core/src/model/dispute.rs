//! [`Dispute`]: a chargeback or retrieval request raised by the customer's bank.

use serde_json::Value;

use super::DisputeStatus;
use super::wire::entity;

entity! {
    /// A dispute on a payment, carried by `payment.dispute.*` webhooks (next to the payment).
    pub struct Dispute {
        /// Dispute id, `disp_…`.
        pub id: String,
        /// Always `"dispute"`.
        pub entity: Option<String>,
        /// The disputed payment, `pay_…`.
        pub payment_id: String,
        /// Disputed amount, in the currency's smallest unit.
        pub amount: i64,
        /// ISO 4217 currency code.
        pub currency: String,
        /// Amount deducted from the merchant's balance.
        pub amount_deducted: Option<i64>,
        /// The network's own id of the dispute.
        pub gateway_dispute_id: Option<String>,
        /// The reason, in words.
        pub reason_description: Option<String>,
        /// Razorpay's comments.
        pub comments: Option<String>,
        /// The network's reason code, e.g. `processed_invalid_expired_card`.
        pub reason_code: Option<String>,
        /// Deadline to respond, Unix seconds.
        pub respond_by: Option<i64>,
        /// The dispute's status.
        pub status: DisputeStatus,
        /// `fraud`, `retrieval`, `chargeback`, `pre_arbitration` or `arbitration`.
        pub phase: Option<String>,
        /// The evidence submitted so far, as received.
        pub evidence: Option<Value>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
