//! [`WebhookError`]: why a webhook was rejected.

use crate::signature::SignatureError;

/// Why a webhook could not be verified or parsed.
///
/// Like [`SignatureError`], it never contains a secret or the expected signature.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature); `code()` on the base
/// type gives the signature's own code for `Signature`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi::export(Display))]
#[non_exhaustive]
pub enum WebhookError {
    /// A [`WebhookVerifier`](super::WebhookVerifier) was built without any secret, or with an
    /// empty one.
    #[error("a webhook verifier needs at least one non-empty secret")]
    NoSecret,
    /// The signature is missing, malformed or does not match the body. The body was not parsed.
    #[error("webhook signature rejected: {0}")]
    Signature(#[from] SignatureError),
    /// The body is authentic (or was not checked, for
    /// `WebhookEvent::from_slice`) but is not a Razorpay event
    /// this library can read.
    // `reason`, not `message`: the generated Kotlin exception already owns `message`.
    #[error("webhook body is not a valid Razorpay event: {reason}")]
    InvalidPayload {
        /// What was wrong, with the line and column where the JSON parser stopped.
        reason: String,
    },
}

impl WebhookError {
    /// A stable, machine-readable code: `WEBHOOK_NO_SECRET`, `WEBHOOK_INVALID_PAYLOAD`, or the
    /// signature's own code (`SIGNATURE_MISSING_INPUT`, `SIGNATURE_MALFORMED`,
    /// `SIGNATURE_MISMATCH`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoSecret => "WEBHOOK_NO_SECRET",
            Self::Signature(err) => err.code(),
            Self::InvalidPayload { .. } => "WEBHOOK_INVALID_PAYLOAD",
        }
    }
}

crate::uniffi_code::export_error_code!(WebhookError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_signature_codes_pass_through() {
        assert_eq!(WebhookError::NoSecret.code(), "WEBHOOK_NO_SECRET");
        assert_eq!(
            WebhookError::InvalidPayload { reason: "x".into() }.code(),
            "WEBHOOK_INVALID_PAYLOAD"
        );
        assert_eq!(
            WebhookError::from(SignatureError::Mismatch).code(),
            "SIGNATURE_MISMATCH"
        );
        assert_eq!(
            WebhookError::from(SignatureError::Malformed { len: 1 }).code(),
            "SIGNATURE_MALFORMED"
        );
    }
}
