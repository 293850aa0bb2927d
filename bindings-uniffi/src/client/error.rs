//! [`ClientError`]: every way an API call fails, with the HTTP status and Razorpay's whole
//! error body, mapped from `razorpay_core::client::ClientError`.

use std::collections::HashMap;

use razorpay_core::client as core;
use serde_json::Value;

/// Razorpay's error object (`{"error": {code, description, field, source, step, reason,
/// metadata}}`), all of it: members Razorpay adds later are in `json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct RazorpayErrorBody {
    /// `BAD_REQUEST_ERROR`, `GATEWAY_ERROR`, `SERVER_ERROR`, …
    pub code: String,
    /// Human-readable description.
    pub description: String,
    /// The request parameter at fault.
    pub field: Option<String>,
    /// Where it failed (`customer`, `business`, …).
    pub source: Option<String>,
    /// The payment step.
    pub step: Option<String>,
    /// Machine-readable reason.
    pub reason: Option<String>,
    /// `metadata` (e.g. `payment_id`, `order_id`); non-string values as JSON text.
    pub metadata: HashMap<String, String>,
    /// The whole error object as Razorpay sent it.
    pub json: String,
}

impl From<&core::RazorpayErrorBody> for RazorpayErrorBody {
    fn from(e: &core::RazorpayErrorBody) -> Self {
        let metadata = match &e.metadata {
            Some(Value::Object(m)) => m
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| match v {
                    Value::String(s) => (k.clone(), s.clone()),
                    other => (k.clone(), other.to_string()),
                })
                .collect(),
            _ => HashMap::new(),
        };
        Self {
            code: e.code.clone(),
            description: e.description.clone(),
            field: e.field.clone(),
            source: e.source.clone(),
            step: e.step.clone(),
            reason: e.reason.clone(),
            metadata,
            json: serde_json::to_string(e).unwrap_or_default(),
        }
    }
}

/// Why a Razorpay API call failed. `code()`, on the base type in every language, is stable:
/// `BAD_REQUEST`, `AUTHENTICATION_FAILED`, `NOT_FOUND`, `RATE_LIMITED`, `SERVER_ERROR`,
/// `TIMEOUT`, `CONNECTION_FAILED`, `RESPONSE_TOO_LARGE`, `UNEXPECTED_RESPONSE`,
/// `INVALID_CONFIG`, or a validation code such as `AMOUNT_BELOW_MINIMUM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum ClientError {
    /// The configuration cannot be used (missing key, bad URL, zero timeout).
    #[error("INVALID_CONFIG: {reason}")]
    InvalidConfig {
        /// What is wrong.
        reason: String,
    },
    /// A parameter was rejected before anything was sent.
    #[error("{kind}: {field}: {reason}")]
    InvalidRequest {
        /// Which check refused it, also `code()`: `AMOUNT_BELOW_MINIMUM`, `RECEIPT_TOO_LONG`,
        /// `OAUTH_INVALID_PARAMS`, …
        kind: String,
        /// The parameter.
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// Razorpay rejected the request (HTTP 400 or another 4xx).
    #[error("BAD_REQUEST: HTTP {status}: {} {}", core::clip_text(&error.code), core::clip_text(&error.description))]
    BadRequest {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body.
        error: RazorpayErrorBody,
    },
    /// The key id or secret was not accepted (HTTP 401/403).
    #[error("AUTHENTICATION_FAILED: HTTP {status}")]
    Authentication {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// The entity does not exist (HTTP 404, or Razorpay's 400 "The id provided does not exist").
    #[error("NOT_FOUND: HTTP {status}")]
    NotFound {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// Too many requests (HTTP 429), after the retries the policy allowed.
    #[error("RATE_LIMITED: HTTP {status}")]
    RateLimited {
        /// HTTP status.
        status: u16,
        /// The `Retry-After` Razorpay asked for.
        retry_after: Option<std::time::Duration>,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// Razorpay or a gateway in front of it failed (HTTP 5xx).
    #[error("SERVER_ERROR: HTTP {status}")]
    Server {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// No complete answer within the configured timeout.
    #[error("TIMEOUT: request sent: {request_sent}")]
    Timeout {
        /// Whether the request may have been processed.
        request_sent: bool,
    },
    /// The connection failed.
    #[error("CONNECTION_FAILED: {reason}")]
    Connection {
        /// Whether the request may have been processed.
        request_sent: bool,
        /// The transport's description (never contains credentials).
        reason: String,
    },
    /// The answer's body was longer than `max_response_bytes`; reading stopped there.
    #[error("RESPONSE_TOO_LARGE: HTTP {status}: longer than {limit_bytes} bytes")]
    ResponseTooLarge {
        /// HTTP status.
        status: u16,
        /// The configured limit in bytes.
        limit_bytes: u64,
    },
    /// Razorpay answered something that is not the expected JSON (a redirect, which is never
    /// followed, or an object of another entity included).
    #[error("UNEXPECTED_RESPONSE: HTTP {status}: {reason}")]
    UnexpectedResponse {
        /// HTTP status.
        status: u16,
        /// Why it could not be used.
        reason: String,
        /// The start of the body.
        body_snippet: String,
    },
}

#[uniffi::export]
impl ClientError {
    /// The stable machine-readable code, the one `razorpay_core`'s `ClientError::code` gives.
    pub fn code(&self) -> String {
        match self {
            Self::InvalidConfig { .. } => "INVALID_CONFIG",
            Self::InvalidRequest { kind, .. } => kind,
            Self::BadRequest { .. } => "BAD_REQUEST",
            Self::Authentication { .. } => "AUTHENTICATION_FAILED",
            Self::NotFound { .. } => "NOT_FOUND",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Server { .. } => "SERVER_ERROR",
            Self::Timeout { .. } => "TIMEOUT",
            Self::Connection { .. } => "CONNECTION_FAILED",
            Self::ResponseTooLarge { .. } => "RESPONSE_TOO_LARGE",
            Self::UnexpectedResponse { .. } => "UNEXPECTED_RESPONSE",
        }
        .to_owned()
    }
}

impl From<core::ClientError> for ClientError {
    fn from(e: core::ClientError) -> Self {
        use core::ClientError as C;
        let error = e.razorpay_error().map(RazorpayErrorBody::from);
        match e {
            C::InvalidConfig { reason } => Self::InvalidConfig { reason },
            C::InvalidRequest(v) => Self::InvalidRequest {
                kind: v.code().to_owned(),
                field: v.field().to_owned(),
                reason: v.to_string(),
            },
            C::BadRequest { status, .. } => Self::BadRequest {
                status,
                error: error.unwrap_or_default(),
            },
            C::Authentication { status, .. } => Self::Authentication { status, error },
            C::NotFound { status, .. } => Self::NotFound { status, error },
            C::RateLimited {
                status,
                retry_after,
                ..
            } => Self::RateLimited {
                status,
                retry_after,
                error,
            },
            C::Server { status, .. } => Self::Server { status, error },
            C::Timeout { request_sent } => Self::Timeout { request_sent },
            C::Connection {
                request_sent,
                message,
                ..
            } => Self::Connection {
                request_sent,
                reason: message,
            },
            C::ResponseTooLarge { status, limit } => Self::ResponseTooLarge {
                status,
                limit_bytes: u64::try_from(limit).unwrap_or(u64::MAX),
            },
            C::UnexpectedResponse {
                status,
                reason,
                body_snippet,
                ..
            } => Self::UnexpectedResponse {
                status,
                reason,
                body_snippet,
            },
            // A failure kind newer than this binding: keep its code in the description.
            other => Self::Connection {
                request_sent: true,
                reason: format!("{}: {other}", other.code()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use razorpay_core::client::ValidationError;

    #[test]
    fn codes_are_the_core_codes() {
        let body = || Some(Box::new(core::RazorpayErrorBody::default()));
        for e in [
            core::ClientError::InvalidConfig { reason: "r".into() },
            ValidationError::ReceiptTooLong { length: 41 }.into(),
            core::ClientError::BadRequest {
                status: 400,
                error: Box::default(),
            },
            core::ClientError::Authentication {
                status: 401,
                error: body(),
            },
            core::ClientError::NotFound {
                status: 404,
                error: None,
            },
            core::ClientError::RateLimited {
                status: 429,
                retry_after: None,
                error: None,
            },
            core::ClientError::Server {
                status: 502,
                error: body(),
            },
            core::ClientError::Timeout { request_sent: true },
            core::ClientError::Connection {
                request_sent: false,
                message: "m".into(),
                source: None,
            },
            core::ClientError::ResponseTooLarge {
                status: 200,
                limit: 10,
            },
            core::ClientError::UnexpectedResponse {
                status: 302,
                reason: "r".into(),
                body_snippet: String::new(),
                source: None,
            },
        ] {
            let code = e.code();
            assert_eq!(ClientError::from(e).code(), code);
        }
    }
}
