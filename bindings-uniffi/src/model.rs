//! Razorpay entities as records: the fields apps and servers branch on, typed, plus the whole
//! entity as Razorpay sent it (`json`), so nothing Razorpay adds is ever lost.
//!
//! Statuses are Razorpay's own lower-case strings (`captured`, `paid`, `processed`): a status
//! Razorpay introduces tomorrow still comes through unchanged.

use std::collections::HashMap;

use razorpay_core::model as core;
use serde_json::Value;

/// A payment (`pay_…`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Payment {
    /// `pay_…`.
    pub id: String,
    /// Amount in minor units.
    pub amount: i64,
    /// ISO currency.
    pub currency: String,
    /// `created`, `authorized`, `captured`, `refunded` or `failed`.
    pub status: String,
    /// The order it pays.
    pub order_id: Option<String>,
    /// `card`, `upi`, `netbanking`, `wallet`, …
    pub method: Option<String>,
    /// Refunded so far, in minor units.
    pub amount_refunded: Option<i64>,
    /// Whether it was captured.
    pub captured: Option<bool>,
    /// Customer's email.
    pub email: Option<String>,
    /// Customer's phone.
    pub contact: Option<String>,
    /// Razorpay's fee in minor units.
    pub fee: Option<i64>,
    /// Tax on the fee in minor units.
    pub tax: Option<i64>,
    /// Failure code (`BAD_REQUEST_ERROR`…), for failed payments.
    pub error_code: Option<String>,
    /// Failure description.
    pub error_description: Option<String>,
    /// Failure source (`customer`, `bank`…).
    pub error_source: Option<String>,
    /// Failure step.
    pub error_step: Option<String>,
    /// Failure reason (`payment_cancelled`…).
    pub error_reason: Option<String>,
    /// Notes; non-string values as JSON text.
    pub notes: HashMap<String, String>,
    /// Unix seconds.
    pub created_at: Option<i64>,
    /// The whole entity as Razorpay sent it.
    pub json: String,
}

/// An order (`order_…`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Order {
    /// `order_…`.
    pub id: String,
    /// Amount in minor units.
    pub amount: i64,
    /// Paid so far.
    pub amount_paid: Option<i64>,
    /// Still due.
    pub amount_due: Option<i64>,
    /// ISO currency.
    pub currency: String,
    /// The shop's receipt.
    pub receipt: Option<String>,
    /// `created`, `attempted` or `paid`.
    pub status: String,
    /// Payment attempts.
    pub attempts: Option<i64>,
    /// Notes; non-string values as JSON text.
    pub notes: HashMap<String, String>,
    /// Unix seconds.
    pub created_at: Option<i64>,
    /// The whole entity as Razorpay sent it.
    pub json: String,
}

/// A refund (`rfnd_…`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Refund {
    /// `rfnd_…`.
    pub id: String,
    /// Amount in minor units.
    pub amount: i64,
    /// ISO currency.
    pub currency: String,
    /// The refunded payment.
    pub payment_id: String,
    /// `pending`, `processed` or `failed`.
    pub status: Option<String>,
    /// The shop's receipt.
    pub receipt: Option<String>,
    /// `normal` or `optimum`.
    pub speed_requested: Option<String>,
    /// How it was processed.
    pub speed_processed: Option<String>,
    /// Notes; non-string values as JSON text.
    pub notes: HashMap<String, String>,
    /// Unix seconds.
    pub created_at: Option<i64>,
    /// The whole entity as Razorpay sent it.
    pub json: String,
}

pub(crate) fn notes_map(notes: &core::Notes) -> HashMap<String, String> {
    notes
        .iter()
        .map(|(k, v)| {
            let v = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.to_owned(), v)
        })
        .collect()
}

fn json_of<T: serde::Serialize>(value: &T) -> String {
    // The model types serialise infallibly (string keys, no floats of their own).
    serde_json::to_string(value).unwrap_or_default()
}

impl From<&core::Payment> for Payment {
    fn from(p: &core::Payment) -> Self {
        Self {
            id: p.id.clone(),
            amount: p.amount,
            currency: p.currency.clone(),
            status: p.status.as_str().to_owned(),
            order_id: p.order_id.clone(),
            method: p.method.clone(),
            amount_refunded: p.amount_refunded,
            captured: p.captured.as_ref().map(|c| c.get()),
            email: p.email.clone(),
            contact: p.contact.clone(),
            fee: p.fee,
            tax: p.tax,
            error_code: p.error_code.clone(),
            error_description: p.error_description.clone(),
            error_source: p.error_source.clone(),
            error_step: p.error_step.clone(),
            error_reason: p.error_reason.clone(),
            notes: notes_map(&p.notes),
            created_at: p.created_at,
            json: json_of(p),
        }
    }
}

impl From<&core::Order> for Order {
    fn from(o: &core::Order) -> Self {
        Self {
            id: o.id.clone(),
            amount: o.amount,
            amount_paid: o.amount_paid,
            amount_due: o.amount_due,
            currency: o.currency.clone(),
            receipt: o.receipt.clone(),
            status: o.status.as_str().to_owned(),
            attempts: o.attempts,
            notes: notes_map(&o.notes),
            created_at: o.created_at,
            json: json_of(o),
        }
    }
}

impl From<&core::Refund> for Refund {
    fn from(r: &core::Refund) -> Self {
        Self {
            id: r.id.clone(),
            amount: r.amount,
            currency: r.currency.clone(),
            payment_id: r.payment_id.clone(),
            status: r.status.as_ref().map(|s| s.as_str().to_owned()),
            receipt: r.receipt.clone(),
            speed_requested: r.speed_requested.clone(),
            speed_processed: r.speed_processed.clone(),
            notes: notes_map(&r.notes),
            created_at: r.created_at,
            json: json_of(r),
        }
    }
}
