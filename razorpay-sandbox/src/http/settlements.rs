//! `/v1/settlements`: list, fetch, combined recon.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};

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
