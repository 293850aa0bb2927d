//! Handlers for Razorpay's `/v1` endpoints: parse, lock the store, run one operation,
//! unlock, then hand the produced events to the webhook dispatcher.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use serde_json::Value;

use super::params;
use crate::api_error::ApiError;
use crate::shared::Shared;
use crate::store::Mutation;
use crate::sync::lock;

type Answer = Result<Json<Value>, ApiError>;
type QueryPairs = Query<Vec<(String, String)>>;

/// Runs a mutation and emits its events once the store lock is released.
fn emit(shared: &Shared, mutation: Mutation) -> Answer {
    shared.emit(mutation).map(Json)
}

pub async fn create_order(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let order = lock(&shared.store).create_order(&params)?;
    Ok(Json(order))
}

pub async fn list_orders(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_orders(&params::query(query))?,
    ))
}

pub async fn fetch_order(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).fetch_order_expanded(&id, &params::query(query))?,
    ))
}

pub async fn edit_order(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).edit_order(&id, &params)?))
}

pub async fn order_payments(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).order_payments(&id)?))
}

pub async fn list_payments(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_payments(&params::query(query))?,
    ))
}

pub async fn fetch_payment(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).fetch_payment_expanded(&id, &params::query(query))?,
    ))
}

pub async fn edit_payment(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).edit_payment(&id, &params)?))
}

pub async fn edit_refund(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).edit_refund(&id, &params)?))
}

pub async fn capture_payment(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).capture(&id, &params);
    emit(&shared, mutation)
}

pub async fn create_refund(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let key = headers
        .get("x-refund-idempotency")
        .and_then(|v| v.to_str().ok());
    let mutation = lock(&shared.store).refund(&id, &params, key);
    emit(&shared, mutation)
}

pub async fn payment_refunds(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).payment_refunds(&id, &params::query(query))?,
    ))
}

pub async fn payment_refund(
    State(shared): State<Arc<Shared>>,
    Path((id, refund_id)): Path<(String, String)>,
) -> Answer {
    Ok(Json(
        lock(&shared.store).fetch_payment_refund(&id, &refund_id)?,
    ))
}

pub async fn list_refunds(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_refunds(&params::query(query))?,
    ))
}

pub async fn fetch_refund(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_refund(&id)?))
}

pub async fn create_payment_link(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_payment_link(&params)?))
}

pub async fn list_payment_links(
    State(shared): State<Arc<Shared>>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).list_payment_links(&params::query(query))?,
    ))
}

pub async fn fetch_payment_link(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Answer {
    Ok(Json(lock(&shared.store).fetch_payment_link(&id)?))
}

pub async fn edit_payment_link(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).edit_payment_link(&id, &params)?))
}

pub async fn cancel_payment_link(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Answer {
    let mutation = lock(&shared.store).cancel_payment_link(&id);
    emit(&shared, mutation)
}

pub async fn notify_payment_link(
    State(shared): State<Arc<Shared>>,
    Path((id, medium)): Path<(String, String)>,
) -> Answer {
    Ok(Json(lock(&shared.store).notify_payment_link(&id, &medium)?))
}

pub async fn create_plan(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_plan(&params)?))
}

pub async fn list_plans(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(lock(&shared.store).list_plans(&params::query(query))?))
}

pub async fn fetch_plan(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_plan(&id)?))
}

pub async fn create_subscription(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_subscription(&params)?))
}

pub async fn list_subscriptions(
    State(shared): State<Arc<Shared>>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).list_subscriptions(&params::query(query))?,
    ))
}

pub async fn fetch_subscription(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Answer {
    Ok(Json(lock(&shared.store).fetch_subscription(&id)?))
}

pub async fn cancel_subscription(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).cancel_subscription(&id, &params);
    emit(&shared, mutation)
}

pub async fn pause_subscription(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).pause_subscription(&id, &params, true);
    emit(&shared, mutation)
}

pub async fn resume_subscription(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).pause_subscription(&id, &params, false);
    emit(&shared, mutation)
}

pub async fn list_invoices(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_invoices(&params::query(query))?,
    ))
}

pub async fn fetch_invoice(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_invoice(&id)?))
}

pub async fn create_customer(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_customer(&params)?))
}

pub async fn list_customers(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_customers(&params::query(query))?,
    ))
}

pub async fn fetch_customer(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_customer(&id)?))
}

pub async fn edit_customer(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).edit_customer(&id, &params)?))
}
