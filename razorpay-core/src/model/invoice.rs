//! [`Invoice`]: an invoice sent to a customer (also created for each subscription charge).

use super::wire::entity;
use super::{InvoiceStatus, Notes};

entity! {
    /// An invoice, carried by `invoice.*` webhooks and by subscription charges.
    pub struct Invoice {
        /// Invoice id, `inv_…`.
        pub id: String,
        /// Always `"invoice"`.
        pub entity: Option<String>,
        /// `invoice`, `link` or `ecod`.
        #[serde(rename = "type")]
        pub invoice_type: Option<String>,
        /// The merchant's invoice number.
        pub invoice_number: Option<String>,
        /// The merchant's own reference (signed in the invoice callback).
        pub receipt: Option<String>,
        /// The customer, `cust_…`.
        pub customer_id: Option<String>,
        /// The order created for the invoice, `order_…`.
        pub order_id: Option<String>,
        /// The payment that paid it, `pay_…`.
        pub payment_id: Option<String>,
        /// The subscription it bills, `sub_…`.
        pub subscription_id: Option<String>,
        /// The invoice's status.
        pub status: InvoiceStatus,
        /// Total, in the currency's smallest unit (`None` on some drafts).
        pub amount: Option<i64>,
        /// Amount paid so far.
        pub amount_paid: Option<i64>,
        /// Amount still due.
        pub amount_due: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Link to the invoice.
        pub short_url: Option<String>,
        /// Invoice date, Unix seconds.
        pub date: Option<i64>,
        /// When it was issued, Unix seconds.
        pub issued_at: Option<i64>,
        /// When it was paid, Unix seconds.
        pub paid_at: Option<i64>,
        /// When it was cancelled, Unix seconds.
        pub cancelled_at: Option<i64>,
        /// When it expired, Unix seconds.
        pub expired_at: Option<i64>,
        /// Expiry, Unix seconds.
        pub expire_by: Option<i64>,
        /// Creation time, Unix seconds.
        pub created_at: Option<i64>,
    }
}
