//! `/v1/disputes` (list, fetch, accept, contest) and the controls raising and deciding them.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;

use super::money::{Answer, QueryPairs};
use super::params;
use crate::api_error::ApiError;
use crate::shared::Shared;
use crate::store::fields;
use crate::sync::lock;

pub async fn list(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_disputes(&params::query(query))?,
    ))
}

pub async fn fetch(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_dispute(&id)?))
}

pub async fn accept(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    let mutation = lock(&shared.store).accept_dispute(&id);
    shared.emit(mutation).map(Json)
}

pub async fn contest(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).contest_dispute(&id, &params);
    shared.emit(mutation).map(Json)
}

/// `POST /sandbox/payments/:id/dispute {"amount", "reason_code", "phase"}`
pub async fn raise(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    let mutation = lock(&shared.store).raise_dispute(&id, &params);
    shared.emit(mutation).map(Json)
}

/// `POST /sandbox/disputes/:id/resolve {"result": "won"|"lost"|"closed"}`
pub async fn resolve(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    fields::reject_unknown(&params, &["result"])?;
    let result = fields::string(&params, "result")?
        .ok_or_else(|| ApiError::invalid_field("result", "The result field is required."))?;
    let mutation = lock(&shared.store).resolve_dispute(&id, &result);
    shared.emit(mutation).map(Json)
}
