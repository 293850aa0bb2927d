//! [`QrCode`]: a UPI QR code that collects payments.

use super::wire::entity;
use super::{LenientBool, Notes};

entity! {
    /// A QR code, as returned by the QR codes API and carried by `qr_code.*` webhooks.
    pub struct QrCode {
        /// QR code id, `qr_…`.
        pub id: String,
        /// Always `"qr_code"`.
        pub entity: Option<String>,
        /// Label.
        pub name: Option<String>,
        /// `single_use` or `multiple_use`.
        pub usage: Option<String>,
        /// `upi_qr` or `bharat_qr`.
        #[serde(rename = "type")]
        pub qr_type: Option<String>,
        /// The QR image.
        pub image_url: Option<String>,
        /// Amount to pay when `fixed_amount`, in the currency's smallest unit.
        pub payment_amount: Option<i64>,
        /// `active` or `closed`.
        pub status: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Whether only `payment_amount` is accepted.
        pub fixed_amount: Option<LenientBool>,
        /// Total received, in the currency's smallest unit.
        pub payments_amount_received: Option<i64>,
        /// Number of payments received.
        pub payments_count_received: Option<i64>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// The customer, `cust_…`.
        pub customer_id: Option<String>,
        /// When it closes, Unix seconds.
        pub close_by: Option<i64>,
        /// When it closed, Unix seconds.
        pub closed_at: Option<i64>,
        /// `on_demand`, `paid` (single use) or `expired`.
        pub close_reason: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
