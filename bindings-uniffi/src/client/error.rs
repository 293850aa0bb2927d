//! [`ClientError`]: every way an API call fails, with the HTTP status and Razorpay's whole
//! error body, mapped from `razorpay_core::client::ClientError`.

use std::collections::HashMap;

use razorpay_core::client as core;
use serde_json::Value;

/// Razorpay's error object (`{"error": {code, description, field, source, step, reason,
/// metadata}}`), all of it: members Razorpay adds later are in `json`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

/// Why a Razorpay API call failed. `code` is stable (`BAD_REQUEST`, `AUTHENTICATION_FAILED`,
/// `NOT_FOUND`, `RATE_LIMITED`, `SERVER_ERROR`, `TIMEOUT`, `CONNECTION_FAILED`,
/// `UNEXPECTED_RESPONSE`, `INVALID_CONFIG`, or a validation code such as `AMOUNT_BELOW_MINIMUM`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ClientError {
    /// The configuration cannot be used (missing key, bad URL, zero timeout).
    #[error("{code}: {reason}")]
    InvalidConfig {
        /// Stable machine-readable code.
        code: String,
        /// What is wrong.
        reason: String,
    },
    /// A parameter was rejected before anything was sent.
    #[error("{code}: {field}: {reason}")]
    InvalidRequest {
        /// The validation's code (`AMOUNT_BELOW_MINIMUM`, `RECEIPT_TOO_LONG`, …).
        code: String,
        /// The parameter.
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// Razorpay rejected the request (HTTP 400 or another 4xx).
    #[error("{code}: HTTP {status}: {} {}", core::clip_text(&error.code), core::clip_text(&error.description))]
    BadRequest {
        /// Stable machine-readable code.
        code: String,
        /// HTTP status.
        status: u16,
        /// Razorpay's error body.
        error: RazorpayErrorBody,
    },
    /// The key id or secret was not accepted (HTTP 401/403).
    #[error("{code}: HTTP {status}")]
    Authentication {
        /// Stable machine-readable code.
        code: String,
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// The entity does not exist (HTTP 404, or Razorpay's 400 "The id provided does not exist").
    #[error("{code}: HTTP {status}")]
    NotFound {
        /// Stable machine-readable code.
        code: String,
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// Too many requests (HTTP 429), after the retries the policy allowed.
    #[error("{code}: HTTP {status}")]
    RateLimited {
        /// Stable machine-readable code.
        code: String,
        /// HTTP status.
        status: u16,
        /// The `Retry-After` Razorpay asked for.
        retry_after: Option<std::time::Duration>,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// Razorpay or a gateway in front of it failed (HTTP 5xx).
    #[error("{code}: HTTP {status}")]
    Server {
        /// Stable machine-readable code.
        code: String,
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if sent.
        error: Option<RazorpayErrorBody>,
    },
    /// No complete answer within the configured timeout.
    #[error("{code}: request sent: {request_sent}")]
    Timeout {
        /// Stable machine-readable code.
        code: String,
        /// Whether the request may have been processed.
        request_sent: bool,
    },
    /// The connection failed.
    #[error("{code}: {reason}")]
    Connection {
        /// Stable machine-readable code.
        code: String,
        /// Whether the request may have been processed.
        request_sent: bool,
        /// The transport's description (never contains credentials).
        reason: String,
    },
    /// The answer's body was longer than `max_response_bytes`; reading stopped there.
    #[error("{code}: HTTP {status}: longer than {limit_bytes} bytes")]
    ResponseTooLarge {
        /// Stable machine-readable code (`RESPONSE_TOO_LARGE`).
        code: String,
        /// HTTP status.
        status: u16,
        /// The configured limit in bytes.
        limit_bytes: u64,
    },
    /// Razorpay answered something that is not the expected JSON (a redirect, which is never
    /// followed, or an object of another entity included).
    #[error("{code}: HTTP {status}: {reason}")]
    UnexpectedResponse {
        /// Stable machine-readable code.
        code: String,
        /// HTTP status.
        status: u16,
        /// Why it could not be used.
        reason: String,
        /// The start of the body.
        body_snippet: String,
    },
}

impl ClientError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &str {
        match self {
            Self::InvalidConfig { code, .. }
            | Self::InvalidRequest { code, .. }
            | Self::BadRequest { code, .. }
            | Self::Authentication { code, .. }
            | Self::NotFound { code, .. }
            | Self::RateLimited { code, .. }
            | Self::Server { code, .. }
            | Self::Timeout { code, .. }
            | Self::Connection { code, .. }
            | Self::ResponseTooLarge { code, .. }
            | Self::UnexpectedResponse { code, .. } => code,
        }
    }
}

fn body(e: Option<&core::RazorpayErrorBody>) -> Option<RazorpayErrorBody> {
    e.map(RazorpayErrorBody::from)
}

impl From<core::ClientError> for ClientError {
    fn from(e: core::ClientError) -> Self {
        use core::ClientError as C;
        let code = e.code().to_owned();
        let error = body(e.razorpay_error());
        match e {
            C::InvalidConfig { reason } => Self::InvalidConfig { code, reason },
            C::InvalidRequest(v) => Self::InvalidRequest {
                code,
                field: v.field().to_owned(),
                reason: v.to_string(),
            },
            C::BadRequest { status, .. } => Self::BadRequest {
                code,
                status,
                error: error.unwrap_or_else(|| RazorpayErrorBody {
                    code: String::new(),
                    description: String::new(),
                    field: None,
                    source: None,
                    step: None,
                    reason: None,
                    metadata: HashMap::new(),
                    json: String::new(),
                }),
            },
            C::Authentication { status, .. } => Self::Authentication {
                code,
                status,
                error,
            },
            C::NotFound { status, .. } => Self::NotFound {
                code,
                status,
                error,
            },
            C::RateLimited {
                status,
                retry_after,
                ..
            } => Self::RateLimited {
                code,
                status,
                retry_after,
                error,
            },
            C::Server { status, .. } => Self::Server {
                code,
                status,
                error,
            },
            C::Timeout { request_sent } => Self::Timeout { code, request_sent },
            C::Connection {
                request_sent,
                message,
                ..
            } => Self::Connection {
                code,
                request_sent,
                reason: message,
            },
            C::ResponseTooLarge { status, limit } => Self::ResponseTooLarge {
                code,
                status,
                limit_bytes: u64::try_from(limit).unwrap_or(u64::MAX),
            },
            C::UnexpectedResponse {
                status,
                reason,
                body_snippet,
                ..
            } => Self::UnexpectedResponse {
                code,
                status,
                reason,
                body_snippet,
            },
            // A failure kind newer than this binding: keep its code and description.
            other => Self::Connection {
                code,
                request_sent: true,
                reason: other.to_string(),
            },
        }
    }
}
