//! The outermost `/v1` layer: applies the fault plan and records every request.

use std::sync::Arc;

use axum::extract::{OriginalUri, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Notify;

use crate::api_error::ApiError;
use crate::faults::ApiFault;
use crate::shared::{RecordedRequest, Shared};
use crate::sync::{lock, push_bounded};

/// Request extension set by the accept loop: notifying it makes the loop close the
/// connection without answering.
#[derive(Debug, Clone)]
pub struct ConnectionKill(pub Arc<Notify>);

/// Middleware: maybe inject a fault, then log what was answered.
pub async fn inject_and_record(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let fault = lock(&shared.faults).next();
    let mut record = RecordedRequest {
        method: request.method().to_string(),
        path: request
            .extensions()
            .get::<OriginalUri>()
            .map_or_else(|| request.uri().path(), |uri| uri.path())
            .to_string(),
        idempotency_key: request
            .headers()
            .get("x-refund-idempotency")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        user_agent: request
            .headers()
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        fault: fault.map(|f| f.label().to_string()),
        status: None,
    };
    let response = match fault {
        Some(ApiFault::ServerError) => ApiError::server_error().into_response(),
        Some(ApiFault::RateLimited { retry_after_secs }) => {
            let mut response = ApiError::rate_limited().into_response();
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from(retry_after_secs));
            response
        }
        Some(ApiFault::DropConnection) => {
            if let Some(ConnectionKill(kill)) =
                request.extensions().get::<ConnectionKill>().cloned()
            {
                push_bounded(&mut lock(&shared.requests), record);
                kill.notify_one();
                // The accept loop drops the connection; this future is dropped with it.
                return std::future::pending().await;
            }
            ApiError::server_error().into_response()
        }
        Some(slow @ ApiFault::Slow { .. }) => {
            // Like Razorpay, finish the work even if the client gives up waiting: run it in its
            // own task so a closed connection cannot cancel it. This is what makes blind POST
            // retries create duplicates, and what tests of the client's retry rules rely on.
            let delay = slow.delay().unwrap_or_default();
            let log = Arc::clone(&shared);
            let work = tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let response = next.run(request).await;
                record.status = Some(response.status().as_u16());
                push_bounded(&mut lock(&log.requests), record);
                response
            });
            return work
                .await
                .unwrap_or_else(|_| ApiError::server_error().into_response());
        }
        None => next.run(request).await,
    };
    record.status = Some(response.status().as_u16());
    push_bounded(&mut lock(&shared.requests), record);
    response
}
