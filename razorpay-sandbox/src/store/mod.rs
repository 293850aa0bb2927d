//! The sandbox's in-memory Razorpay account: orders, payments and refunds, their state
//! machines, bookkeeping and the webhook events each transition produces.
//!
//! Everything here is synchronous and free of I/O apart from reading the clock: the HTTP layer
//! locks the store, calls one operation, then hands the returned events to the webhook
//! dispatcher after unlocking.

mod checkout;
mod customer;
mod customer_index;
pub(crate) mod fields;
#[cfg(test)]
mod invariants;
mod listing;
mod order;
mod payment;
mod payment_link;
mod refund;
mod subscription;
// Money movement (settlements, on-demand settlements, disputes, QR codes, virtual accounts,
// transfers).
mod credit;
mod dispute;
mod ist;
mod money;
mod ondemand;
mod qr_code;
mod settlement;
mod transfer;
mod virtual_account;

use std::collections::HashMap;

use serde_json::{Map, Value};

pub use checkout::{
    CheckoutFailure, CheckoutMethod, CheckoutOutcome, CheckoutRequest, CheckoutResult,
};
pub(crate) use order::OrderRec;
pub(crate) use payment::PaymentRec;
pub use payment_link::LinkPayment;
pub(crate) use payment_link::LinkRec;
pub(crate) use refund::RefundRec;
pub use refund::RefundStatus;
pub use subscription::SubscriptionAuth;

use crate::api_error::ApiError;
use crate::clock::Clock;
use fields::Params;

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
    /// Account settings beyond capture (limits, receipts, refund processing).
    settings: AccountSettings,
    /// Sandbox time (real time unless a test advanced it).
    clock: Clock,
    links: HashMap<String, LinkRec>,
    link_ids: Vec<String>,
    plans: HashMap<String, subscription::PlanRec>,
    plan_ids: Vec<String>,
    subscriptions: HashMap<String, subscription::SubscriptionRec>,
    subscription_ids: Vec<String>,
    /// Invoices produced by subscription charges, kept as rendered.
    invoices: HashMap<String, Value>,
    invoice_ids: Vec<String>,
    customers: HashMap<String, customer::CustomerRec>,
    customer_ids: Vec<String>,
    /// Customers by (email, contact), so that create finds an existing one without a scan.
    customer_index: customer_index::CustomerIndex,
    /// Tokens, add-ons, items, standalone invoices and billing switches.
    billing: billing::Billing,
    /// Settlements, disputes, QR codes, virtual accounts and transfers.
    money: money::Money,
}

/// How normal-speed refunds are processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RefundProcessing {
    /// `processed` at once (`speed_processed: normal`), as in Razorpay's test mode.
    #[default]
    Immediate,
    /// `pending` until five days of sandbox time pass or a sandbox control
    /// processes or fails it, as live normal refunds do.
    Pending,
}

/// Sandbox time a pending normal refund takes to be processed (Razorpay: 5–7 working days).
pub const NORMAL_REFUND_SECS: i64 = 5 * 24 * 60 * 60;

/// Razorpay's default window to capture an authorized payment before it is refunded
/// automatically (5 days; an order's `payment.capture_options.manual_expiry_period`, in
/// minutes, overrides it).
pub const CAPTURE_WINDOW_SECS: i64 = 5 * 24 * 60 * 60;

/// Account settings a test can change from the builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountSettings {
    /// Largest order or payment amount in minor units ("Amount exceeds maximum amount allowed.").
    pub max_amount: i64,
    /// Whether a repeated order `receipt` is refused (an account-level setting at Razorpay).
    pub unique_receipts: bool,
    /// How normal-speed refunds are processed.
    pub refunds: RefundProcessing,
}

/// The `expand[]` values an order (fetched or listed) accepts; `transfers` is accepted, as
/// Razorpay does, but adds nothing here.
const ORDER_EXPANDS: &[&str] = &["payments", "payments.card", "transfers"];

/// Razorpay's default maximum transaction amount: ₹5,00,000 in paise.
pub const DEFAULT_MAX_AMOUNT: i64 = 50_000_000;

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            max_amount: DEFAULT_MAX_AMOUNT,
            unique_receipts: false,
            refunds: RefundProcessing::Immediate,
        }
    }
}

impl Store {
    /// An empty account; `auto_capture` is the account-wide capture setting.
    #[cfg(test)]
    pub fn new(auto_capture: bool) -> Self {
        Self {
            auto_capture,
            ..Self::default()
        }
    }

    /// An account with the given settings, reading time from `clock`.
    pub fn with_settings(auto_capture: bool, settings: AccountSettings, clock: Clock) -> Self {
        Self {
            auto_capture,
            settings,
            clock,
            ..Self::default()
        }
    }

    /// Sandbox time in seconds.
    pub(crate) fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Changes how normal refunds are processed from now on.
    pub fn set_refund_processing(&mut self, refunds: RefundProcessing) {
        self.settings.refunds = refunds;
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

    /// `GET /v1/orders/:id?expand[]=payments` (or `payments.card`).
    pub fn fetch_order_expanded(&self, id: &str, query: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(query, &["expand[]"])?;
        let expand = fields::expand(query, ORDER_EXPANDS)?;
        Ok(self.order_json_expanded(self.order(id)?, &expand))
    }

    /// The order entity with its payments collection when `expand` asks for `payments` or
    /// `payments.card` (shared by the fetch and the list).
    fn order_json_expanded(&self, rec: &OrderRec, expand: &[String]) -> Value {
        let mut order = rec.to_json();
        let with_card = expand.iter().any(|e| e == "payments.card");
        if (with_card || expand.iter().any(|e| e == "payments"))
            && let Some(map) = order.as_object_mut()
        {
            let payments = rec
                .payment_ids
                .iter()
                .rev()
                .filter_map(|pid| self.payments.get(pid))
                .map(|p| p.to_json_with(with_card))
                .collect();
            map.insert("payments".into(), listing::collection(payments));
        }
        order
    }

    /// Runs whatever sandbox time has made due (called every second and after the clock is
    /// advanced): automatic refunds of uncaptured authorizations, processing of pending
    /// refunds, expiry of payment links, subscription charges. Returns the events produced.
    pub fn tick(&mut self) -> Vec<Event> {
        let mut events = self.refund_expired_authorizations();
        events.extend(self.process_due_refunds());
        events.extend(self.expire_payment_links());
        events.extend(self.charge_due_subscriptions());
        events.extend(self.expire_invoices());
        events.extend(self.money_tick());
        events
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

// Billing: saved-card tokens, add-ons, items, standalone invoices, subscription updates.
mod addon;
mod billing;
mod calendar;
mod invoice;
mod item;
mod subscription_update;
mod token;

pub use invoice::InvoicePayment;
