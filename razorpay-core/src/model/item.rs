//! [`Item`]: a product or service the merchant sells (invoice line items, plans, add-ons).

use super::LenientBool;
use super::wire::entity;

entity! {
    /// An item, as returned by the items API and embedded in plans and add-ons.
    pub struct Item {
        /// Item id, `item_…`.
        pub id: String,
        /// `"item"` when present (embedded items leave it out).
        pub entity: Option<String>,
        /// Whether the item can be used.
        pub active: Option<LenientBool>,
        /// Name.
        pub name: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Price, in the currency's smallest unit.
        pub amount: Option<i64>,
        /// Price per unit, in the currency's smallest unit.
        pub unit_amount: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: Option<String>,
        /// `invoice`, `plan`, `addon`, …
        #[serde(rename = "type")]
        pub item_type: Option<String>,
        /// Unit name.
        pub unit: Option<String>,
        /// Whether `amount` includes tax.
        pub tax_inclusive: Option<LenientBool>,
        /// HSN code (goods).
        pub hsn_code: Option<String>,
        /// SAC code (services).
        pub sac_code: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
        /// Last update, Unix seconds.
        pub updated_at: Option<i64>,
    }
}
