//! `/v1/transfers` and `/v1/payments/:id/transfers` (Route).

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
    let account_id = shared.webhooks.account_id().to_string();
    let mutation = lock(&shared.store).create_direct_transfer(&params, &account_id);
    shared.emit(mutation).map(Json)
}

pub async fn list(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_transfers(&params::query(query), None)?,
    ))
}

pub async fn fetch(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_transfer(&id)?))
}

pub async fn edit(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).edit_transfer(&id, &params)?))
}

pub async fn reverse(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(lock(&shared.store).reverse_transfer(&id, &params)?))
}

pub async fn transfer_payment(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).transfer_payment(&id, &params);
    shared.emit(mutation).map(Json)
}

pub async fn payment_transfers(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).list_transfers(&params::query(query), Some(&id))?,
    ))
}
