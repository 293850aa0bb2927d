//! [`Account`]: a linked or sub-merchant account (Route, partners; the v2 accounts API).

use serde_json::{Map, Value};

use super::wire::entity;
use super::{LenientBool, Notes};

entity! {
    /// An account, as returned by the v2 accounts API and carried by `account.*` webhooks.
    pub struct Account {
        /// Account id, `acc_…`.
        pub id: String,
        /// `"account"` when present.
        pub entity: Option<String>,
        /// `standard` or `route`.
        #[serde(rename = "type")]
        pub account_type: Option<String>,
        /// `created`, `under_review`, `needs_clarification`, `activated`, `suspended`, …
        pub status: Option<String>,
        /// Email.
        pub email: Option<String>,
        /// Phone number.
        pub phone: Option<String>,
        /// The merchant's own reference.
        pub reference_id: Option<String>,
        /// Legal name.
        pub legal_business_name: Option<String>,
        /// Name shown to customers.
        pub customer_facing_business_name: Option<String>,
        /// `individual`, `partnership`, `private_limited`, …
        pub business_type: Option<String>,
        /// Contact person.
        pub contact_name: Option<String>,
        /// Category, addresses, … as received.
        pub profile: Option<Map<String, Value>>,
        /// PAN, GST, … as received.
        pub legal_info: Option<Map<String, Value>>,
        /// Support contacts, as received.
        pub contact_info: Option<Map<String, Value>>,
        /// Brand colours, as received.
        pub brand: Option<Map<String, Value>>,
        /// Apps and websites, as received.
        pub apps: Option<Map<String, Value>>,
        /// Whether settlements are held.
        pub hold_funds: Option<LenientBool>,
        /// Whether the account is live.
        pub live: Option<LenientBool>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// When it was activated, Unix seconds.
        pub activated_at: Option<i64>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
