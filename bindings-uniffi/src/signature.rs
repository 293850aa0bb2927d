//! Signature verification and signing, from `razorpay_core::signature`.
//!
//! Verifiers return nothing on success and throw [`SignatureError`] otherwise, exactly as the
//! Rust functions return `Result<(), SignatureError>`. Every function that takes a key secret is
//! for servers: a key secret must never ship inside a mobile app.

use razorpay_core::signature as core;
/// Why a signature was rejected: razorpay-core's own error (its `uniffi` feature), with `code()`
/// on the base type in every language.
pub use razorpay_core::signature::SignatureError;

/// Verifies a checkout callback: `signature` over `order_id|payment_id` with the key secret.
#[uniffi::export]
pub fn verify_payment_signature(
    order_id: String,
    payment_id: String,
    signature: String,
    key_secret: String,
) -> Result<(), SignatureError> {
    core::verify_payment_signature(&order_id, &payment_id, &signature, &key_secret)
}

/// Verifies a subscription's authorisation callback: `signature` over
/// `payment_id|subscription_id` (payment id first, as Razorpay signs it).
#[uniffi::export]
pub fn verify_subscription_signature(
    subscription_id: String,
    payment_id: String,
    signature: String,
    key_secret: String,
) -> Result<(), SignatureError> {
    core::verify_subscription_signature(&subscription_id, &payment_id, &signature, &key_secret)
}

/// Verifies a payment link's redirect: `signature` over
/// `payment_link_id|reference_id|status|payment_id`.
#[uniffi::export]
pub fn verify_payment_link_signature(
    payment_link_id: String,
    reference_id: String,
    status: String,
    payment_id: String,
    signature: String,
    key_secret: String,
) -> Result<(), SignatureError> {
    core::verify_payment_link_signature(
        &payment_link_id,
        &reference_id,
        &status,
        &payment_id,
        &signature,
        &key_secret,
    )
}

/// Verifies an invoice payment's redirect: `signature` over
/// `invoice_id|receipt|status|payment_id`.
#[uniffi::export]
pub fn verify_invoice_signature(
    invoice_id: String,
    receipt: String,
    status: String,
    payment_id: String,
    signature: String,
    key_secret: String,
) -> Result<(), SignatureError> {
    core::verify_invoice_signature(
        &invoice_id,
        &receipt,
        &status,
        &payment_id,
        &signature,
        &key_secret,
    )
}

/// Verifies `X-Razorpay-Signature` over the raw request body bytes (never a re-serialised
/// parse of it). For many deliveries, a [`crate::webhook::WebhookVerifier`] is faster.
#[uniffi::export]
pub fn verify_webhook_signature(
    body: Vec<u8>,
    signature: String,
    webhook_secret: String,
) -> Result<(), SignatureError> {
    core::verify_webhook_signature(&body, &signature, &webhook_secret)
}

/// Signs `order_id|payment_id` as Razorpay Checkout does (for the shop's own tests).
#[uniffi::export]
pub fn sign_payment(order_id: String, payment_id: String, key_secret: String) -> String {
    core::sign_payment(&order_id, &payment_id, &key_secret)
}

/// Signs a subscription callback (`payment_id|subscription_id`).
#[uniffi::export]
pub fn sign_subscription(
    subscription_id: String,
    payment_id: String,
    key_secret: String,
) -> String {
    core::sign_subscription(&subscription_id, &payment_id, &key_secret)
}

/// Signs a payment-link redirect (`payment_link_id|reference_id|status|payment_id`).
#[uniffi::export]
pub fn sign_payment_link(
    payment_link_id: String,
    reference_id: String,
    status: String,
    payment_id: String,
    key_secret: String,
) -> String {
    core::sign_payment_link(
        &payment_link_id,
        &reference_id,
        &status,
        &payment_id,
        &key_secret,
    )
}

/// Signs an invoice redirect (`invoice_id|receipt|status|payment_id`).
#[uniffi::export]
pub fn sign_invoice(
    invoice_id: String,
    receipt: String,
    status: String,
    payment_id: String,
    key_secret: String,
) -> String {
    core::sign_invoice(&invoice_id, &receipt, &status, &payment_id, &key_secret)
}

/// Signs a webhook body as Razorpay does (`X-Razorpay-Signature`).
#[uniffi::export]
pub fn sign_webhook(body: Vec<u8>, webhook_secret: String) -> String {
    core::sign_webhook(&body, &webhook_secret)
}

/// Lower-case hex HMAC-SHA256 of `message` keyed with `secret`.
#[uniffi::export]
pub fn hmac_sha256_hex(secret: String, message: Vec<u8>) -> String {
    core::hmac_sha256_hex(&secret, &message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_keep_the_core_code_and_details() {
        let sig = sign_payment("order_1".into(), "pay_1".into(), "s".into());
        assert_eq!(
            verify_payment_signature("order_1".into(), "pay_1".into(), sig.clone(), "s".into()),
            Ok(())
        );
        let e = verify_payment_signature("order_2".into(), "pay_1".into(), sig, "s".into());
        assert_eq!(e.unwrap_err().code(), "SIGNATURE_MISMATCH");
        let e =
            verify_payment_signature("order_1".into(), "pay_1".into(), "abc".into(), "s".into());
        assert!(matches!(e, Err(SignatureError::Malformed { len: 3, .. })));
        let e = verify_payment_signature("".into(), "pay_1".into(), "abc".into(), "s".into());
        assert!(
            matches!(e, Err(SignatureError::MissingInput { ref field, .. }) if field == "order_id"),
            "{e:?}"
        );
    }

    #[test]
    fn webhook_round_trip_over_bytes() {
        let body = "{\"amount\":\"₹5\"}".as_bytes().to_vec();
        let sig = sign_webhook(body.clone(), "whsec".into());
        assert_eq!(sig, hmac_sha256_hex("whsec".into(), body.clone()));
        assert_eq!(
            verify_webhook_signature(body.clone(), sig.clone(), "whsec".into()),
            Ok(())
        );
        let mut tampered = body;
        tampered.push(b' ');
        let e = verify_webhook_signature(tampered, sig, "whsec".into()).unwrap_err();
        assert_eq!(e.code(), "SIGNATURE_MISMATCH");
    }
}
