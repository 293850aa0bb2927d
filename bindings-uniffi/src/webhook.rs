//! `WebhookVerifier`: webhook secrets keyed once, from `razorpay_core::webhook`.

use razorpay_core::webhook as core;

use crate::model::{Order, Payment, Refund, UnixTime};

/// Why a webhook could not be verified or read. Never contains a secret.
///
/// `code()` is on the base type in every language: `WEBHOOK_NO_SECRET`,
/// `WEBHOOK_INVALID_PAYLOAD`, or the signature's own code for `Signature`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum WebhookError {
    /// The verifier was built without a secret or with an empty one.
    #[error("WEBHOOK_NO_SECRET: a webhook verifier needs at least one non-empty secret")]
    NoSecret,
    /// The signature is missing, malformed or does not match the body; the body was not parsed.
    #[error("{kind}: webhook signature rejected: {reason}")]
    Signature {
        /// Which rejection, also `code()`: `SIGNATURE_MISSING_INPUT`, `SIGNATURE_MALFORMED` or
        /// `SIGNATURE_MISMATCH`.
        kind: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The body is authentic but not a Razorpay event.
    #[error("WEBHOOK_INVALID_PAYLOAD: webhook body is not a valid Razorpay event: {reason}")]
    InvalidPayload {
        /// What was wrong, with the JSON parser's line and column.
        reason: String,
    },
}

#[uniffi::export]
impl WebhookError {
    /// The stable machine-readable code, the one `razorpay_core`'s `WebhookError::code` gives.
    pub fn code(&self) -> String {
        match self {
            Self::NoSecret => "WEBHOOK_NO_SECRET",
            Self::Signature { kind, .. } => kind,
            Self::InvalidPayload { .. } => "WEBHOOK_INVALID_PAYLOAD",
        }
        .to_owned()
    }
}

impl From<core::WebhookError> for WebhookError {
    fn from(e: core::WebhookError) -> Self {
        match e {
            core::WebhookError::NoSecret => Self::NoSecret,
            core::WebhookError::Signature(s) => Self::Signature {
                kind: s.code().to_owned(),
                reason: s.to_string(),
            },
            core::WebhookError::InvalidPayload { message } => {
                Self::InvalidPayload { reason: message }
            }
            // A failure kind newer than this binding: the body could not be used either way.
            other => Self::InvalidPayload {
                reason: other.to_string(),
            },
        }
    }
}

/// A verified Razorpay webhook event: the envelope, the payment / order / refund it carries as
/// records, and the whole body as received (`json`) for everything else.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WebhookEvent {
    /// The event name as Razorpay sends it (`payment.captured`, `order.paid`, `refund.processed`,
    /// …); names newer than this library come through unchanged.
    pub event: String,
    /// Always `event`.
    pub entity: Option<String>,
    /// The merchant account (`acc_…`).
    pub account_id: Option<String>,
    /// Which entities the payload holds (`["payment", "order"]`).
    pub contains: Vec<String>,
    /// When Razorpay created the event (Kotlin `Instant`, Swift `Date`, Python `datetime`).
    pub created_at: Option<UnixTime>,
    /// `payload.payment.entity`.
    pub payment: Option<Payment>,
    /// `payload.order.entity`.
    pub order: Option<Order>,
    /// `payload.refund.entity`.
    pub refund: Option<Refund>,
    /// The body exactly as received.
    pub json: String,
}

impl WebhookEvent {
    fn new(event: &core::WebhookEvent, body: &[u8]) -> Self {
        Self {
            event: event.event.as_str().to_owned(),
            entity: event.entity.clone(),
            account_id: event.account_id.clone(),
            contains: event.contains.clone(),
            created_at: event.created_at,
            payment: event.payment().cloned(),
            order: event.order().cloned(),
            refund: event.refund().cloned(),
            // It parsed as JSON, so it is UTF-8.
            json: String::from_utf8_lossy(body).into_owned(),
        }
    }
}

/// The core event behind a record `construct_event` returned: its body, parsed again (the
/// record is plain data, so reconciliation reads the body rather than trusting the fields).
pub(crate) fn core_event(event: &WebhookEvent) -> Result<core::WebhookEvent, core::WebhookError> {
    core::WebhookEvent::from_slice(event.json.as_bytes())
}

/// Parses a webhook body WITHOUT checking its signature: only for a body something in front of
/// the app already verified. Prefer [`WebhookVerifier::construct_event`], which verifies first.
#[uniffi::export]
pub fn parse_unverified_webhook_event(body: Vec<u8>) -> Result<WebhookEvent, WebhookError> {
    let event = core::WebhookEvent::from_slice(&body)?;
    Ok(WebhookEvent::new(&event, &body))
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

    /// Verifies the signature over the raw body FIRST and only then parses the event: a forged
    /// body is never read.
    pub fn construct_event(
        &self,
        body: Vec<u8>,
        signature: String,
    ) -> Result<WebhookEvent, WebhookError> {
        let event = self.inner.construct_event(&body, &signature)?;
        Ok(WebhookEvent::new(&event, &body))
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
    fn construct_event_verifies_then_parses() {
        let v = WebhookVerifier::new(vec!["whsec".into()]).unwrap();
        let body = br#"{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_1","entity":"payment","amount":5000,"currency":"INR","status":"captured","order_id":"order_1","notes":[],"captured":true,"new_field":1}}},"created_at":1700000000}"#.to_vec();
        let sig = sign_webhook(body.clone(), "whsec".into());
        let event = v.construct_event(body.clone(), sig).unwrap();
        assert_eq!(event.event, "payment.captured");
        let payment = event.payment.unwrap();
        assert_eq!(
            (payment.amount, payment.status.as_str()),
            (5000, "captured")
        );
        assert_eq!(payment.captured.map(bool::from), Some(true));
        assert_eq!(payment.extra.get("new_field"), Some(&serde_json::json!(1)));
        assert_eq!(event.json.as_bytes(), body.as_slice());

        // A forged body is rejected before it is parsed, even when it is not JSON.
        let e = v
            .construct_event(b"not json".to_vec(), "0".repeat(64))
            .unwrap_err();
        assert_eq!(e.code(), "SIGNATURE_MISMATCH");
        let garbage = b"not json".to_vec();
        let sig = sign_webhook(garbage.clone(), "whsec".into());
        let e = v.construct_event(garbage, sig).unwrap_err();
        assert_eq!(e.code(), "WEBHOOK_INVALID_PAYLOAD");
    }

    #[test]
    fn codes_are_the_core_codes() {
        use razorpay_core::signature::SignatureError as S;
        for e in [
            core::WebhookError::NoSecret,
            core::WebhookError::InvalidPayload {
                message: "x".into(),
            },
            S::MissingInput { field: "signature" }.into(),
            S::Malformed { len: 1 }.into(),
            S::Mismatch.into(),
        ] {
            let code = e.code();
            assert_eq!(WebhookError::from(e).code(), code);
        }
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
