//! Request parameters as records, converted to `razorpay_core::client` request types (which
//! validate them before anything is sent).

use std::collections::HashMap;

use razorpay_core::client as core;
use razorpay_core::model::Notes;

/// `POST /v1/orders`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreateOrder {
    /// Amount in minor units (paise for INR).
    pub amount: i64,
    /// ISO currency Razorpay supports.
    pub currency: String,
    /// Your reference, at most 40 characters.
    #[uniffi(default)]
    pub receipt: Option<String>,
    /// Up to 15 notes of at most 256 characters.
    #[uniffi(default)]
    pub notes: HashMap<String, String>,
    /// Let the customer pay in parts.
    #[uniffi(default)]
    pub partial_payment: Option<bool>,
    /// Smallest first payment of a partial-payment order.
    #[uniffi(default)]
    pub first_payment_min_amount: Option<i64>,
    /// Capture payments automatically (overrides the account setting).
    #[uniffi(default)]
    pub payment_capture: Option<bool>,
}

/// Filters of `GET /v1/orders`.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ListOrders {
    /// Created at or after (Unix seconds); Razorpay's `from` (renamed: `from` is a Python
    /// keyword).
    #[uniffi(default)]
    pub since: Option<i64>,
    /// Created at or before (Unix seconds); Razorpay's `to`.
    #[uniffi(default)]
    pub until: Option<i64>,
    /// Page size, 1..=100.
    #[uniffi(default)]
    pub count: Option<u32>,
    /// Orders to skip.
    #[uniffi(default)]
    pub skip: Option<u32>,
    /// Only orders with (`true`) or without (`false`) an authorized payment.
    #[uniffi(default)]
    pub authorized: Option<bool>,
    /// Only orders with this receipt.
    #[uniffi(default)]
    pub receipt: Option<String>,
}

/// Filters of `GET /v1/payments` and `GET /v1/payments/:id/refunds`.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ListFilter {
    /// Created at or after (Unix seconds); Razorpay's `from` (renamed: `from` is a Python
    /// keyword).
    #[uniffi(default)]
    pub since: Option<i64>,
    /// Created at or before (Unix seconds); Razorpay's `to`.
    #[uniffi(default)]
    pub until: Option<i64>,
    /// Page size, 1..=100.
    #[uniffi(default)]
    pub count: Option<u32>,
    /// Items to skip.
    #[uniffi(default)]
    pub skip: Option<u32>,
}

/// How fast Razorpay should refund.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RefundSpeed {
    /// 5–7 working days.
    Normal,
    /// Instant where possible.
    Optimum,
}

/// `POST /v1/payments/:id/refund`. With an `idempotency_key` (sent as `X-Refund-Idempotency`)
/// Razorpay refunds at most once per key, so the call is safely retried after a timeout.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct CreateRefund {
    /// Amount to refund; `null`/`None` refunds what is left.
    #[uniffi(default)]
    pub amount: Option<i64>,
    /// Refund speed (Razorpay's default: normal).
    #[uniffi(default)]
    pub speed: Option<RefundSpeed>,
    /// Up to 15 notes.
    #[uniffi(default)]
    pub notes: HashMap<String, String>,
    /// Your reference, at most 40 characters.
    #[uniffi(default)]
    pub receipt: Option<String>,
    /// 10 to 255 characters of letters, digits, `-` and `_`.
    #[uniffi(default)]
    pub idempotency_key: Option<String>,
}

pub(crate) fn notes(map: HashMap<String, String>) -> Notes {
    // Sorted: the same notes always give the same request body.
    let mut entries: Vec<_> = map.into_iter().collect();
    entries.sort();
    let mut notes = Notes::new();
    for (k, v) in entries {
        notes.insert(k, v);
    }
    notes
}

impl From<CreateOrder> for core::CreateOrder {
    fn from(o: CreateOrder) -> Self {
        let mut out = core::CreateOrder::new(o.amount, o.currency).notes(notes(o.notes));
        out.receipt = o.receipt;
        out.partial_payment = o.partial_payment;
        out.first_payment_min_amount = o.first_payment_min_amount;
        out.payment_capture = o.payment_capture;
        out
    }
}

impl From<ListOrders> for core::ListOrders {
    fn from(f: ListOrders) -> Self {
        let mut out = Self::default();
        out.from = f.since;
        out.to = f.until;
        out.count = f.count;
        out.skip = f.skip;
        out.authorized = f.authorized;
        out.receipt = f.receipt;
        out
    }
}

impl From<ListFilter> for core::ListPayments {
    fn from(f: ListFilter) -> Self {
        let mut out = Self::default();
        out.from = f.since;
        out.to = f.until;
        out.count = f.count;
        out.skip = f.skip;
        out
    }
}

impl From<ListFilter> for core::ListRefunds {
    fn from(f: ListFilter) -> Self {
        let mut out = Self::default();
        out.from = f.since;
        out.to = f.until;
        out.count = f.count;
        out.skip = f.skip;
        out
    }
}

impl From<CreateRefund> for core::CreateRefund {
    fn from(r: CreateRefund) -> Self {
        let mut out = match r.amount {
            Some(amount) => core::CreateRefund::partial(amount),
            None => core::CreateRefund::full(),
        };
        out.speed = r.speed.map(|s| match s {
            RefundSpeed::Normal => core::RefundSpeed::Normal,
            RefundSpeed::Optimum => core::RefundSpeed::Optimum,
        });
        out.notes = notes(r.notes);
        out.receipt = r.receipt;
        match r.idempotency_key {
            Some(key) => out.idempotency_key(key),
            None => out,
        }
    }
}
