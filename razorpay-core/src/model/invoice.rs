//! [`Invoice`]: an invoice sent to a customer (also created for each subscription charge).

use super::wire::entity;
use super::{InvoiceStatus, LenientBool, Notes};

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
        /// Whether the customer may pay in parts.
        pub partial_payment: Option<LenientBool>,
        /// Total before tax, in the currency's smallest unit.
        pub gross_amount: Option<i64>,
        /// Tax, in the currency's smallest unit.
        pub tax_amount: Option<i64>,
        /// Amount tax applies to, in the currency's smallest unit.
        pub taxable_amount: Option<i64>,
        /// Start of the billed period, Unix seconds.
        pub billing_start: Option<i64>,
        /// End of the billed period, Unix seconds.
        pub billing_end: Option<i64>,
        /// SMS delivery: `pending` or `sent`.
        pub sms_status: Option<String>,
        /// Email delivery: `pending` or `sent`.
        pub email_status: Option<String>,
        /// Comment shown on the invoice.
        pub comment: Option<String>,
        /// Terms shown on the invoice.
        pub terms: Option<String>,
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
        pub created_at: Option<crate::model::UnixTime>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_issued_invoice_round_trips() {
        let value = json!({
            "id": "inv_1", "entity": "invoice", "type": "invoice", "receipt": "R-15",
            "invoice_number": "R-15", "customer_id": "cust_1",
            "customer_details": {"name": "A Buyer", "email": "buyer@example.com"},
            "order_id": "order_1", "line_items": [], "payment_id": null, "status": "issued",
            "issued_at": 1482299421, "paid_at": null, "date": 1482299421, "amount": 100,
            "amount_paid": 0, "amount_due": 100, "currency": "INR", "notes": [],
            "short_url": "https://rzp.io/i/x", "created_at": 1482299422
        });
        let invoice: Invoice = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(invoice.status, InvoiceStatus::Issued);
        assert_eq!(invoice.invoice_type.as_deref(), Some("invoice"));
        assert_eq!((invoice.amount, invoice.amount_due), (Some(100), Some(100)));
        assert_eq!(invoice.payment_id, None);
        assert!(invoice.extra.contains_key("customer_details"));
        assert_eq!(serde_json::to_value(&invoice).unwrap(), value);
    }
}
