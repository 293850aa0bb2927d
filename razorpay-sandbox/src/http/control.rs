//! The sandbox's own endpoints under `/sandbox` (no authentication; loopback only):
//! simulated checkout, webhook registration and log, faults, request log, health.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::api_error::ApiError;
use crate::faults::{ApiFault, FaultRates, MAX_QUEUED_FAULTS};
use crate::shared::Shared;
use crate::store::{
    CheckoutFailure, CheckoutMethod, CheckoutOutcome, CheckoutRequest, CheckoutResult,
    RefundProcessing,
};
use crate::sync::lock;
use crate::webhooks::{WebhookEndpoint, WebhookFaults};

pub async fn health(State(shared): State<Arc<Shared>>) -> Json<Value> {
    Json(json!({ "status": "ok", "key_id": shared.key_id }))
}

/// Body of `POST /sandbox/checkout`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckoutBody {
    order_id: String,
    #[serde(default)]
    key_id: Option<String>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    amount: Option<i64>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    notes: Option<Map<String, Value>>,
    #[serde(default)]
    error: Option<FailureBody>,
    #[serde(default)]
    customer_id: Option<String>,
    /// Checkout's `save`: `1`/`true` saves the card on the customer.
    #[serde(default)]
    save: Option<Value>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FailureBody {
    code: Option<String>,
    description: Option<String>,
    source: Option<String>,
    step: Option<String>,
    reason: Option<String>,
}

impl FailureBody {
    fn into_failure(self) -> CheckoutFailure {
        let default = CheckoutFailure::default();
        CheckoutFailure {
            code: self.code.unwrap_or(default.code),
            description: self.description.unwrap_or(default.description),
            source: self.source.unwrap_or(default.source),
            step: self.step.unwrap_or(default.step),
            reason: self.reason.unwrap_or(default.reason),
        }
    }
}

fn parse_method(method: Option<&str>) -> Result<CheckoutMethod, ApiError> {
    match method {
        None => Ok(CheckoutMethod::Card),
        Some(m) => CheckoutMethod::parse(m).ok_or_else(|| {
            ApiError::invalid_field(
                "method",
                "The method must be one of card, upi, netbanking, wallet.",
            )
        }),
    }
}

fn checkout_request(body: CheckoutBody, key_id: &str) -> Result<CheckoutRequest, ApiError> {
    if body.key_id.as_deref().is_some_and(|k| k != key_id) {
        return Err(ApiError::unauthorized(super::auth::INVALID_KEY));
    }
    let method = parse_method(body.method.as_deref())?;
    let outcome = match body.outcome.as_deref() {
        None | Some("success") => CheckoutOutcome::Success,
        Some("authorized") => CheckoutOutcome::Authorized,
        Some("failure") => CheckoutOutcome::Failure(body.error.unwrap_or_default().into_failure()),
        Some(_) => {
            return Err(ApiError::invalid_field(
                "outcome",
                "The outcome must be one of success, authorized, failure.",
            ));
        }
    };
    Ok(CheckoutRequest {
        order_id: body.order_id,
        method,
        outcome,
        amount: body.amount,
        email: body.email,
        contact: body.contact,
        notes: body.notes.unwrap_or_default(),
        save: matches!(body.save, Some(Value::Bool(true)))
            || body.save == Some(json!(1))
            || body.save == Some(json!("1")),
        customer_id: body.customer_id,
    })
}

/// `POST /sandbox/checkout`: 200 with the `razorpay_*` triple, or 400 with Checkout's
/// failure `{"error": {...}}` when the outcome is a failure.
pub async fn checkout(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let body: CheckoutBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Invalid checkout request: {e}")))?;
    let request = checkout_request(body, &shared.key_id)?;
    let result = shared.checkout(&request)?;
    let status = match result {
        CheckoutResult::Paid { .. } => StatusCode::OK,
        CheckoutResult::Failed { .. } => StatusCode::BAD_REQUEST,
    };
    Ok((status, Json(result.to_json())).into_response())
}

pub async fn register_webhook(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let endpoint: WebhookEndpoint = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Invalid webhook: {e}")))?;
    if !(endpoint.url.starts_with("http://") || endpoint.url.starts_with("https://")) {
        return Err(ApiError::invalid_field("url", "The url format is invalid."));
    }
    shared.webhooks.register(endpoint.clone());
    Ok(Json(
        json!({ "url": endpoint.url, "events": endpoint.events }),
    ))
}

pub async fn list_webhooks(State(shared): State<Arc<Shared>>) -> Json<Value> {
    Json(json!({ "items": shared.webhooks.endpoints() }))
}

pub async fn webhook_deliveries(State(shared): State<Arc<Shared>>) -> Json<Value> {
    Json(json!({ "items": shared.webhooks.deliveries() }))
}

pub async fn set_webhook_faults(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let faults: WebhookFaults = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Invalid faults: {e}")))?;
    faults
        .validate()
        .map_err(|e| ApiError::bad_request(format!("Invalid faults: {e}")))?;
    shared.webhooks.set_faults(faults);
    Ok(Json(json!(faults)))
}

#[derive(Debug, Deserialize)]
pub struct IdleQuery {
    timeout_ms: Option<u64>,
}

/// `GET /sandbox/webhooks/idle?timeout_ms=5000`: waits for pending deliveries to finish.
pub async fn wait_webhooks_idle(
    State(shared): State<Arc<Shared>>,
    Query(q): Query<IdleQuery>,
) -> Json<Value> {
    let timeout = Duration::from_millis(q.timeout_ms.unwrap_or(5_000).min(60_000));
    Json(json!({ "idle": shared.webhooks.wait_idle(timeout).await }))
}

/// Body of `POST /sandbox/faults`: random shares and/or faults for the next requests.
#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct FaultsBody {
    rates: Option<FaultRates>,
    next: Vec<ApiFault>,
}

pub async fn set_faults(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let body: FaultsBody = if body.iter().all(u8::is_ascii_whitespace) {
        FaultsBody::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("Invalid faults: {e}")))?
    };
    let invalid = |e: String| ApiError::bad_request(format!("Invalid faults: {e}"));
    if let Some(rates) = &body.rates {
        rates.validate().map_err(invalid)?;
    }
    for fault in &body.next {
        fault.validate().map_err(invalid)?;
    }
    if body.next.len() > MAX_QUEUED_FAULTS {
        return Err(invalid(format!(
            "at most {MAX_QUEUED_FAULTS} faults can be queued"
        )));
    }
    let mut plan = lock(&shared.faults);
    if let Some(rates) = body.rates {
        plan.set_rates(rates);
    }
    for fault in body.next {
        plan.push(fault);
    }
    Ok(Json(json!({ "ok": true })))
}

/// `DELETE /sandbox/faults`: every API and webhook fault off, held deliveries released.
pub async fn clear_faults(State(shared): State<Arc<Shared>>) -> Json<Value> {
    shared.reset_faults();
    Json(json!({ "ok": true }))
}

/// `DELETE /sandbox/webhooks/faults`: webhook faults off, held deliveries released.
pub async fn clear_webhook_faults(State(shared): State<Arc<Shared>>) -> Json<Value> {
    shared.webhooks.reset_faults();
    Json(json!({ "ok": true }))
}

pub async fn requests(State(shared): State<Arc<Shared>>) -> Json<Value> {
    Json(json!({ "items": *lock(&shared.requests) }))
}

pub async fn clear_requests(State(shared): State<Arc<Shared>>) -> Json<Value> {
    lock(&shared.requests).clear();
    Json(json!({ "ok": true }))
}

/// `GET /sandbox/clock`: sandbox time and how far it is ahead of the real clock.
pub async fn clock(State(shared): State<Arc<Shared>>) -> Json<Value> {
    Json(json!({ "now": shared.clock.now(), "offset_secs": shared.clock.offset_secs() }))
}

/// Body of `POST /sandbox/clock/advance`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AdvanceBody {
    seconds: i64,
}

/// `POST /sandbox/clock/advance {"seconds": 86400}`: moves sandbox time forward, then runs
/// whatever became due (automatic refunds, refund processing, expiry, charges) before
/// answering, so the next request already sees the result.
pub async fn advance_clock(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let body: AdvanceBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Invalid clock advance: {e}")))?;
    let now = shared.advance_clock(body.seconds)?;
    Ok(Json(
        json!({ "now": now, "offset_secs": shared.clock.offset_secs() }),
    ))
}

/// Body of `POST /sandbox/refunds/processing`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcessingBody {
    normal: String,
}

/// `POST /sandbox/refunds/processing {"normal": "pending"|"immediate"}`.
pub async fn set_refund_processing(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let body: ProcessingBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Invalid refund processing: {e}")))?;
    let mode = match body.normal.as_str() {
        "pending" => RefundProcessing::Pending,
        "immediate" => RefundProcessing::Immediate,
        _ => {
            return Err(ApiError::invalid_field(
                "normal",
                "The normal must be one of pending, immediate.",
            ));
        }
    };
    lock(&shared.store).set_refund_processing(mode);
    Ok(Json(json!({ "normal": body.normal })))
}

/// `POST /sandbox/refunds/:id/process`: a pending refund is processed (`refund.processed`).
pub async fn process_refund(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mutation = lock(&shared.store).settle_refund(&id, true);
    shared.emit(mutation).map(Json)
}

/// `POST /sandbox/refunds/:id/fail`: a pending refund fails (`refund.failed`).
pub async fn fail_refund(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mutation = lock(&shared.store).settle_refund(&id, false);
    shared.emit(mutation).map(Json)
}

/// `POST /sandbox/payments/:id/authorize`: late authorization of a failed payment.
pub async fn authorize_late(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let mutation = lock(&shared.store).authorize_late(&id);
    shared.emit(mutation).map(Json)
}

/// Body of `POST /sandbox/payment_links/:id/pay`.
#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct LinkPayBody {
    method: Option<String>,
    amount: Option<i64>,
}

/// `POST /sandbox/payment_links/:id/pay {"method": "upi", "amount": 500}`: a customer pays
/// the link; answers the signed callback fields Razorpay appends to the `callback_url`.
pub async fn pay_payment_link(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let body: LinkPayBody = if body.iter().all(u8::is_ascii_whitespace) {
        LinkPayBody::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("Invalid payment: {e}")))?
    };
    let method = parse_method(body.method.as_deref())?;
    Ok(Json(
        shared.pay_payment_link(&id, method, body.amount)?.to_json(),
    ))
}

/// Body of `POST /sandbox/subscriptions/:id/authenticate`.
#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct AuthenticateBody {
    method: Option<String>,
}

/// `POST /sandbox/subscriptions/:id/authenticate {"method": "card"}`: the customer completes
/// the subscription's Checkout; answers the signed `razorpay_*` fields.
pub async fn authenticate_subscription(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let body: AuthenticateBody = if body.iter().all(u8::is_ascii_whitespace) {
        AuthenticateBody::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("Invalid authentication: {e}")))?
    };
    let method = parse_method(body.method.as_deref())?;
    Ok(Json(
        shared.authenticate_subscription(&id, method)?.to_json(),
    ))
}

/// Body of `POST /sandbox/subscriptions/:id/charges`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChargesBody {
    fail: bool,
}

/// `POST /sandbox/subscriptions/:id/charges {"fail": true}`: the next charges fail (or
/// succeed again), to reach `pending` and `halted`.
pub async fn set_subscription_charges(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let body: ChargesBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Invalid charges setting: {e}")))?;
    Ok(Json(
        lock(&shared.store).set_subscription_charges_fail(&id, body.fail)?,
    ))
}
