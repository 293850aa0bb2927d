//! [`RtoReview`]: Razorpay's return-to-origin risk review of a (cash-on-delivery) order.

use super::wire::entity;

entity! {
    /// The answer of `orders.viewRtoReview`.
    pub struct RtoReview {
        /// `low`, `medium` or `high`.
        pub risk_tier: Option<String>,
        /// Why.
        pub rto_reasons: Option<Vec<RtoReason>>,
    }
}

entity! {
    /// One reason of an [`RtoReview`].
    pub struct RtoReason {
        /// Machine name, e.g. `short_shipping_address`.
        pub reason: Option<String>,
        /// Human text.
        pub description: Option<String>,
        /// Group, e.g. `address`.
        pub bucket: Option<String>,
    }
}
