//! What a browser sees of the sandbox: Razorpay Checkout's `checkout.js` stand-in, the frame
//! it opens, and a server-rendered dashboard of the account.
//!
//! The shape copies Razorpay's: the shop's page loads `GET /v1/checkout.js` from the sandbox
//! (instead of `https://checkout.razorpay.com/v1/checkout.js`), `new Razorpay(options).open()`
//! lays an `<iframe>` from the sandbox's origin over the page, and the frame talks to the
//! sandbox same-origin and to the page only through `postMessage`. So a page that works here
//! uses exactly the browser API it will use against Razorpay:
//!
//! ```text
//! shop page ──<script src=sandbox/v1/checkout.js>──▶ new Razorpay(options).open()
//!    ▲                                                   │ iframe sandbox/sandbox/checkout/frame
//!    │ handler(response) / on('payment.failed')          ▼
//!    └──────────── postMessage ◀── frame: GET /sandbox/checkout/preferences (validation)
//!                                        POST /sandbox/checkout (the payment + webhooks)
//! ```
//!
//! The dashboard (`GET /sandbox/`) reads the store and the webhook log and offers the sandbox
//! controls as plain HTML forms that post and redirect back (no build step, no script).

mod actions;
mod assets;
mod dashboard;
mod html;
mod preferences;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

use crate::shared::Shared;

/// `GET /v1/checkout.js`, outside the API's Basic authentication (Razorpay serves it to anyone).
pub fn v1_routes() -> Router<Arc<Shared>> {
    Router::new().route("/checkout.js", get(assets::checkout_js))
}

/// `GET /sandbox/` (with the slash, which a nested router does not match).
pub fn root_routes() -> Router<Arc<Shared>> {
    Router::new().route("/sandbox/", get(dashboard::page))
}

/// The frame, its validation endpoint, the dashboard and its actions, under `/sandbox`.
pub fn sandbox_routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(dashboard::page))
        .route("/checkout/frame", get(assets::frame))
        .route("/checkout/preferences", get(preferences::preferences))
        .route("/dashboard/refund", post(actions::refund))
        .route("/dashboard/capture", post(actions::capture))
        .route("/dashboard/redeliver", post(actions::redeliver))
        .route("/dashboard/fault", post(actions::queue_fault))
        .route("/dashboard/webhook-faults", post(actions::webhook_faults))
        .route("/dashboard/clear-faults", post(actions::clear_faults))
        .route("/dashboard/clock", post(actions::advance_clock))
}

#[cfg(test)]
mod tests;
