//! `/v1/settlements`: list, fetch, combined recon, on-demand settlements.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;

use super::money::{Answer, QueryPairs};
use super::params;
use crate::shared::Shared;
use crate::sync::lock;

pub async fn list(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_settlements(&params::query(query))?,
    ))
}

pub async fn fetch(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Answer {
    Ok(Json(lock(&shared.store).fetch_settlement(&id)?))
}

pub async fn recon(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).settlement_recon(&params::query(query))?,
    ))
}

pub async fn create_ondemand(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let params = params::body(&headers, &body)?;
    Ok(Json(
        lock(&shared.store).create_ondemand_settlement(&params)?,
    ))
}

pub async fn list_ondemand(State(shared): State<Arc<Shared>>, Query(query): QueryPairs) -> Answer {
    Ok(Json(
        lock(&shared.store).list_ondemand_settlements(&params::query(query))?,
    ))
}

pub async fn fetch_ondemand(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    Query(query): QueryPairs,
) -> Answer {
    Ok(Json(
        lock(&shared.store).fetch_ondemand_settlement(&id, &params::query(query))?,
    ))
}
