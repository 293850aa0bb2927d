//! `/v1/virtual_accounts` (Smart Collect), `GET /v1/payments/:id/bank_transfer`, and the
//! control crediting an account.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;

use super::money::{Answer, QueryPairs};
use super::params;
use crate::shared::Shared;
use crate::sync::lock;

pub async fn create(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).create_virtual_account(&params)?))
}

pub async fn list(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_virtual_accounts(&params::query(query))?,
    ))
}

pub async fn fetch(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_virtual_account(&id)?))
}

pub async fn payments(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).virtual_account_payments(&id, &params::query(query))?,
    ))
}

pub async fn close(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    let mutation = lock(&shared.store).close_virtual_account(&id);
    shared.emit(mutation).map(Json)
}

pub async fn add_receivers(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(
        lock(&shared.store).add_virtual_account_receivers(&id, &params)?,
    ))
}

pub async fn add_allowed_payer(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).add_allowed_payer(&id, &params)?))
}

/// Razorpay documents the answer to a deleted allowed payer as the JSON `null`.
pub async fn delete_allowed_payer(
    State(shared): State<Arc<Shared>>,
    Path((id, payer_id)): Path<(String, String)>,
) -> Answer {
    lock(&shared.store).delete_allowed_payer(&id, &payer_id)?;
    Ok(Json(serde_json::Value::Null))
}

pub async fn bank_transfer(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).payment_bank_transfer(&id)?))
}

/// `POST /sandbox/virtual_accounts/:id/credit {"amount", "method", "mode", "payer",
/// "payer_vpa"}`: answers the payment.
pub async fn credit(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).credit_virtual_account(&id, &params);
    shared.emit(mutation).map(Json)
}
