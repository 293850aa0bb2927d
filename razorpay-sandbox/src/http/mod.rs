//! The HTTP surface: Razorpay's API under `/v1` and the sandbox's own endpoints under
//! `/sandbox` (simulated checkout, webhook registration, faults, request log), plus what a
//! browser loads (`/v1/checkout.js`, the Checkout frame, the dashboard at `/sandbox/`).

mod api;
mod auth;
mod billing;
mod browser;
mod control;
mod faulting;
mod limits;
mod oauth;
mod params;
// Money movement: settlements, disputes, QR codes, virtual accounts, transfers.
mod disputes;
mod money;
mod qr_codes;
mod settlements;
mod transfers;
mod virtual_accounts;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
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
        .route(
            "/payments/{id}",
            get(api::fetch_payment).patch(api::edit_payment),
        )
        .route("/payments/{id}/capture", post(api::capture_payment))
        .route("/payments/{id}/refund", post(api::create_refund))
        .route("/payments/{id}/refunds", get(api::payment_refunds))
        .route(
            "/payments/{id}/refunds/{refund_id}",
            get(api::payment_refund),
        )
        .route("/refunds", get(api::list_refunds))
        .route(
            "/refunds/{id}",
            get(api::fetch_refund).patch(api::edit_refund),
        )
        .route(
            "/payment_links",
            post(api::create_payment_link).get(api::list_payment_links),
        )
        .route(
            "/payment_links/{id}",
            get(api::fetch_payment_link).patch(api::edit_payment_link),
        )
        .route("/payment_links/{id}/cancel", post(api::cancel_payment_link))
        .route(
            "/payment_links/{id}/notify_by/{medium}",
            post(api::notify_payment_link),
        )
        .route(
            "/customers",
            post(api::create_customer).get(api::list_customers),
        )
        .route(
            "/customers/{id}",
            get(api::fetch_customer).put(api::edit_customer),
        )
        .route("/plans", post(api::create_plan).get(api::list_plans))
        .route("/plans/{id}", get(api::fetch_plan))
        .route(
            "/subscriptions",
            post(api::create_subscription).get(api::list_subscriptions),
        )
        .route("/subscriptions/{id}", get(api::fetch_subscription))
        .route("/subscriptions/{id}/cancel", post(api::cancel_subscription))
        .route("/subscriptions/{id}/pause", post(api::pause_subscription))
        .route("/subscriptions/{id}/resume", post(api::resume_subscription))
        .route("/invoices", get(api::list_invoices))
        .route("/invoices/{id}", get(api::fetch_invoice))
        .merge(billing::v1_routes())
        .merge(money::v1_routes())
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
        .route("/clock", get(control::clock))
        .route("/clock/advance", post(control::advance_clock))
        .route("/refunds/processing", post(control::set_refund_processing))
        .route("/refunds/{id}/process", post(control::process_refund))
        .route("/refunds/{id}/fail", post(control::fail_refund))
        .route("/payments/{id}/authorize", post(control::authorize_late))
        .route("/payment_links/{id}/pay", post(control::pay_payment_link))
        .route(
            "/subscriptions/{id}/authenticate",
            post(control::authenticate_subscription),
        )
        .route(
            "/subscriptions/{id}/charges",
            post(control::set_subscription_charges),
        )
        .route("/checkout", post(control::checkout))
        .route(
            "/webhooks",
            post(control::register_webhook).get(control::list_webhooks),
        )
        .route("/webhooks/deliveries", get(control::webhook_deliveries))
        .route(
            "/webhooks/faults",
            post(control::set_webhook_faults).delete(control::clear_webhook_faults),
        )
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
        .merge(billing::sandbox_routes())
        .merge(money::sandbox_routes())
        .fallback(not_found);
    Router::new()
        .nest("/v1", v1)
        .nest("/sandbox", sandbox)
        .nest("/auth", oauth::routes())
        .merge(browser::root_routes())
        .fallback(not_found)
        .layer(middleware::from_fn(limits::bounded_body))
        .layer(DefaultBodyLimit::max(limits::MAX_BODY_BYTES))
        .with_state(shared)
}

async fn not_found() -> ApiError {
    ApiError::url_not_found()
}
