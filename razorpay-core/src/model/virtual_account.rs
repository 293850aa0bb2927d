//! [`VirtualAccount`]: a bank account / UPI id / QR code that receives payments for a customer
//! (Smart Collect).

use serde_json::{Map, Value};

use super::Notes;
use super::wire::entity;

entity! {
    /// A virtual account, as returned by the virtual accounts API and carried by
    /// `virtual_account.*` webhooks.
    pub struct VirtualAccount {
        /// Virtual account id, `va_…`.
        pub id: String,
        /// Always `"virtual_account"`.
        pub entity: Option<String>,
        /// Name shown to payers.
        pub name: Option<String>,
        /// `active` or `closed`.
        pub status: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Amount expected, in the currency's smallest unit.
        pub amount_expected: Option<i64>,
        /// Total received, in the currency's smallest unit.
        pub amount_paid: Option<i64>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// The customer, `cust_…`.
        pub customer_id: Option<String>,
        /// Where payers send money: bank accounts, VPAs, QR codes (each as received).
        pub receivers: Option<Vec<Map<String, Value>>>,
        /// Accounts allowed to pay (TPV), as received.
        pub allowed_payers: Option<Vec<Map<String, Value>>>,
        /// When it closes, Unix seconds.
        pub close_by: Option<i64>,
        /// When it closed, Unix seconds.
        pub closed_at: Option<i64>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
