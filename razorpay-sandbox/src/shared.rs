//! State shared by the HTTP handlers and the `Sandbox` handle.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use razorpay_core::Secret;
use serde::Serialize;

use crate::api_error::ApiError;
use crate::clock::Clock;
use crate::faults::FaultPlan;
use crate::store::{CheckoutRequest, CheckoutResult, Mutation, Store};
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

/// Most entries the request and delivery logs keep; older ones are dropped so a long-running
/// sandbox (or a benchmark) does not grow without bound.
pub const LOG_LIMIT: usize = 10_000;

/// Appends to a log, dropping the oldest entries beyond [`LOG_LIMIT`].
pub fn push_bounded<T>(log: &mut Vec<T>, entry: T) {
    if log.len() >= LOG_LIMIT {
        log.drain(..log.len() + 1 - LOG_LIMIT);
    }
    log.push(entry);
}

/// Locks a mutex, ignoring poisoning: every critical section leaves consistent data.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Hands a mutation's events to the dispatcher (after the store lock is released) and
    /// returns its body.
    pub fn emit(&self, mutation: Mutation) -> Result<serde_json::Value, ApiError> {
        let (body, events) = mutation?;
        self.webhooks.emit(events);
        Ok(body)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_keep_the_newest_entries() {
        let mut log: Vec<usize> = (0..LOG_LIMIT).collect();
        push_bounded(&mut log, LOG_LIMIT);
        assert_eq!(log.len(), LOG_LIMIT);
        assert_eq!((log[0], log[LOG_LIMIT - 1]), (1, LOG_LIMIT));
    }
}
