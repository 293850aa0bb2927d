//! `/v1/payments/qr_codes` and the control paying a code.

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
    Ok(Json(lock(&shared.store).create_qr_code(&params)?))
}

pub async fn list(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_qr_codes(&params::query(query))?,
    ))
}

pub async fn fetch(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_qr_code(&id)?))
}

pub async fn payments(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).qr_code_payments(&id, &params::query(query))?,
    ))
}

pub async fn close(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    let mutation = lock(&shared.store).close_qr_code(&id);
    shared.emit(mutation).map(Json)
}

/// `POST /sandbox/qr_codes/:id/pay {"amount", "method"}`: answers the payment.
pub async fn pay(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).pay_qr_code(&id, &params);
    shared.emit(mutation).map(Json)
}
