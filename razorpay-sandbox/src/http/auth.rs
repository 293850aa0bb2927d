//! HTTP Basic authentication with the configured key id and secret, answered with
//! Razorpay's 401 bodies.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::api_error::ApiError;
use crate::shared::Shared;

/// Razorpay's descriptions for the three ways authentication fails.
pub const MISSING_KEY: &str = "Please provide your api key for authentication purposes.";
/// The key id is not one of the account's keys.
pub const INVALID_KEY: &str = "The api key provided is invalid";
/// The key id is known but the secret does not match.
pub const WRONG_SECRET: &str = "Authentication failed";

/// Parses `Basic base64(key_id:key_secret)`; Razorpay accepts only this exact scheme spelling.
fn credentials(header: &str) -> Option<(String, String)> {
    let encoded = header.strip_prefix("Basic ")?;
    let decoded = STANDARD.decode(encoded.trim()).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (key_id, secret) = text.split_once(':')?;
    Some((key_id.to_string(), secret.to_string()))
}

/// Compares without an early exit on the first differing byte.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Middleware guarding `/v1`.
pub async fn basic_auth(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let header = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let Some(header) = header else {
        return ApiError::unauthorized(MISSING_KEY).into_response();
    };
    let Some((key_id, secret)) = credentials(header) else {
        return ApiError::unauthorized(MISSING_KEY).into_response();
    };
    if key_id.is_empty() {
        return ApiError::unauthorized(MISSING_KEY).into_response();
    }
    if key_id != shared.key_id {
        return ApiError::unauthorized(INVALID_KEY).into_response();
    }
    if !constant_time_eq(
        secret.as_bytes(),
        shared.key_secret.expose_secret().as_bytes(),
    ) {
        return ApiError::unauthorized(WRONG_SECRET).into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_basic_credentials() {
        let header = format!("Basic {}", STANDARD.encode("rzp_test_abc:s3cr:et"));
        assert_eq!(
            credentials(&header),
            Some(("rzp_test_abc".into(), "s3cr:et".into()))
        );
        assert_eq!(credentials("basic cnpwOng="), None);
        assert_eq!(credentials("Bearer x"), None);
    }

    #[test]
    fn compares_secrets() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
