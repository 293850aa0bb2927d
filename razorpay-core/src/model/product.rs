//! [`Product`]: a product configuration of an account (payment gateway, Route), v2 API.

use serde_json::{Map, Value};

use super::wire::entity;

entity! {
    /// A product configuration, as returned by the v2 products API.
    pub struct Product {
        /// Product id, `acc_prd_…`.
        pub id: String,
        /// `"product"` when present.
        pub entity: Option<String>,
        /// The account, `acc_…`.
        pub account_id: Option<String>,
        /// `payment_gateway`, `route`, …
        pub product_name: Option<String>,
        /// `requested`, `needs_clarification`, `under_review`, `activated`, …
        pub activation_status: Option<String>,
        /// What was asked for, as received.
        pub requested_configuration: Option<Map<String, Value>>,
        /// What is active, as received.
        pub active_configuration: Option<Map<String, Value>>,
        /// What Razorpay still needs, as received.
        pub requirements: Option<Vec<Value>>,
        /// Terms accepted, as received.
        pub tnc: Option<Map<String, Value>>,
        /// When it was requested, Unix seconds.
        pub requested_at: Option<i64>,
    }
}
