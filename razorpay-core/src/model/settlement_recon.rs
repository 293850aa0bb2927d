//! [`SettlementReconItem`]: one line of the settlement reconciliation report
//! (`settlements.reports`): a payment, refund, transfer, adjustment, … and how it settled.

use serde_json::Value;

use super::LenientBool;
use super::wire::entity;

entity! {
    /// One line of `GET /settlements/recon/combined`.
    pub struct SettlementReconItem {
        /// The object the line is about (`pay_…`, `rfnd_…`, `trf_…`, `adj_…`).
        pub entity_id: String,
        /// `payment`, `refund`, `transfer`, `adjustment`, `dispute`, …
        #[serde(rename = "type")]
        pub item_type: Option<String>,
        /// Debited, in the currency's smallest unit.
        pub debit: Option<i64>,
        /// Credited.
        pub credit: Option<i64>,
        /// Amount of the object.
        pub amount: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: Option<String>,
        /// Fee.
        pub fee: Option<i64>,
        /// Tax on the fee.
        pub tax: Option<i64>,
        /// Whether the amount is on hold.
        pub on_hold: Option<LenientBool>,
        /// Whether it is settled.
        pub settled: Option<LenientBool>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
        /// Settlement time, Unix seconds.
        pub settled_at: Option<i64>,
        /// The settlement, `setl_…`.
        pub settlement_id: Option<String>,
        /// Posting time, Unix seconds.
        pub posted_at: Option<i64>,
        /// `default`, …
        pub credit_type: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Notes: in this report Razorpay writes them as a JSON *string* (`"{}"`) or `null`, so
        /// they are kept as sent.
        pub notes: Option<Value>,
        /// For refunds and transfers, the payment.
        pub payment_id: Option<String>,
        /// The settlement's bank reference.
        pub settlement_utr: Option<String>,
        /// The order, `order_…`.
        pub order_id: Option<String>,
        /// The order's receipt.
        pub order_receipt: Option<String>,
        /// Payment method.
        pub method: Option<String>,
        /// Card network.
        pub card_network: Option<String>,
        /// Card issuer code.
        pub card_issuer: Option<String>,
        /// Card type.
        pub card_type: Option<String>,
        /// The dispute, `disp_…`.
        pub dispute_id: Option<String>,
    }
}
