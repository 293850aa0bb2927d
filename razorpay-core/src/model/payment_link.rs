//! [`PaymentLink`]: a shareable link that collects a payment.

use serde_json::{Map, Value};

use super::wire::entity;
use super::{LenientBool, Notes, PaymentLinkStatus};

entity! {
    /// The customer of a payment link.
    pub struct PaymentLinkCustomer {
        /// Name.
        pub name: Option<String>,
        /// Email.
        pub email: Option<String>,
        /// Phone number.
        pub contact: Option<String>,
    }
}

entity! {
    /// A payment link, as returned by the payment links API and carried by `payment_link.*`
    /// webhooks (next to its order and payment).
    pub struct PaymentLink {
        /// Payment link id, `plink_…`.
        pub id: String,
        /// `"payment_link"` when present.
        pub entity: Option<String>,
        /// Amount to collect, in the currency's smallest unit.
        pub amount: i64,
        /// Amount paid so far.
        pub amount_paid: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: String,
        /// Whether the customer may pay in parts.
        pub accept_partial: Option<LenientBool>,
        /// Minimum first partial payment.
        pub first_min_partial_amount: Option<i64>,
        /// Description shown to the customer.
        pub description: Option<String>,
        /// The customer the link was sent to.
        pub customer: Option<PaymentLinkCustomer>,
        /// The merchant's own reference (signed in the callback, may be `""`).
        pub reference_id: Option<String>,
        /// The order created for the link, `order_…`.
        pub order_id: Option<String>,
        /// The link itself.
        pub short_url: Option<String>,
        /// The link's status.
        pub status: PaymentLinkStatus,
        /// Merchant notes (`null` on some links).
        #[serde(default)]
        pub notes: Notes,
        /// Whether it is a UPI-only link.
        pub upi_link: Option<LenientBool>,
        /// Whether Razorpay sends the link by `sms` / `email`, as received.
        pub notify: Option<Map<String, Value>>,
        /// Whether Razorpay sends reminders.
        pub reminder_enable: Option<LenientBool>,
        /// Reminder state, as received (`[]` or `{"status": …}`).
        pub reminders: Option<Value>,
        /// Payments made on the link, as received (`null` until the first one).
        pub payments: Option<Value>,
        /// The Dashboard user who created it.
        pub user_id: Option<String>,
        /// Where the customer is redirected after paying.
        pub callback_url: Option<String>,
        /// `get` for the redirect.
        pub callback_method: Option<String>,
        /// Expiry, Unix seconds (`0` when none).
        pub expire_by: Option<i64>,
        /// When it expired, Unix seconds (`0` when not expired).
        pub expired_at: Option<i64>,
        /// When it was cancelled, Unix seconds (`0` when not cancelled).
        pub cancelled_at: Option<i64>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
        /// Last update, Unix seconds.
        pub updated_at: Option<i64>,
    }
}

entity! {
    /// The answer of `paymentLink.all`: `{"payment_links": [...]}` (not a collection).
    pub struct PaymentLinkList {
        /// The links.
        #[serde(default)]
        pub payment_links: Vec<PaymentLink>,
    }
    missing_defaults: [payment_links]
}
