//! `ClientError` → a JS `Error` shaped like the official SDK's rejections, plus a stable code:
//! `code` (`BAD_REQUEST`, `AUTHENTICATION_FAILED`, `NOT_FOUND`, `RATE_LIMITED`, `SERVER_ERROR`,
//! `TIMEOUT`, `CONNECTION_FAILED`, `RESPONSE_TOO_LARGE`, `UNEXPECTED_RESPONSE`, `INVALID_CONFIG` or a
//! validation code; the message quotes at most 512 characters of Razorpay's description),
//! `statusCode` (HTTP status or `null`), `error` (Razorpay's body: code, description, field,
//! source, step, reason, metadata — or `null`), `field`, `retryAfter` (milliseconds, like
//! every Node duration) and `requestSent` (whether a failed request may have reached Razorpay).

use napi::bindgen_prelude::*;
use razorpay_core::client::ClientError;

use crate::convert;
use crate::error::{self, Kind};

/// Builds the JS error for `err`.
pub(crate) fn client_error(env: &Env, err: &ClientError) -> Error {
    let request_sent = match err {
        ClientError::Timeout { request_sent } | ClientError::Connection { request_sent, .. } => {
            Some(*request_sent)
        }
        ClientError::InvalidConfig { .. } | ClientError::InvalidRequest(_) => Some(false),
        // An HTTP answer means Razorpay received the request.
        _ => err.status().map(|_| true),
    };
    error::build(env, Kind::Error, err.code(), err.to_string(), |object| {
        object.set_named_property("statusCode", err.status().map(u32::from))?;
        match err.razorpay_error() {
            Some(body) => object.set_named_property("error", convert::to_js(env, body)?)?,
            None => object.set_named_property("error", Null)?,
        }
        object.set_named_property("field", err.field())?;
        // Milliseconds, like the timeouts and the retry policy: one unit for durations in Node.
        let retry_after_ms = err.retry_after().map(|d| d.as_millis() as f64);
        object.set_named_property("retryAfter", retry_after_ms)?;
        object.set_named_property("requestSent", request_sent)?;
        Ok(())
    })
}
