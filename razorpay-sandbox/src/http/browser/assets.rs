//! The static browser assets, compiled into the binary so the sandbox stays one file.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;

/// Razorpay Checkout's browser API (`window.Razorpay`), see `assets/checkout.js`.
const CHECKOUT_JS: &str = include_str!("assets/checkout.js");
/// The page shown inside the Checkout iframe, see `assets/frame.html`.
const FRAME_HTML: &str = include_str!("assets/frame.html");

/// `GET /v1/checkout.js`. Not cached: a developer editing the sandbox sees the change at once.
pub async fn checkout_js() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "application/javascript; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        CHECKOUT_JS,
    )
}

/// `GET /sandbox/checkout/frame`: the modal's content; options arrive by `postMessage`.
pub async fn frame() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        FRAME_HTML,
    )
}
