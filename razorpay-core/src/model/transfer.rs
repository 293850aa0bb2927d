//! [`Transfer`] and [`Reversal`]: Route moving money to a linked account, and taking it back.

use serde_json::{Map, Value};

use super::wire::entity;
use super::{LenientBool, Notes};

entity! {
    /// A Route transfer, as returned by the transfers API, embedded in orders
    /// (`expand[]=transfers`) and carried by `transfer.*` webhooks.
    pub struct Transfer {
        /// Transfer id, `trf_…`.
        pub id: String,
        /// Always `"transfer"`.
        pub entity: Option<String>,
        /// `created`, `pending`, `processed`, `failed`, `reversed`, `partially_reversed`.
        pub status: Option<String>,
        /// The same, on transfers created from an order.
        pub transfer_status: Option<String>,
        /// `pending`, `on_hold` or `settled`.
        pub settlement_status: Option<String>,
        /// Where the money comes from: `pay_…`, `order_…` or `acc_…`.
        pub source: Option<String>,
        /// The linked account, `acc_…`.
        pub recipient: Option<String>,
        /// Amount, in the currency's smallest unit.
        pub amount: i64,
        /// ISO 4217 currency code.
        pub currency: String,
        /// Amount reversed so far.
        pub amount_reversed: Option<i64>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// The keys of `notes` shown to the linked account.
        pub linked_account_notes: Option<Vec<String>>,
        /// Fees, in the currency's smallest unit.
        pub fees: Option<i64>,
        /// Tax on the fees.
        pub tax: Option<i64>,
        /// Whether the settlement to the linked account is held.
        pub on_hold: Option<LenientBool>,
        /// Hold until, Unix seconds.
        pub on_hold_until: Option<i64>,
        /// The linked account's settlement, `setl_…`.
        pub recipient_settlement_id: Option<String>,
        /// When it was processed, Unix seconds.
        pub processed_at: Option<i64>,
        /// Failure details (all `null` when none), as received.
        pub error: Option<Map<String, Value>>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}

entity! {
    /// A reversal of (part of) a transfer, as returned by `transfers.reverse`.
    pub struct Reversal {
        /// Reversal id, `rvrsl_…`.
        pub id: String,
        /// Always `"reversal"`.
        pub entity: Option<String>,
        /// The reversed transfer, `trf_…`.
        pub transfer_id: Option<String>,
        /// Amount reversed, in the currency's smallest unit.
        pub amount: i64,
        /// Fee, in the currency's smallest unit.
        pub fee: Option<i64>,
        /// Tax on the fee.
        pub tax: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: String,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Who initiated it, `acc_…`.
        pub initiator_id: Option<String>,
        /// The customer refund it funds, `rfnd_…`.
        pub customer_refund_id: Option<String>,
        /// Bank reference.
        pub utr: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
