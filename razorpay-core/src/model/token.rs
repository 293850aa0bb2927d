//! [`Token`]: a saved card, UPI id or mandate of a customer (recurring payments, saved cards).

use serde_json::{Map, Value};

use super::wire::entity;
use super::{LenientBool, Notes};

entity! {
    /// A customer's token, as returned by `customers.fetchTokens` / `customers.fetchToken` and
    /// carried by `token.*` webhooks.
    pub struct Token {
        /// Token id, `token_…`.
        pub id: String,
        /// Always `"token"`.
        pub entity: Option<String>,
        /// The token value used in payment requests.
        pub token: Option<String>,
        /// Bank code of a netbanking / emandate token.
        pub bank: Option<String>,
        /// Wallet of a wallet token.
        pub wallet: Option<String>,
        /// `card`, `upi`, `emandate`, `nach`, …
        pub method: Option<String>,
        /// The masked card of a card token, as received (it has no `card_…` id here).
        pub card: Option<Map<String, Value>>,
        /// The UPI details of a UPI token, as received.
        pub vpa: Option<Map<String, Value>>,
        /// Whether the token may be charged without the customer (recurring).
        pub recurring: Option<LenientBool>,
        /// Mandate status, e.g. `{"status": "confirmed", "failure_reason": null}`.
        pub recurring_details: Option<Map<String, Value>>,
        /// How the mandate was authorised (`netbanking`, `debitcard`, `aadhaar`, …).
        pub auth_type: Option<String>,
        /// Mandate reference number.
        pub mrn: Option<String>,
        /// Largest amount one charge may take, in the currency's smallest unit.
        pub max_amount: Option<i64>,
        /// Token status (`active`, `confirmed`, `rejected`, …).
        pub status: Option<String>,
        /// Last use, Unix seconds.
        pub used_at: Option<i64>,
        /// Expiry, Unix seconds.
        pub expired_at: Option<i64>,
        /// The customer, `cust_…` (webhook payloads).
        pub customer_id: Option<String>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
