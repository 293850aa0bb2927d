//! [`WebhookVerifier`]: webhook secrets keyed once, checked on every delivery.

use std::fmt;

use crate::secret::Secret;
use crate::signature::key::HmacKey;
use crate::signature::verify_with_keys;

use super::{WebhookError, WebhookEvent};

/// Verifies `X-Razorpay-Signature` headers (and parses the events) for one endpoint.
///
/// Build it once at start-up and share it (it is `Send + Sync` and cheap to clone). Each secret
/// is keyed once, so a verification costs one HMAC over the body and nothing more.
///
/// It accepts several secrets because Razorpay keeps signing retries of earlier deliveries with
/// the old secret after you rotate it: during a rotation, configure both and any may match.
///
/// Its `Debug` output shows how many secrets it holds, never the secrets.
///
/// ```
/// use razorpay_core::sign_webhook;
/// use razorpay_core::webhook::WebhookVerifier;
///
/// let verifier = WebhookVerifier::new(["new_secret", "old_secret"])?;
/// let body = br#"{"entity":"event","event":"payment.captured"}"#;
/// verifier.verify(body, &sign_webhook(body, "old_secret"))?;
/// assert_eq!(
///     verifier.verify(body, &sign_webhook(body, "unknown")).unwrap_err().code(),
///     "SIGNATURE_MISMATCH"
/// );
/// assert_eq!(format!("{verifier:?}"), "WebhookVerifier { secrets: 2 }");
/// # Ok::<(), razorpay_core::webhook::WebhookError>(())
/// ```
#[derive(Clone)]
pub struct WebhookVerifier {
    keys: Vec<HmacKey>,
}

impl WebhookVerifier {
    /// Keys a verifier with one or more webhook secrets (strings or [`Secret`]s).
    ///
    /// # Errors
    /// [`WebhookError::NoSecret`] if there is no secret or one of them is empty: an empty secret
    /// is always a configuration mistake (an unset environment variable), never a real key.
    pub fn new<I, S>(secrets: I) -> Result<Self, WebhookError>
    where
        I: IntoIterator<Item = S>,
        S: Into<Secret>,
    {
        let keys = secrets
            .into_iter()
            .map(|secret| {
                let secret: Secret = secret.into();
                if secret.is_empty() {
                    Err(WebhookError::NoSecret)
                } else {
                    Ok(HmacKey::new(secret.expose_secret().as_bytes()))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(WebhookError::NoSecret);
        }
        Ok(Self { keys })
    }

    /// How many secrets this verifier accepts.
    pub fn secret_count(&self) -> usize {
        self.keys.len()
    }

    /// Checks `signature` (the `X-Razorpay-Signature` header) over the raw request `body`.
    ///
    /// # Errors
    /// [`WebhookError::Signature`] with the reason: an empty body or signature, a signature that
    /// is not 64 hex characters, or one that matches none of the secrets.
    pub fn verify(&self, body: &[u8], signature: &str) -> Result<(), WebhookError> {
        Ok(verify_with_keys(&self.keys, body, signature)?)
    }

    /// Verifies the signature over the raw `body`, and only then parses it into a
    /// [`WebhookEvent`].
    ///
    /// # Errors
    /// [`WebhookError::Signature`] if the signature is rejected (the body is not parsed);
    /// [`WebhookError::InvalidPayload`] if an authentic body is not a Razorpay event.
    pub fn construct_event(
        &self,
        body: &[u8],
        signature: &str,
    ) -> Result<WebhookEvent, WebhookError> {
        self.verify(body, signature)?;
        WebhookEvent::from_slice(body)
    }
}

impl fmt::Debug for WebhookVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookVerifier")
            .field("secrets", &self.keys.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::{SignatureError, sign_webhook};

    const BODY: &[u8] = br#"{"a":1,"b":2,"c":{"d":3}}"#;

    #[test]
    fn needs_a_non_empty_secret() {
        assert_eq!(
            WebhookVerifier::new(Vec::<String>::new()).unwrap_err(),
            WebhookError::NoSecret
        );
        assert_eq!(
            WebhookVerifier::new(["ok", ""]).unwrap_err(),
            WebhookError::NoSecret
        );
        assert_eq!(
            WebhookVerifier::new([Secret::new("ok")])
                .unwrap()
                .secret_count(),
            1
        );
    }

    #[test]
    fn accepts_any_configured_secret() {
        let verifier = WebhookVerifier::new(["current", "previous"]).unwrap();
        assert_eq!(
            verifier.verify(BODY, &sign_webhook(BODY, "current")),
            Ok(())
        );
        assert_eq!(
            verifier.verify(BODY, &sign_webhook(BODY, "previous")),
            Ok(())
        );
        assert_eq!(
            verifier.verify(BODY, &sign_webhook(BODY, "other")),
            Err(WebhookError::Signature(SignatureError::Mismatch))
        );
        assert_eq!(
            verifier.verify(BODY, "nothex"),
            Err(WebhookError::Signature(SignatureError::Malformed {
                len: 6
            }))
        );
    }

    #[test]
    fn construct_event_verifies_before_parsing() {
        let verifier = WebhookVerifier::new(["whsec"]).unwrap();
        // Not JSON at all: with a bad signature the error is about the signature, proving the
        // body was never parsed; with a good one it is about the payload.
        let garbage = b"\xff not json";
        assert_eq!(
            verifier
                .construct_event(garbage, &sign_webhook(garbage, "other"))
                .unwrap_err()
                .code(),
            "SIGNATURE_MISMATCH"
        );
        assert_eq!(
            verifier
                .construct_event(garbage, &sign_webhook(garbage, "whsec"))
                .unwrap_err()
                .code(),
            "WEBHOOK_INVALID_PAYLOAD"
        );
        let body =
            br#"{"entity":"event","event":"payment.failed","contains":["payment"],"payload":{}}"#;
        let event = verifier
            .construct_event(body, &sign_webhook(body, "whsec"))
            .unwrap();
        assert_eq!(event.event, crate::webhook::EventName::PaymentFailed);
    }

    #[test]
    fn debug_never_shows_secrets() {
        let verifier = WebhookVerifier::new(["topsecretvalue"]).unwrap();
        let printed = format!("{verifier:?} {verifier:#?}");
        assert!(!printed.contains("topsecret"), "{printed}");
    }

    #[test]
    fn is_send_sync_and_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<WebhookVerifier>();
    }
}
