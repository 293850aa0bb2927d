//! Handlers for the billing endpoints: saved-card tokens, add-ons, subscription updates,
//! items and standalone invoices under `/v1`, and their sandbox controls under `/sandbox`
//! (paying an invoice, making instant refunds unavailable).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use super::params;
use crate::api_error::ApiError;
use crate::shared::Shared;
use crate::store::CheckoutMethod;
use crate::sync::lock;

type Answer = Result<Json<Value>, ApiError>;
type QueryPairs = Query<Vec<(String, String)>>;
type Id = Path<String>;

/// The `/v1` billing routes (merged into the authenticated, faulted API router).
pub fn v1_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/customers/{id}/tokens", get(customer_tokens))
        .route(
            "/customers/{id}/tokens/{token_id}",
            get(customer_token).delete(delete_customer_token),
        )
        .route("/subscriptions/{id}/addons", post(create_addon))
        .route("/addons", get(list_addons))
        .route("/addons/{id}", get(fetch_addon).delete(delete_addon))
        .route("/subscriptions/{id}", patch(update_subscription))
        .route(
            "/subscriptions/{id}/retrieve_scheduled_changes",
            get(scheduled_changes),
        )
        .route(
            "/subscriptions/{id}/cancel_scheduled_changes",
            post(cancel_scheduled_changes),
        )
        .route("/items", post(create_item).get(list_items))
        .route(
            "/items/{id}",
            get(fetch_item).patch(edit_item).delete(delete_item),
        )
        .route("/invoices", post(create_invoice))
        .route(
            "/invoices/{id}",
            patch(update_invoice).delete(delete_invoice),
        )
        .route("/invoices/{id}/issue", post(issue_invoice))
        .route("/invoices/{id}/cancel", post(cancel_invoice))
        .route("/invoices/{id}/notify_by/{medium}", post(notify_invoice))
}

/// The `/sandbox` billing controls.
pub fn sandbox_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/invoices/{id}/pay", post(pay_invoice))
        .route("/refunds/instant", post(set_instant_refunds))
}

async fn customer_tokens(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).customer_tokens(&id)?))
}

async fn customer_token(
    State(shared): State<Arc<Shared>>,
    Path((id, token_id)): Path<(String, String)>,
) -> Answer {
    Ok(Json(
        lock(&shared.store).customer_token_json(&id, &token_id)?,
    ))
}

async fn delete_customer_token(
    State(shared): State<Arc<Shared>>,
    Path((id, token_id)): Path<(String, String)>,
) -> Answer {
    Ok(Json(
        lock(&shared.store).delete_customer_token(&id, &token_id)?,
    ))
}

async fn create_addon(
    State(shared): State<Arc<Shared>>,
    Path(id): Id,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_addon(&id, &params)?))
}

async fn list_addons(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_addons(&params::query(query))?,
    ))
}

async fn fetch_addon(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).fetch_addon(&id)?))
}

async fn delete_addon(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).delete_addon(&id)?))
}

async fn update_subscription(
    State(shared): State<Arc<Shared>>,
    Path(id): Id,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).update_subscription(&id, &params);
    shared.emit(mutation).map(Json)
}

async fn scheduled_changes(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).scheduled_changes(&id)?))
}

async fn cancel_scheduled_changes(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).cancel_scheduled_changes(&id)?))
}

async fn create_item(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_item(&params)?))
}

async fn list_items(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(lock(&shared.store).list_items(&params::query(query))?))
}

async fn fetch_item(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).fetch_item(&id)?))
}

async fn edit_item(
    State(shared): State<Arc<Shared>>,
    Path(id): Id,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).edit_item(&id, &params)?))
}

async fn delete_item(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).delete_item(&id)?))
}

async fn create_invoice(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_invoice(&params)?))
}

async fn update_invoice(
    State(shared): State<Arc<Shared>>,
    Path(id): Id,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).update_invoice(&id, &params)?))
}

async fn delete_invoice(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).delete_invoice(&id)?))
}

async fn issue_invoice(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).issue_invoice(&id)?))
}

async fn cancel_invoice(State(shared): State<Arc<Shared>>, Path(id): Id) -> Answer {
    Ok(Json(lock(&shared.store).cancel_invoice(&id)?))
}

async fn notify_invoice(
    State(shared): State<Arc<Shared>>,
    Path((id, medium)): Path<(String, String)>,
) -> Answer {
    Ok(Json(lock(&shared.store).notify_invoice(&id, &medium)?))
}

/// Body of `POST /sandbox/invoices/:id/pay`.
#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct InvoicePayBody {
    method: Option<String>,
    amount: Option<i64>,
}

/// `POST /sandbox/invoices/:id/pay {"method": "upi", "amount": 500}`: the customer pays the
/// invoice; answers the signed fields Razorpay hands the invoice's `callback_url`.
async fn pay_invoice(State(shared): State<Arc<Shared>>, Path(id): Id, body: Bytes) -> Answer {
    let body: InvoicePayBody = if body.iter().all(u8::is_ascii_whitespace) {
        InvoicePayBody::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("Invalid payment: {e}")))?
    };
    let method = match body.method.as_deref() {
        None => CheckoutMethod::Card,
        Some(m) => CheckoutMethod::parse(m).ok_or_else(|| {
            ApiError::invalid_field(
                "method",
                "The method must be one of card, upi, netbanking, wallet.",
            )
        })?,
    };
    Ok(Json(
        shared.pay_invoice(&id, method, body.amount)?.to_json(),
    ))
}

/// Body of `POST /sandbox/refunds/instant`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstantBody {
    available: bool,
}

/// `POST /sandbox/refunds/instant {"available": false}`: `speed: optimum` refunds fall back
/// to normal speed (`refund.speed_changed`) until it is switched back on.
async fn set_instant_refunds(State(shared): State<Arc<Shared>>, body: Bytes) -> Answer {
    let body: InstantBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Invalid setting: {e}")))?;
    lock(&shared.store).set_instant_refunds(body.available);
    Ok(Json(json!({ "available": body.available })))
}
