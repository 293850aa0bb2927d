//! Request body bound: every body is at most [`MAX_BODY_BYTES`], refused with a Razorpay-shaped
//! 413 whether the client declared its length or streamed it.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api_error::ApiError;

/// Largest request body the sandbox reads (1 MiB; Razorpay's own requests are far smaller).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Refuses a declared oversize body before reading it, and turns the body-limit rejection of
/// a streamed one (axum's plain-text 413) into Razorpay's JSON error body.
pub async fn bounded_body(request: Request<Body>, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > MAX_BODY_BYTES as u64) {
        return ApiError::body_too_large(MAX_BODY_BYTES).into_response();
    }
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_json {
        return ApiError::body_too_large(MAX_BODY_BYTES).into_response();
    }
    response
}
