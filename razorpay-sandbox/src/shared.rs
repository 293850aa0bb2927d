//! State shared by the HTTP handlers and the `Sandbox` handle.

use std::sync::{Arc, Mutex};

use razorpay_core::Secret;
use serde::Serialize;

use crate::api_error::ApiError;
use crate::clock::Clock;
use crate::faults::FaultPlan;
use crate::store::SubscriptionAuth;
use crate::store::{CheckoutMethod, CheckoutRequest, CheckoutResult, LinkPayment, Mutation, Store};
use crate::sync::lock;
use crate::webhooks::Webhooks;

/// One `/v1` request as the sandbox saw it (for asserting retries from tests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedRequest {
    /// HTTP method.
    pub method: String,
    /// Path without the query string.
    pub path: String,
    /// `X-Refund-Idempotency`, if sent.
    pub idempotency_key: Option<String>,
    /// `User-Agent`, if sent.
    pub user_agent: Option<String>,
    /// Fault injected into this request, if any.
    pub fault: Option<String>,
    /// Status answered; `None` when the connection was dropped.
    pub status: Option<u16>,
}

/// Everything the server's handlers share.
#[derive(Debug)]
pub struct Shared {
    pub store: Mutex<Store>,
    pub faults: Mutex<FaultPlan>,
    pub requests: Mutex<Vec<RecordedRequest>>,
    pub webhooks: Arc<Webhooks>,
    pub key_id: String,
    pub key_secret: Secret,
    pub clock: Clock,
}

impl Shared {
    /// Hands a mutation's events to the dispatcher (after the store lock is released) and
    /// returns its body.
    pub fn emit(&self, mutation: Mutation) -> Result<serde_json::Value, ApiError> {
        let (body, events) = mutation?;
        self.webhooks.emit(events);
        Ok(body)
    }

    /// A customer pays a payment link: the callback fields, signed with the key secret.
    pub fn pay_payment_link(
        &self,
        id: &str,
        method: CheckoutMethod,
        amount: Option<i64>,
    ) -> Result<LinkPayment, ApiError> {
        let (mut paid, events) = lock(&self.store).pay_payment_link(id, method, amount)?;
        paid.signature = razorpay_core::sign_payment_link(
            &paid.payment_link_id,
            &paid.reference_id,
            &paid.status,
            &paid.payment_id,
            self.key_secret.expose_secret(),
        );
        self.webhooks.emit(events);
        Ok(paid)
    }

    /// The customer authenticates a subscription through Checkout: the signed fields.
    pub fn authenticate_subscription(
        &self,
        id: &str,
        method: CheckoutMethod,
    ) -> Result<SubscriptionAuth, ApiError> {
        let (auth, events) =
            lock(&self.store).authenticate_subscription(id, method, |payment_id, sub_id| {
                razorpay_core::sign_subscription(
                    sub_id,
                    payment_id,
                    self.key_secret.expose_secret(),
                )
            })?;
        self.webhooks.emit(events);
        Ok(auth)
    }

    /// Turns every API and webhook fault off and releases deliveries they hold back.
    pub fn reset_faults(&self) {
        lock(&self.faults).clear();
        self.webhooks.reset_faults();
    }

    /// Runs what sandbox time has made due and delivers the events.
    pub fn tick(&self) {
        let events = lock(&self.store).tick();
        self.webhooks.emit(events);
    }

    /// Advances sandbox time by `seconds`, then runs what became due; the new time.
    pub fn advance_clock(&self, seconds: i64) -> Result<i64, ApiError> {
        let now = self.clock.advance(seconds).ok_or_else(|| {
            ApiError::invalid_field(
                "seconds",
                format!(
                    "The seconds must be between 1 and {}.",
                    crate::clock::MAX_ADVANCE_SECS
                ),
            )
        })?;
        self.tick();
        Ok(now)
    }

    /// Runs a simulated checkout, signs the result with the key secret as Checkout does,
    /// and emits the webhook events of the attempt.
    pub fn checkout(&self, request: &CheckoutRequest) -> Result<CheckoutResult, ApiError> {
        let (result, events) = lock(&self.store).checkout(request, |order_id, payment_id| {
            razorpay_core::sign_payment(order_id, payment_id, self.key_secret.expose_secret())
        })?;
        self.webhooks.emit(events);
        Ok(result)
    }
}

impl Shared {
    /// The customer pays a standalone invoice: the callback fields, signed with the key
    /// secret (`invoice_id|receipt|status|payment_id`), and the attempt's webhooks.
    pub fn pay_invoice(
        &self,
        id: &str,
        method: CheckoutMethod,
        amount: Option<i64>,
    ) -> Result<crate::store::InvoicePayment, ApiError> {
        let (paid, events) = lock(&self.store).pay_invoice(
            id,
            method,
            amount,
            |invoice_id, receipt, status, payment_id| {
                razorpay_core::sign_invoice(
                    invoice_id,
                    receipt,
                    status,
                    payment_id,
                    self.key_secret.expose_secret(),
                )
            },
        )?;
        self.webhooks.emit(events);
        Ok(paid)
    }
}
