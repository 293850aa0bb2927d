//! [`Plan`]: what a subscription charges, and how often.

use super::wire::entity;
use super::{Item, Notes};

entity! {
    /// A subscription plan, as returned by the plans API.
    pub struct Plan {
        /// Plan id, `plan_…`.
        pub id: String,
        /// Always `"plan"`.
        pub entity: Option<String>,
        /// Charge every `interval` `period`s.
        pub interval: Option<i64>,
        /// `daily`, `weekly`, `monthly` or `yearly`.
        pub period: Option<String>,
        /// What is charged each cycle (its amount and currency).
        pub item: Option<Item>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
