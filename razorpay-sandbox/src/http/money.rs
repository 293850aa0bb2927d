//! Routes of the money-movement resources (settlements, disputes, QR codes, virtual
//! accounts, transfers) under `/v1`, and their sandbox controls under `/sandbox`. Each resource's
//! handlers live in a file of their own; this one only wires them and holds their helpers.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::routing::{delete, get, post};
use serde_json::Value;

use super::{disputes, qr_codes, settlements, transfers, virtual_accounts};
use crate::api_error::ApiError;
use crate::shared::Shared;

pub(super) type Answer = Result<Json<Value>, ApiError>;
pub(super) type QueryPairs = axum::extract::Query<Vec<(String, String)>>;

/// `/v1` routes, merged before the API's authentication and fault layers.
pub fn v1_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/settlements", get(settlements::list))
        .route("/settlements/recon/combined", get(settlements::recon))
        .route("/settlements/{id}", get(settlements::fetch))
        .route(
            "/settlements/ondemand",
            post(settlements::create_ondemand).get(settlements::list_ondemand),
        )
        .route(
            "/settlements/ondemand/{id}",
            get(settlements::fetch_ondemand),
        )
        .route("/disputes", get(disputes::list))
        .route("/disputes/{id}", get(disputes::fetch))
        .route("/disputes/{id}/accept", post(disputes::accept))
        .route(
            "/disputes/{id}/contest",
            axum::routing::patch(disputes::contest),
        )
        .route(
            "/payments/qr_codes",
            post(qr_codes::create).get(qr_codes::list),
        )
        .route("/payments/qr_codes/{id}", get(qr_codes::fetch))
        .route("/payments/qr_codes/{id}/close", post(qr_codes::close))
        .route("/payments/qr_codes/{id}/payments", get(qr_codes::payments))
        .route(
            "/virtual_accounts",
            post(virtual_accounts::create).get(virtual_accounts::list),
        )
        .route("/virtual_accounts/{id}", get(virtual_accounts::fetch))
        .route(
            "/virtual_accounts/{id}/close",
            post(virtual_accounts::close),
        )
        .route(
            "/virtual_accounts/{id}/payments",
            get(virtual_accounts::payments),
        )
        .route(
            "/virtual_accounts/{id}/receivers",
            post(virtual_accounts::add_receivers),
        )
        .route(
            "/virtual_accounts/{id}/allowed_payers",
            post(virtual_accounts::add_allowed_payer),
        )
        .route(
            "/virtual_accounts/{id}/allowed_payers/{payer_id}",
            delete(virtual_accounts::delete_allowed_payer),
        )
        .route(
            "/payments/{id}/bank_transfer",
            get(virtual_accounts::bank_transfer),
        )
        .route("/transfers", post(transfers::create).get(transfers::list))
        .route(
            "/transfers/{id}",
            get(transfers::fetch).patch(transfers::edit),
        )
        .route("/transfers/{id}/reversals", post(transfers::reverse))
        .route(
            "/payments/{id}/transfers",
            post(transfers::transfer_payment).get(transfers::payment_transfers),
        )
}

/// `/sandbox` controls standing in for banks and customers.
pub fn sandbox_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/payments/{id}/dispute", post(disputes::raise))
        .route("/disputes/{id}/resolve", post(disputes::resolve))
        .route("/qr_codes/{id}/pay", post(qr_codes::pay))
        .route(
            "/virtual_accounts/{id}/credit",
            post(virtual_accounts::credit),
        )
}
