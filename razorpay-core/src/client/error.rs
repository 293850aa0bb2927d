//! [`ClientError`]: everything a Razorpay API call can fail with, keeping the HTTP status and
//! Razorpay's whole error body.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::validate::ValidationError;

/// Razorpay's error object: `{"error": {code, description, field, source, step, reason,
/// metadata}}`. Every member Razorpay sends is kept; members added later land in `extra`.
///
/// ```
/// use razorpay_core::client::RazorpayErrorBody;
///
/// let body = br#"{"error":{"code":"BAD_REQUEST_ERROR","description":"The amount is invalid","field":"amount"}}"#;
/// let error = RazorpayErrorBody::from_response(body).expect("an error envelope");
/// assert_eq!(error.field.as_deref(), Some("amount"));
/// ```
///
/// A uniffi record under the `uniffi` feature: `metadata` and `extra` cross as JSON text.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RazorpayErrorBody {
    /// `BAD_REQUEST_ERROR`, `GATEWAY_ERROR`, `SERVER_ERROR`, …
    #[serde(default)]
    pub code: String,
    /// Human-readable description.
    #[serde(default)]
    pub description: String,
    /// The request parameter at fault, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Where it failed (`customer`, `business`, `bank`, … or `NA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Payment step (`payment_initiation`, … or `NA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// Machine-readable reason (`input_validation_failed`, … or `NA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Extra context such as `payment_id` and `order_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
    /// Members Razorpay may add later.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Deserialize)]
struct Envelope {
    error: RazorpayErrorBody,
}

impl RazorpayErrorBody {
    /// Parses a response body holding `{"error": {...}}`; `None` for anything else.
    pub fn from_response(body: &[u8]) -> Option<Self> {
        serde_json::from_slice::<Envelope>(body)
            .ok()
            .map(|envelope| envelope.error)
    }

    /// Razorpay's "not found" answer: a 400 whose description says the id does not exist.
    fn is_unknown_id(&self) -> bool {
        self.description
            .starts_with("The id provided does not exist")
    }
}

/// Why a Razorpay API call failed. Every variant has a stable [`code`](Self::code); variants
/// that come from an HTTP answer keep its `status` and Razorpay's error body.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature): `code()` on the base
/// type, `toString()`/`description`/`str()` the message below; see `client/ffi.rs`.
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
#[cfg_attr(feature = "uniffi", uniffi::export(Display))]
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The configuration cannot be used (missing key, bad URL, zero timeout).
    #[error("invalid client configuration: {reason}")]
    InvalidConfig {
        /// What is wrong.
        reason: String,
    },
    /// The request was rejected before sending because a parameter is invalid.
    #[error(transparent)]
    InvalidRequest(#[from] ValidationError),
    /// Razorpay rejected the request (HTTP 400 or another 4xx with an error body).
    #[error("Razorpay rejected the request (HTTP {status} {}): {}", clip_text(&error.code), clip_text(&error.description))]
    BadRequest {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body (boxed to keep `Result`s small).
        error: Box<RazorpayErrorBody>,
    },
    /// The key id or secret was not accepted (HTTP 401/403).
    #[error("Razorpay did not accept the API key (HTTP {status}){}", describe(error.as_deref()))]
    Authentication {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if it sent one.
        error: Option<Box<RazorpayErrorBody>>,
    },
    /// The entity or URL does not exist (HTTP 404, or Razorpay's 400 "The id provided does not
    /// exist").
    #[error("not found on Razorpay (HTTP {status}){}", describe(error.as_deref()))]
    NotFound {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if it sent one.
        error: Option<Box<RazorpayErrorBody>>,
    },
    /// Too many requests (HTTP 429), after any retries the policy allowed.
    #[error("rate limited by Razorpay (HTTP {status}){}", retry_after.map(|d| format!(", retry after {}s", d.as_secs())).unwrap_or_default())]
    RateLimited {
        /// HTTP status.
        status: u16,
        /// The `Retry-After` Razorpay asked for.
        retry_after: Option<Duration>,
        /// Razorpay's error body, if it sent one.
        error: Option<Box<RazorpayErrorBody>>,
    },
    /// Razorpay or a gateway in front of it failed (HTTP 5xx).
    #[error("Razorpay server error (HTTP {status}){}", describe(error.as_deref()))]
    Server {
        /// HTTP status.
        status: u16,
        /// Razorpay's error body, if it sent one.
        error: Option<Box<RazorpayErrorBody>>,
    },
    /// No complete answer within the configured timeout.
    #[error("Razorpay did not answer in time ({})", if *request_sent { "the request may have been processed" } else { "while connecting" })]
    Timeout {
        /// Whether the request may have reached Razorpay (false for a connect timeout).
        request_sent: bool,
    },
    /// The connection failed.
    #[error("could not reach Razorpay ({}): {reason}", if *request_sent { "the request may have been processed" } else { "nothing was sent" })]
    Connection {
        /// Whether the request may have reached Razorpay before the connection broke.
        request_sent: bool,
        /// The transport's description (never contains credentials). Not called `message`,
        /// which the Kotlin exception owns.
        reason: String,
        /// The transport's error (without the URL), for [`source`](std::error::Error::source)
        /// chains: DNS, TLS and I/O causes stay inspectable.
        #[source]
        source: Option<ErrorSource>,
    },
    /// The answer's body is longer than
    /// [`max_response_bytes`](super::ClientConfig::max_response_bytes); reading stopped there.
    #[error("Razorpay's answer (HTTP {status}) is longer than the {limit_bytes}-byte limit")]
    ResponseTooLarge {
        /// HTTP status.
        status: u16,
        /// The configured limit in bytes.
        limit_bytes: u64,
    },
    /// Razorpay answered something that is not the expected JSON (including a redirect, which
    /// the API never sends, and an object of another entity than the call returns).
    #[error("unexpected response from Razorpay (HTTP {status}): {reason}")]
    UnexpectedResponse {
        /// HTTP status.
        status: u16,
        /// Why it could not be used.
        reason: String,
        /// The start of the body, for diagnosis.
        body_snippet: String,
        /// The decoder's error when the JSON did not match, for
        /// [`source`](std::error::Error::source) chains.
        #[source]
        source: Option<ErrorSource>,
    },
}

/// The underlying error of a [`ClientError`] (a transport or JSON error), shared so the
/// [`ClientError`] stays `Clone`. Two sources compare equal when their messages do: the
/// comparison exists so a [`ClientError`] can be asserted in tests.
#[derive(Clone)]
pub struct ErrorSource(Arc<dyn std::error::Error + Send + Sync + 'static>);

impl ErrorSource {
    /// Wraps an error.
    pub fn new(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self(Arc::new(error))
    }
}

impl std::fmt::Debug for ErrorSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::fmt::Display for ErrorSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for ErrorSource {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl PartialEq for ErrorSource {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

fn describe(error: Option<&RazorpayErrorBody>) -> String {
    error
        .map(|e| format!(": {} {}", clip_text(&e.code), clip_text(&e.description)))
        .unwrap_or_default()
}

/// Longest piece of Razorpay's text quoted in a message, in characters. The whole body stays in
/// [`ClientError::razorpay_error`]; a message only needs enough to read in a log line.
pub const MESSAGE_TEXT_MAX_CHARS: usize = 512;

/// `text`, cut to [`MESSAGE_TEXT_MAX_CHARS`] with a note of how much was left out, so a
/// hostile 8 MiB `description` cannot become an 8 MiB log line or exception message.
pub fn clip_text(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MESSAGE_TEXT_MAX_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => std::borrow::Cow::Owned(format!(
            "{}… ({} more bytes)",
            &text[..cut],
            text.len() - cut
        )),
    }
}

impl ClientError {
    /// Stable machine-readable code (SCREAMING_SNAKE); validation errors give their own.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidConfig { .. } => "INVALID_CONFIG",
            Self::InvalidRequest(validation) => validation.code(),
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
    }

    /// The HTTP status, when Razorpay answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::BadRequest { status, .. }
            | Self::Authentication { status, .. }
            | Self::NotFound { status, .. }
            | Self::RateLimited { status, .. }
            | Self::Server { status, .. }
            | Self::ResponseTooLarge { status, .. }
            | Self::UnexpectedResponse { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Razorpay's error body, when it sent one.
    pub fn razorpay_error(&self) -> Option<&RazorpayErrorBody> {
        match self {
            Self::BadRequest { error, .. } => Some(error),
            Self::Authentication { error, .. }
            | Self::NotFound { error, .. }
            | Self::RateLimited { error, .. }
            | Self::Server { error, .. } => error.as_deref(),
            _ => None,
        }
    }

    /// The wait Razorpay asked for with `Retry-After`.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The invalid parameter, for validation errors and Razorpay errors naming a `field`.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::InvalidRequest(validation) => Some(validation.field()),
            other => other.razorpay_error().and_then(|e| e.field.as_deref()),
        }
    }

    /// Classifies an HTTP error answer.
    pub(crate) fn from_status(status: u16, retry_after: Option<Duration>, body: &[u8]) -> Self {
        let error = RazorpayErrorBody::from_response(body).map(Box::new);
        match status {
            401 | 403 => Self::Authentication { status, error },
            404 => Self::NotFound { status, error },
            429 => Self::RateLimited {
                status,
                retry_after,
                error,
            },
            500..=599 => Self::Server { status, error },
            300..=399 => Self::unexpected(
                status,
                "a redirect, which Razorpay's API never sends (redirects are not followed)",
                body,
            ),
            400..=499 => match error {
                Some(error) if status == 400 && error.is_unknown_id() => Self::NotFound {
                    status,
                    error: Some(error),
                },
                Some(error) => Self::BadRequest { status, error },
                None => Self::unexpected(
                    status,
                    "an error answer without Razorpay's error body",
                    body,
                ),
            },
            _ => Self::unexpected(status, "an HTTP status the API does not use", body),
        }
    }

    /// An answer that is not what the API promises.
    pub(crate) fn unexpected(status: u16, reason: impl Into<String>, body: &[u8]) -> Self {
        const SNIPPET: usize = 256;
        let text = String::from_utf8_lossy(body);
        let body_snippet = text.chars().take(SNIPPET).collect();
        Self::UnexpectedResponse {
            status,
            reason: reason.into(),
            body_snippet,
            source: None,
        }
    }

    /// [`unexpected`](Self::unexpected) keeping the decoder's error as the source.
    pub(crate) fn undecodable(status: u16, error: serde_json::Error, body: &[u8]) -> Self {
        let mut out = Self::unexpected(
            status,
            format!("the JSON did not match the expected object: {error}"),
            body,
        );
        if let Self::UnexpectedResponse { source, .. } = &mut out {
            *source = Some(ErrorSource::new(error));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOT_FOUND: &[u8] = br#"{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist","source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}"#;

    #[test]
    fn statuses_map_to_variants_with_codes() {
        let cases: [(u16, &[u8], &str); 8] = [
            (
                400,
                br#"{"error":{"code":"BAD_REQUEST_ERROR","description":"x"}}"#,
                "BAD_REQUEST",
            ),
            (400, NOT_FOUND, "NOT_FOUND"),
            (401, b"", "AUTHENTICATION_FAILED"),
            (404, b"<html>", "NOT_FOUND"),
            (429, b"", "RATE_LIMITED"),
            (502, b"<html>bad gateway</html>", "SERVER_ERROR"),
            (418, b"teapot", "UNEXPECTED_RESPONSE"),
            (302, b"", "UNEXPECTED_RESPONSE"),
        ];
        for (status, body, code) in cases {
            let error = ClientError::from_status(status, None, body);
            assert_eq!(error.code(), code, "{status}");
            assert_eq!(error.status(), Some(status));
        }
    }

    #[test]
    fn keeps_the_source_chain() {
        use std::error::Error as _;
        let json = serde_json::from_slice::<u32>(b"{}").unwrap_err();
        let error = ClientError::undecodable(200, json, b"{}");
        let source = error.source().expect("the decoder's error is the source");
        assert!(source.to_string().contains("invalid type"), "{source}");
        assert_eq!(error.clone(), error);
        // Answers classified from a status have nothing underneath.
        assert!(ClientError::from_status(418, None, b"").source().is_none());
    }

    #[test]
    fn keeps_the_whole_body() {
        let error = ClientError::from_status(400, None, NOT_FOUND);
        let body = error.razorpay_error().expect("body kept");
        assert_eq!(body.source.as_deref(), Some("business"));
        assert_eq!(body.reason.as_deref(), Some("input_validation_failed"));
        assert_eq!(body.metadata, Some(serde_json::json!({})));
    }

    #[test]
    fn unknown_members_are_kept() {
        let body = RazorpayErrorBody::from_response(
            br#"{"error":{"code":"X","description":"d","new_thing":1}}"#,
        );
        assert_eq!(
            body.map(|b| b.extra.get("new_thing").cloned()),
            Some(Some(serde_json::json!(1)))
        );
    }

    #[test]
    fn messages_quote_at_most_a_clipped_description() {
        let huge = "x".repeat(1_000_000);
        let body = format!(r#"{{"error":{{"code":"BAD_REQUEST_ERROR","description":"{huge}"}}}}"#);
        for status in [400, 500] {
            let error = ClientError::from_status(status, None, body.as_bytes());
            let message = error.to_string();
            assert!(message.len() < 1_000, "{} bytes", message.len());
            assert!(message.contains("more bytes"), "{message}");
            // The body itself is kept whole.
            let kept = error.razorpay_error().map(|e| e.description.len());
            assert_eq!(kept, Some(huge.len()));
        }
        assert_eq!(clip_text("short"), "short");
        let multibyte = "é".repeat(MESSAGE_TEXT_MAX_CHARS + 1);
        assert!(clip_text(&multibyte).ends_with("(2 more bytes)"));
    }

    #[test]
    fn redirects_are_unexpected_and_too_large_has_a_code() {
        let error = ClientError::from_status(301, None, b"");
        assert_eq!(error.code(), "UNEXPECTED_RESPONSE");
        assert!(error.to_string().contains("redirect"));
        let error = ClientError::ResponseTooLarge {
            status: 200,
            limit_bytes: 10,
        };
        assert_eq!(error.code(), "RESPONSE_TOO_LARGE");
        assert_eq!(error.status(), Some(200));
    }

    #[test]
    fn rate_limit_keeps_retry_after() {
        let error = ClientError::from_status(429, Some(Duration::from_secs(3)), b"");
        assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
        assert!(error.to_string().contains("retry after 3s"));
    }
}
