//! `WebhookVerifier`: webhook secrets keyed once, from `razorpay_core::webhook`.

use razorpay_core::webhook as core;
/// Why a webhook could not be verified or read: razorpay-core's own error (its `uniffi`
/// feature); `code()` on the base type is the signature's code for `Signature`.
pub use razorpay_core::webhook::WebhookError;

use crate::model::{Order, Payment, Refund, UnixTime};

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
        self.inner.verify(&body, &signature)
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
        assert!(matches!(e, WebhookError::Signature(_)));
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
