//! [`SignatureError`]: why a signature was rejected.

/// Why a signature check failed.
///
/// The error says which kind of failure happened and, for missing input, which argument was
/// empty. It never contains the expected signature or any secret, so it is safe to log and to
/// return to a client.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature), with `code()` on the
/// base type and the message below as `toString()` / `description` / `str()`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi::export(Display))]
#[non_exhaustive]
pub enum SignatureError {
    /// A required argument (an id, the status, the signature, the secret or the body) is empty.
    #[error("required input `{field}` is empty")]
    MissingInput {
        /// The name of the empty argument, e.g. `"order_id"` or `"signature"`.
        field: String,
    },
    /// The signature is not a hex-encoded HMAC-SHA256 (exactly 64 hexadecimal characters,
    /// either case).
    #[error("signature is malformed: expected 64 hexadecimal characters, got {len} bytes")]
    Malformed {
        /// The length in bytes of the signature that was received.
        len: u64,
    },
    /// The signature is well-formed but does not match the message and secret.
    #[error("signature does not match")]
    Mismatch,
}

impl SignatureError {
    /// A stable, machine-readable code for this error: `SIGNATURE_MISSING_INPUT`,
    /// `SIGNATURE_MALFORMED` or `SIGNATURE_MISMATCH`.
    ///
    /// ```
    /// use razorpay_core::{verify_payment_signature, SignatureError};
    ///
    /// let err = verify_payment_signature("order_1", "pay_1", "not-hex", "secret").unwrap_err();
    /// assert_eq!(err.code(), "SIGNATURE_MALFORMED");
    /// assert!(matches!(err, SignatureError::Malformed { .. }));
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingInput { .. } => "SIGNATURE_MISSING_INPUT",
            Self::Malformed { .. } => "SIGNATURE_MALFORMED",
            Self::Mismatch => "SIGNATURE_MISMATCH",
        }
    }
}

crate::uniffi_code::export_error_code!(SignatureError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(
            SignatureError::MissingInput {
                field: "order_id".into()
            }
            .code(),
            "SIGNATURE_MISSING_INPUT"
        );
        assert_eq!(
            SignatureError::Malformed { len: 3 }.code(),
            "SIGNATURE_MALFORMED"
        );
        assert_eq!(SignatureError::Mismatch.code(), "SIGNATURE_MISMATCH");
    }

    #[test]
    fn messages_name_the_problem() {
        assert_eq!(
            SignatureError::MissingInput {
                field: "order_id".into()
            }
            .to_string(),
            "required input `order_id` is empty"
        );
        assert!(
            SignatureError::Malformed { len: 7 }
                .to_string()
                .contains("got 7 bytes")
        );
        assert_eq!(
            SignatureError::Mismatch.to_string(),
            "signature does not match"
        );
    }
}
