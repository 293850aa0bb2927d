//! The HTTP surface: Razorpay's API under `/v1` and the sandbox's own endpoints under
//! `/sandbox` (simulated checkout, webhook registration, faults, request log), plus what a
//! browser loads (`/v1/checkout.js`, the Checkout frame, the dashboard at `/sandbox/`).

mod api;
mod auth;
mod browser;
mod control;
mod faulting;
mod params;

use std::sync::Arc;

use axum::Router;
use axum::middleware;
use axum::routing::{get, post};

use crate::api_error::ApiError;
use crate::shared::Shared;

pub use faulting::ConnectionKill;

/// The whole application.
pub fn router(shared: Arc<Shared>) -> Router {
    let v1 = Router::new()
        .route("/orders", post(api::create_order).get(api::list_orders))
        .route("/orders/{id}", get(api::fetch_order).patch(api::edit_order))
        .route("/orders/{id}/payments", get(api::order_payments))
        .route("/payments", get(api::list_payments))
        .route("/payments/{id}", get(api::fetch_payment))
        .route("/payments/{id}/capture", post(api::capture_payment))
        .route("/payments/{id}/refund", post(api::create_refund))
        .route("/payments/{id}/refunds", get(api::payment_refunds))
        .route(
            "/payments/{id}/refunds/{refund_id}",
            get(api::payment_refund),
        )
        .route("/refunds", get(api::list_refunds))
        .route("/refunds/{id}", get(api::fetch_refund))
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            auth::basic_auth,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            faulting::inject_and_record,
        ))
        // Added after the layers: checkout.js is public, unauthenticated and never faulted.
        .merge(browser::v1_routes());
    let sandbox = Router::new()
        .route("/health", get(control::health))
        .route("/checkout", post(control::checkout))
        .route(
            "/webhooks",
            post(control::register_webhook).get(control::list_webhooks),
        )
        .route("/webhooks/deliveries", get(control::webhook_deliveries))
        .route("/webhooks/faults", post(control::set_webhook_faults))
        .route("/webhooks/idle", get(control::wait_webhooks_idle))
        .route(
            "/faults",
            post(control::set_faults).delete(control::clear_faults),
        )
        .route(
            "/requests",
            get(control::requests).delete(control::clear_requests),
        )
        .merge(browser::sandbox_routes())
        .fallback(not_found);
    Router::new()
        .nest("/v1", v1)
        .nest("/sandbox", sandbox)
        .merge(browser::root_routes())
        .fallback(not_found)
        .with_state(shared)
}

async fn not_found() -> ApiError {
    ApiError::url_not_found()
}
