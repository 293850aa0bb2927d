//! `WebhookVerifier`: webhook secrets keyed once, from `razorpay_core::webhook`.

use razorpay_core::webhook as core;

/// Why a webhook could not be verified or read. Never contains a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum WebhookError {
    /// The verifier was built without a secret or with an empty one (`WEBHOOK_NO_SECRET`).
    #[error("{code}: a webhook verifier needs at least one non-empty secret")]
    NoSecret {
        /// Stable machine-readable code.
        code: String,
    },
    /// The signature is missing, malformed or does not match the body; the body was not parsed.
    /// `code` is the signature's own (`SIGNATURE_MISSING_INPUT`, `SIGNATURE_MALFORMED`,
    /// `SIGNATURE_MISMATCH`).
    #[error("{code}: webhook signature rejected: {reason}")]
    Signature {
        /// Stable machine-readable code.
        code: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The body is authentic but not a Razorpay event (`WEBHOOK_INVALID_PAYLOAD`).
    #[error("{code}: webhook body is not a valid Razorpay event: {reason}")]
    InvalidPayload {
        /// Stable machine-readable code.
        code: String,
        /// What was wrong, with the JSON parser's line and column.
        reason: String,
    },
}

impl WebhookError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &str {
        match self {
            Self::NoSecret { code }
            | Self::Signature { code, .. }
            | Self::InvalidPayload { code, .. } => code,
        }
    }
}

impl From<core::WebhookError> for WebhookError {
    fn from(e: core::WebhookError) -> Self {
        let code = e.code().to_owned();
        match e {
            core::WebhookError::NoSecret => Self::NoSecret { code },
            core::WebhookError::Signature(s) => Self::Signature {
                code,
                reason: s.to_string(),
            },
            core::WebhookError::InvalidPayload { message } => Self::InvalidPayload {
                code,
                reason: message,
            },
            other => Self::InvalidPayload {
                code,
                reason: other.to_string(),
            },
        }
    }
}

/// Verifies `X-Razorpay-Signature` for one endpoint with one or more secrets (several during a
/// secret rotation: Razorpay keeps signing retries with the old one). Build it once and share
/// it; each call hashes only the body.
#[derive(Debug, uniffi::Object)]
pub struct WebhookVerifier {
    inner: core::WebhookVerifier,
}

#[uniffi::export]
impl WebhookVerifier {
    /// Keys a verifier with the webhook secrets; fails with `WEBHOOK_NO_SECRET` when the list is
    /// empty or holds an empty secret.
    #[uniffi::constructor]
    pub fn new(secrets: Vec<String>) -> Result<Self, WebhookError> {
        Ok(Self {
            inner: core::WebhookVerifier::new(secrets)?,
        })
    }

    /// How many secrets this verifier accepts.
    pub fn secret_count(&self) -> u32 {
        u32::try_from(self.inner.secret_count()).unwrap_or(u32::MAX)
    }

    /// Checks `signature` (the `X-Razorpay-Signature` header) over the raw request body.
    pub fn verify(&self, body: Vec<u8>, signature: String) -> Result<(), WebhookError> {
        Ok(self.inner.verify(&body, &signature)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::sign_webhook;

    #[test]
    fn any_configured_secret_verifies() {
        let v = WebhookVerifier::new(vec!["new".into(), "old".into()]).unwrap();
        assert_eq!(v.secret_count(), 2);
        let body = br#"{"entity":"event"}"#.to_vec();
        assert_eq!(
            v.verify(body.clone(), sign_webhook(body.clone(), "old".into())),
            Ok(())
        );
        let e = v
            .verify(body.clone(), sign_webhook(body, "other".into()))
            .unwrap_err();
        assert_eq!(e.code(), "SIGNATURE_MISMATCH");
        assert!(matches!(e, WebhookError::Signature { .. }));
    }

    #[test]
    fn empty_secrets_are_refused() {
        for secrets in [
            vec![],
            vec!["".to_owned()],
            vec!["a".to_owned(), "".to_owned()],
        ] {
            let e = WebhookVerifier::new(secrets).unwrap_err();
            assert_eq!(e.code(), "WEBHOOK_NO_SECRET");
        }
    }
}
