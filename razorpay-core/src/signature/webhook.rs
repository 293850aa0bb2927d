//! Webhook signatures: `X-Razorpay-Signature` is the lowercase-hex HMAC-SHA256 of the raw request
//! body, keyed with the webhook secret set in the Dashboard.
//!
//! The body must be the exact bytes received. Parsing the JSON and serialising it again (what
//! most frameworks hand a handler by default) changes whitespace and key order, and the
//! signature no longer matches.

use super::SignatureError;
use super::key::{HmacKey, decode_signature};

/// Verifies a webhook's `X-Razorpay-Signature` header over the raw request body.
///
/// For many webhooks, or for several secrets during a rotation, build a
/// [`WebhookVerifier`](crate::webhook::WebhookVerifier) once instead: it keys the HMAC once and
/// can also parse the event.
///
/// ```
/// use razorpay_core::verify_webhook_signature;
///
/// // From the official Node and Java SDK test suites.
/// let body = br#"{"a":1,"b":2,"c":{"d":3}}"#;
/// let signature = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc";
/// assert!(verify_webhook_signature(body, signature, "123456").is_ok());
/// assert_eq!(
///     verify_webhook_signature(body, "sdfafds", "123456").unwrap_err().code(),
///     "SIGNATURE_MALFORMED"
/// );
/// ```
///
/// # Errors
/// [`SignatureError::MissingInput`] if the body, the signature or the secret is empty,
/// [`SignatureError::Malformed`] if the signature is not 64 hex characters,
/// [`SignatureError::Mismatch`] when it does not match.
pub fn verify_webhook_signature(
    body: &[u8],
    signature: &str,
    webhook_secret: &str,
) -> Result<(), SignatureError> {
    if webhook_secret.is_empty() {
        return Err(SignatureError::MissingInput {
            field: "webhook_secret".to_owned(),
        });
    }
    verify_with_keys(
        std::slice::from_ref(&HmacKey::new(webhook_secret.as_bytes())),
        body,
        signature,
    )
}

/// Verifies `signature` over `body` against keys set up in advance; any key may match (secret
/// rotation). Shared by [`verify_webhook_signature`] and the `WebhookVerifier`.
pub(crate) fn verify_with_keys(
    keys: &[HmacKey],
    body: &[u8],
    signature: &str,
) -> Result<(), SignatureError> {
    if body.is_empty() {
        return Err(SignatureError::MissingInput {
            field: "body".to_owned(),
        });
    }
    let expected = decode_signature(signature)?;
    if keys.iter().any(|key| key.matches(&[body], &expected)) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// Signs a webhook body the way Razorpay does (lowercase hex), e.g. to send test webhooks to
/// your own endpoint.
///
/// ```
/// use razorpay_core::{sign_webhook, verify_webhook_signature};
///
/// let body = br#"{"entity":"event","event":"payment.captured"}"#;
/// let signature = sign_webhook(body, "whsec");
/// assert!(verify_webhook_signature(body, &signature, "whsec").is_ok());
/// ```
pub fn sign_webhook(body: &[u8], webhook_secret: &str) -> String {
    hmac_sha256_hex(webhook_secret, body)
}

/// The lowercase-hex HMAC-SHA256 of `message` keyed with `secret`: the primitive under every
/// Razorpay signature.
///
/// ```
/// assert_eq!(
///     razorpay_core::hmac_sha256_hex("secret", b"hello"),
///     "88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b"
/// );
/// ```
pub fn hmac_sha256_hex(secret: &str, message: &[u8]) -> String {
    HmacKey::new(secret.as_bytes()).tag_hex(&[message])
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"a":1,"b":2,"c":{"d":3}}"#;
    const SIG: &str = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc";

    #[test]
    fn verifies_the_raw_bytes() {
        assert_eq!(sign_webhook(BODY, "123456"), SIG);
        assert_eq!(verify_webhook_signature(BODY, SIG, "123456"), Ok(()));
        assert_eq!(
            verify_webhook_signature(BODY, &SIG.to_ascii_uppercase(), "123456"),
            Ok(())
        );
        // The same JSON re-serialised with a space is a different message.
        let reformatted = br#"{"a": 1,"b":2,"c":{"d":3}}"#;
        assert_eq!(
            verify_webhook_signature(reformatted, SIG, "123456"),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_webhook_signature(BODY, SIG, "1234567"),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn rejects_empty_inputs_by_name() {
        let missing = |field: &str| {
            Err(SignatureError::MissingInput {
                field: field.to_owned(),
            })
        };
        assert_eq!(
            verify_webhook_signature(b"", SIG, "123456"),
            missing("body")
        );
        assert_eq!(
            verify_webhook_signature(BODY, "", "123456"),
            missing("signature")
        );
        assert_eq!(
            verify_webhook_signature(BODY, SIG, ""),
            missing("webhook_secret")
        );
    }

    #[test]
    fn any_of_several_keys_may_match() {
        let keys = [HmacKey::new(b"old"), HmacKey::new(b"123456")];
        assert_eq!(verify_with_keys(&keys, BODY, SIG), Ok(()));
        assert_eq!(
            verify_with_keys(&keys[..1], BODY, SIG),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_with_keys(&[], BODY, SIG),
            Err(SignatureError::Mismatch)
        );
    }
}
