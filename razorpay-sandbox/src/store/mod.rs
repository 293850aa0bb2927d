//! The sandbox's in-memory Razorpay account: orders, payments and refunds, their state
//! machines, bookkeeping and the webhook events each transition produces.
//!
//! Everything here is synchronous and free of I/O apart from reading the clock: the HTTP layer
//! locks the store, calls one operation, then hands the returned events to the webhook
//! dispatcher after unlocking.

mod checkout;
pub(crate) mod fields;
#[cfg(test)]
mod invariants;
mod listing;
mod order;
mod payment;
mod refund;

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};

pub use checkout::{
    CheckoutFailure, CheckoutMethod, CheckoutOutcome, CheckoutRequest, CheckoutResult,
};
pub(crate) use order::OrderRec;
pub(crate) use payment::PaymentRec;
pub(crate) use refund::RefundRec;

use crate::api_error::ApiError;

/// A webhook event produced by a state transition: its name and its `payload` object
/// (`{"payment": {"entity": {...}}, ...}`), snapshotted at the moment of the transition.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Razorpay's event name, e.g. `payment.captured`.
    pub name: &'static str,
    /// The `payload` member of the envelope; its keys are the envelope's `contains`.
    pub payload: Map<String, Value>,
}

impl Event {
    fn new(name: &'static str, entities: Vec<(&'static str, Value)>) -> Self {
        let payload = entities
            .into_iter()
            .map(|(kind, entity)| (kind.to_string(), serde_json::json!({ "entity": entity })))
            .collect();
        Self { name, payload }
    }
}

/// The result of a mutating operation: the response body and the events to deliver.
pub type Mutation = Result<(Value, Vec<Event>), ApiError>;

/// Seconds since the Unix epoch, as Razorpay's `created_at` fields.
pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Razorpay renders empty notes as `[]` (a PHP empty array) and non-empty ones as an object.
pub(crate) fn notes_json(notes: &Map<String, Value>) -> Value {
    if notes.is_empty() {
        Value::Array(Vec::new())
    } else {
        Value::Object(notes.clone())
    }
}

/// One sandbox account's entities, keyed by id, remembering creation order for listings.
#[derive(Debug, Default)]
pub struct Store {
    orders: HashMap<String, OrderRec>,
    order_ids: Vec<String>,
    payments: HashMap<String, PaymentRec>,
    payment_ids: Vec<String>,
    refunds: HashMap<String, RefundRec>,
    refund_ids: Vec<String>,
    /// `X-Refund-Idempotency` key → (payment id, request body, refund id).
    refund_keys: HashMap<String, (String, Value, String)>,
    /// Whether payments of orders that do not say otherwise are captured right after
    /// authorization (Razorpay's "automatic capture" account setting).
    auto_capture: bool,
}

impl Store {
    /// An empty account; `auto_capture` is the account-wide capture setting.
    pub fn new(auto_capture: bool) -> Self {
        Self {
            auto_capture,
            ..Self::default()
        }
    }

    fn order(&self, id: &str) -> Result<&OrderRec, ApiError> {
        self.orders.get(id).ok_or_else(ApiError::id_not_found)
    }

    fn payment(&self, id: &str) -> Result<&PaymentRec, ApiError> {
        self.payments.get(id).ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/orders/:id`
    pub fn fetch_order(&self, id: &str) -> Result<Value, ApiError> {
        Ok(self.order(id)?.to_json())
    }

    /// `GET /v1/payments/:id`
    pub fn fetch_payment(&self, id: &str) -> Result<Value, ApiError> {
        Ok(self.payment(id)?.to_json())
    }

    /// `GET /v1/refunds/:id`
    pub fn fetch_refund(&self, id: &str) -> Result<Value, ApiError> {
        self.refunds
            .get(id)
            .map(RefundRec::to_json)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/payments/:payment_id/refunds/:refund_id`
    pub fn fetch_payment_refund(
        &self,
        payment_id: &str,
        refund_id: &str,
    ) -> Result<Value, ApiError> {
        self.payment(payment_id)?;
        match self.refunds.get(refund_id) {
            Some(refund) if refund.payment_id == payment_id => Ok(refund.to_json()),
            _ => Err(ApiError::id_not_found()),
        }
    }

    /// `GET /v1/orders/:id/payments`
    pub fn order_payments(&self, id: &str) -> Result<Value, ApiError> {
        let order = self.order(id)?;
        let items: Vec<Value> = order
            .payment_ids
            .iter()
            .rev()
            .filter_map(|pid| self.payments.get(pid))
            .map(PaymentRec::to_json)
            .collect();
        Ok(listing::collection(items))
    }
}
