//! [`Subscription`]: recurring charges on a plan.

use super::wire::entity;
use super::{LenientBool, Notes, SubscriptionStatus};

entity! {
    /// A subscription, carried by `subscription.*` webhooks.
    pub struct Subscription {
        /// Subscription id, `sub_…`.
        pub id: String,
        /// Always `"subscription"`.
        pub entity: Option<String>,
        /// The plan, `plan_…`.
        pub plan_id: Option<String>,
        /// The customer, `cust_…`.
        pub customer_id: Option<String>,
        /// The subscription's status.
        pub status: SubscriptionStatus,
        /// Start of the current billing cycle, Unix seconds.
        pub current_start: Option<i64>,
        /// End of the current billing cycle, Unix seconds.
        pub current_end: Option<i64>,
        /// When it ended, Unix seconds.
        pub ended_at: Option<i64>,
        /// Units of the plan charged per cycle.
        pub quantity: Option<i64>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Next charge, Unix seconds.
        pub charge_at: Option<i64>,
        /// First charge, Unix seconds.
        pub start_at: Option<i64>,
        /// Last charge, Unix seconds.
        pub end_at: Option<i64>,
        /// Authorisation attempts so far.
        pub auth_attempts: Option<i64>,
        /// Number of billing cycles.
        pub total_count: Option<i64>,
        /// Cycles charged so far.
        pub paid_count: Option<i64>,
        /// Cycles still to charge.
        pub remaining_count: Option<i64>,
        /// Whether Razorpay notifies the customer.
        pub customer_notify: Option<LenientBool>,
        /// Deadline for the customer to authorise, Unix seconds.
        pub expire_by: Option<i64>,
        /// Authorisation link.
        pub short_url: Option<String>,
        /// Whether a plan or quantity change is scheduled.
        pub has_scheduled_changes: Option<LenientBool>,
        /// When the scheduled change applies, Unix seconds.
        pub change_scheduled_at: Option<i64>,
        /// `api`, `dashboard`, …
        pub source: Option<String>,
        /// Offer applied, `offer_…`.
        pub offer_id: Option<String>,
        /// How the customer pays: `card`, `emandate`, `upi`, …
        pub payment_method: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
