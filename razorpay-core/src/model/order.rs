//! [`Order`]: what the merchant's server creates before opening Checkout.

use super::wire::entity;
use super::{LenientBool, Notes, OrderStatus};

entity! {
    /// A Razorpay order: the amount to collect, created by the merchant's server before opening
    /// Checkout, and carried by `order.paid` and `payment_link.*` webhooks.
    ///
    /// Amounts are integers in the currency's smallest unit (paise for INR).
    ///
    /// ```
    /// use razorpay_core::model::{Order, OrderStatus};
    ///
    /// let order: Order = serde_json::from_str(r#"{
    ///     "id": "order_DaaS6LOUAASb7Y", "entity": "order", "amount": 2200, "amount_paid": 0,
    ///     "amount_due": 2200, "currency": "INR", "receipt": "Receipt #211", "status": "attempted",
    ///     "attempts": 1, "notes": [], "created_at": 1572505143
    /// }"#)?;
    /// assert_eq!(order.status, OrderStatus::Attempted);
    /// assert_eq!(order.amount_due, Some(2200));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
    pub struct Order {
        /// Order id, `order_…`.
        pub id: String,
        /// Always `"order"`.
        pub entity: Option<String>,
        /// Amount to collect, in the currency's smallest unit.
        pub amount: i64,
        /// Amount paid so far.
        pub amount_paid: Option<i64>,
        /// Amount still due.
        pub amount_due: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: String,
        /// The merchant's own reference (at most 40 characters).
        pub receipt: Option<String>,
        /// Offer applied to the order, `offer_…`.
        pub offer_id: Option<String>,
        /// The order's status.
        pub status: OrderStatus,
        /// Number of payment attempts.
        pub attempts: Option<i64>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Whether the customer may pay in parts.
        pub partial_payment: Option<LenientBool>,
        /// Minimum first payment when partial payments are allowed.
        pub first_payment_min_amount: Option<i64>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
