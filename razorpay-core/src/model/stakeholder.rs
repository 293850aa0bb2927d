//! [`Stakeholder`]: a person behind an account (owner, director, signatory).

use serde_json::{Map, Value};

use super::Notes;
use super::wire::entity;

entity! {
    /// A stakeholder, as returned by the v2 stakeholders API.
    pub struct Stakeholder {
        /// Stakeholder id, `sth_…`.
        pub id: String,
        /// Always `"stakeholder"`.
        pub entity: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Email.
        pub email: Option<String>,
        /// `director`, `executive`, … flags, as received.
        pub relationship: Option<Map<String, Value>>,
        /// Phone numbers, as received.
        pub phone: Option<Map<String, Value>>,
        /// Addresses, as received.
        pub addresses: Option<Map<String, Value>>,
        /// KYC details (PAN), as received.
        pub kyc: Option<Map<String, Value>>,
        /// Ownership share in percent, as received (it may be fractional, and is not money).
        pub percentage_ownership: Option<Value>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
