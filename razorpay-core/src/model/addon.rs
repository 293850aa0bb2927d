//! [`Addon`]: a one-off charge added to a subscription's next invoice.

use super::Item;
use super::wire::entity;

entity! {
    /// A subscription add-on, as returned by `subscriptions.createAddon` and the add-ons API.
    pub struct Addon {
        /// Add-on id, `ao_…`.
        pub id: String,
        /// Always `"addon"`.
        pub entity: Option<String>,
        /// What is charged (its amount and currency).
        pub item: Option<Item>,
        /// Units charged.
        pub quantity: Option<i64>,
        /// The subscription, `sub_…`.
        pub subscription_id: Option<String>,
        /// The invoice it was billed on, `inv_…` (`None` until then).
        pub invoice_id: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
