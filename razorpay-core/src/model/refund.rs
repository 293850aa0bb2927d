//! [`Refund`]: money returned to the customer for a captured payment.

use serde_json::{Map, Value};

use super::wire::entity;
use super::{Notes, RefundStatus};

entity! {
    /// A refund of (part of) a captured payment, as returned by the refunds API and carried by
    /// `refund.*` webhooks.
    ///
    /// ```
    /// use razorpay_core::model::{Refund, RefundStatus};
    ///
    /// let refund: Refund = serde_json::from_str(r##"{
    ///     "id": "rfnd_FP8DDKxqJif6ca", "entity": "refund", "amount": 300100, "currency": "INR",
    ///     "payment_id": "pay_FIKOnlyii5QGNx", "notes": [], "receipt": "#126",
    ///     "created_at": 1597078124, "status": "processed", "speed_processed": "normal"
    /// }"##)?;
    /// assert_eq!(refund.status, Some(RefundStatus::Processed));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
    pub struct Refund {
        /// Refund id, `rfnd_…`.
        pub id: String,
        /// Always `"refund"`.
        pub entity: Option<String>,
        /// Amount refunded, in the currency's smallest unit.
        pub amount: i64,
        /// ISO 4217 currency code.
        pub currency: String,
        /// The refunded payment, `pay_…`.
        pub payment_id: String,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// The merchant's own reference.
        pub receipt: Option<String>,
        /// Bank references, e.g. `arn`.
        pub acquirer_data: Option<Map<String, Value>>,
        /// Batch id when the refund was created in a batch.
        pub batch_id: Option<String>,
        /// The refund's status.
        pub status: Option<RefundStatus>,
        /// `normal` or `instant`: how it was processed.
        pub speed_processed: Option<String>,
        /// `normal` or `optimum`: what was asked for.
        pub speed_requested: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
