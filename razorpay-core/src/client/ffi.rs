//! The uniffi glue of the client's errors (the `uniffi` feature): what Kotlin, Swift and
//! Python call on a [`ClientError`] or [`ValidationError`] beyond its fields, and how the two
//! field types that are not plain data cross.
//!
//! uniffi cannot return `&'static str`, so each `code()` is exported as an owned `String`
//! under the same foreign name; the Rust methods stay as they are.

use std::time::Duration;

use serde_json::Value;

use super::{ClientError, ErrorSource, RazorpayErrorBody, ValidationError};

#[uniffi::export]
impl ClientError {
    /// The stable machine-readable code (`BAD_REQUEST`, `TIMEOUT`, or a validation code such
    /// as `AMOUNT_BELOW_MINIMUM`), on the base type in every language.
    #[uniffi::method(name = "code")]
    fn code_for_ffi(&self) -> String {
        self.code().to_owned()
    }

    /// The HTTP status, when Razorpay answered. Not called `status`: in Python the variants'
    /// own `status` field would hide a method of that name.
    fn http_status(&self) -> Option<u16> {
        self.status()
    }

    /// Razorpay's error body, when it sent one, whatever the variant.
    #[uniffi::method(name = "razorpay_error")]
    fn razorpay_error_for_ffi(&self) -> Option<RazorpayErrorBody> {
        self.razorpay_error().cloned()
    }

    /// The invalid parameter, for validation errors and Razorpay errors naming a `field`.
    #[uniffi::method(name = "field")]
    fn field_for_ffi(&self) -> Option<String> {
        self.field().map(str::to_owned)
    }

    /// The wait Razorpay asked for with `Retry-After` (`java.time.Duration`, `TimeInterval`,
    /// `timedelta`). Not called `retry_after`: `RateLimited`'s own field of that name would hide
    /// it in Python.
    fn retry_after_duration(&self) -> Option<Duration> {
        self.retry_after()
    }
}

crate::uniffi_code::export_error_code!(ValidationError);

// The underlying transport or JSON error crosses as its message: the foreign side can only
// read it. Lifting (never done by the bindings, but required of every error field) rebuilds a
// source that says the same.
uniffi::custom_type!(ErrorSource, String, {
    lower: |source| source.to_string(),
    try_lift: |text| Ok(ErrorSource::new(LiftedSource(text))),
});

/// An [`ErrorSource`] rebuilt from its message on the way back into Rust.
#[derive(Debug)]
struct LiftedSource(String);

impl std::fmt::Display for LiftedSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LiftedSource {}

/// Any JSON value Razorpay sends (the error body's `metadata`): in Kotlin, Swift and Python its
/// JSON text.
pub type JsonValue = Value;

uniffi::custom_type!(JsonValue, String, {
    remote,
    lower: |value| value.to_string(),
    try_lift: |text| Ok(serde_json::from_str(&text)?),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exported_helpers_read_the_core_ones() {
        let error = ClientError::from_status(
            400,
            None,
            br#"{"error":{"code":"BAD_REQUEST_ERROR","description":"d","field":"amount"}}"#,
        );
        assert_eq!(error.code_for_ffi(), "BAD_REQUEST");
        assert_eq!(error.http_status(), Some(400));
        assert_eq!(error.field_for_ffi().as_deref(), Some("amount"));
        let body = error.razorpay_error_for_ffi().expect("the body");
        assert_eq!(body.code, "BAD_REQUEST_ERROR");
        let limited = ClientError::from_status(429, Some(Duration::from_secs(2)), b"");
        assert_eq!(limited.retry_after_duration(), Some(Duration::from_secs(2)));
        let invalid = ValidationError::InvalidIdempotencyKey;
        assert_eq!(invalid.code_for_ffi(), "IDEMPOTENCY_KEY_INVALID");
    }

    #[test]
    fn a_lifted_source_keeps_its_message() {
        let json = serde_json::from_slice::<u32>(b"{}").unwrap_err();
        let source = ErrorSource::new(json);
        let text = source.to_string();
        let lifted = ErrorSource::new(LiftedSource(text.clone()));
        assert_eq!(lifted, source);
        assert_eq!(lifted.to_string(), text);
    }
}
