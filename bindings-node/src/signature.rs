//! Signature verification and signing: `verify*`, `sign*` and the official SDK's
//! `validatePaymentVerification` / `validateWebhookSignature` aliases.
//!
//! The rules (message layout, hex decoding, constant-time comparison) live in
//! `razorpay_core::signature`; this module maps JS arguments in and the result out:
//! a mismatching, malformed or empty signature (or empty id/body, i.e. untrusted input) is
//! `false`; a missing or non-string argument is a `TypeError`; an empty secret is a
//! configuration bug and throws `SIGNATURE_MISSING_INPUT`.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::SignatureError;

use crate::convert;
use crate::error::{self, Kind};
use crate::hot;

/// Maps a verification result to the JS boolean.
fn verdict(result: std::result::Result<(), SignatureError>) -> bool {
    result.is_ok()
}

/// A required secret argument: a string, and not empty.
pub(crate) fn secret(env: &Env, value: Unknown, name: &str) -> Result<String> {
    let secret = convert::string(env, value, name)?;
    require_secret(env, &secret, name)?;
    Ok(secret)
}

/// An empty secret is a configuration bug (an unset environment variable): throw, don't verify.
pub(crate) fn require_secret(env: &Env, secret: &str, name: &str) -> Result<()> {
    if secret.is_empty() {
        return Err(error::coded(
            env,
            Kind::Error,
            "SIGNATURE_MISSING_INPUT",
            format!("The \"{name}\" argument is empty: configure the secret"),
        ));
    }
    Ok(())
}

/// Verifies the checkout callback of an order: `razorpay_signature` over `order_id|payment_id`,
/// keyed with the API key secret. `false` on a mismatching or malformed signature.
#[napi(
    catch_unwind,
    ts_args_type = "orderId: string, paymentId: string, signature: string, keySecret: string"
)]
pub fn verify_payment_signature(
    env: Env,
    order_id: Unknown,
    payment_id: Unknown,
    signature: Unknown,
    key_secret: Unknown,
) -> Result<bool> {
    let order_id = convert::string(&env, order_id, "orderId")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let signature = convert::string(&env, signature, "signature")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(verdict(razorpay_core::verify_payment_signature(
        &order_id,
        &payment_id,
        &signature,
        &key_secret,
    )))
}

/// Verifies a subscription's authorisation callback (`payment_id|subscription_id`, as Razorpay
/// signs it). Arguments in the Rust order: subscription id first.
#[napi(
    catch_unwind,
    ts_args_type = "subscriptionId: string, paymentId: string, signature: string, keySecret: string"
)]
pub fn verify_subscription_signature(
    env: Env,
    subscription_id: Unknown,
    payment_id: Unknown,
    signature: Unknown,
    key_secret: Unknown,
) -> Result<bool> {
    let subscription_id = convert::string(&env, subscription_id, "subscriptionId")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let signature = convert::string(&env, signature, "signature")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(verdict(razorpay_core::verify_subscription_signature(
        &subscription_id,
        &payment_id,
        &signature,
        &key_secret,
    )))
}

/// Verifies a payment link callback (`payment_link_id|reference_id|status|payment_id`).
/// `referenceId` may be `""` for a link created without one.
#[napi(
    catch_unwind,
    ts_args_type = "paymentLinkId: string, referenceId: string, status: string, paymentId: string, signature: string, keySecret: string"
)]
pub fn verify_payment_link_signature(
    env: Env,
    payment_link_id: Unknown,
    reference_id: Unknown,
    status: Unknown,
    payment_id: Unknown,
    signature: Unknown,
    key_secret: Unknown,
) -> Result<bool> {
    let payment_link_id = convert::string(&env, payment_link_id, "paymentLinkId")?;
    let reference_id = convert::string(&env, reference_id, "referenceId")?;
    let status = convert::string(&env, status, "status")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let signature = convert::string(&env, signature, "signature")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(verdict(razorpay_core::verify_payment_link_signature(
        &payment_link_id,
        &reference_id,
        &status,
        &payment_id,
        &signature,
        &key_secret,
    )))
}

/// Verifies an invoice callback (`invoice_id|receipt|status|payment_id`). `receipt` may be `""`.
#[napi(
    catch_unwind,
    ts_args_type = "invoiceId: string, receipt: string, status: string, paymentId: string, signature: string, keySecret: string"
)]
pub fn verify_invoice_signature(
    env: Env,
    invoice_id: Unknown,
    receipt: Unknown,
    status: Unknown,
    payment_id: Unknown,
    signature: Unknown,
    key_secret: Unknown,
) -> Result<bool> {
    let invoice_id = convert::string(&env, invoice_id, "invoiceId")?;
    let receipt = convert::string(&env, receipt, "receipt")?;
    let status = convert::string(&env, status, "status")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let signature = convert::string(&env, signature, "signature")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(verdict(razorpay_core::verify_invoice_signature(
        &invoice_id,
        &receipt,
        &status,
        &payment_id,
        &signature,
        &key_secret,
    )))
}

/// Verifies a webhook's `X-Razorpay-Signature` over the raw request body. Pass the body exactly
/// as received (`req.rawBody` in NestJS): a re-serialised JSON object no longer matches.
/// A string body is hashed as its UTF-8 bytes.
#[napi(
    catch_unwind,
    ts_args_type = "body: Buffer | Uint8Array | string, signature: string, secret: string"
)]
pub fn verify_webhook_signature(
    env: Env,
    body: Unknown,
    signature: Unknown,
    secret_value: Unknown,
) -> Result<bool> {
    verify_webhook(&env, &body, &signature, &secret_value)
}

/// The body of `verifyWebhookSignature`, shared with its raw entry point (see `fast_path`).
/// The hot path of every webhook: arguments are read without allocating (see `hot`).
pub(crate) fn verify_webhook(
    env: &Env,
    body: &Unknown,
    signature: &Unknown,
    secret_value: &Unknown,
) -> Result<bool> {
    hot::with_body(env, body, "body", |body| {
        hot::with_str(env, signature, "signature", |signature| {
            hot::with_str(env, secret_value, "secret", |webhook_secret| {
                require_secret(env, webhook_secret, "secret")?;
                Ok(verdict(razorpay_core::verify_webhook_signature(
                    body,
                    signature,
                    webhook_secret,
                )))
            })
        })
    })
}

/// Signs a webhook body as Razorpay does (lowercase hex), to send test webhooks to your own
/// endpoint.
#[napi(
    catch_unwind,
    ts_args_type = "body: Buffer | Uint8Array | string, secret: string"
)]
pub fn sign_webhook(env: Env, body: Unknown, secret_value: Unknown) -> Result<String> {
    hot::with_body(&env, &body, "body", |body| {
        hot::with_str(&env, &secret_value, "secret", |webhook_secret| {
            require_secret(&env, webhook_secret, "secret")?;
            Ok(razorpay_core::sign_webhook(body, webhook_secret))
        })
    })
}

/// Signs an order's checkout callback (`order_id|payment_id`) as Razorpay does, for tests.
#[napi(
    catch_unwind,
    ts_args_type = "orderId: string, paymentId: string, keySecret: string"
)]
pub fn sign_payment(
    env: Env,
    order_id: Unknown,
    payment_id: Unknown,
    key_secret: Unknown,
) -> Result<String> {
    let order_id = convert::string(&env, order_id, "orderId")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(razorpay_core::sign_payment(
        &order_id,
        &payment_id,
        &key_secret,
    ))
}

/// Signs a subscription callback (`payment_id|subscription_id`), for tests.
#[napi(
    catch_unwind,
    ts_args_type = "subscriptionId: string, paymentId: string, keySecret: string"
)]
pub fn sign_subscription(
    env: Env,
    subscription_id: Unknown,
    payment_id: Unknown,
    key_secret: Unknown,
) -> Result<String> {
    let subscription_id = convert::string(&env, subscription_id, "subscriptionId")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(razorpay_core::sign_subscription(
        &subscription_id,
        &payment_id,
        &key_secret,
    ))
}

/// Signs a payment link callback (`payment_link_id|reference_id|status|payment_id`), for tests.
#[napi(
    catch_unwind,
    ts_args_type = "paymentLinkId: string, referenceId: string, status: string, paymentId: string, keySecret: string"
)]
pub fn sign_payment_link(
    env: Env,
    payment_link_id: Unknown,
    reference_id: Unknown,
    status: Unknown,
    payment_id: Unknown,
    key_secret: Unknown,
) -> Result<String> {
    let payment_link_id = convert::string(&env, payment_link_id, "paymentLinkId")?;
    let reference_id = convert::string(&env, reference_id, "referenceId")?;
    let status = convert::string(&env, status, "status")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(razorpay_core::sign_payment_link(
        &payment_link_id,
        &reference_id,
        &status,
        &payment_id,
        &key_secret,
    ))
}

/// Signs an invoice callback (`invoice_id|receipt|status|payment_id`), for tests.
#[napi(
    catch_unwind,
    ts_args_type = "invoiceId: string, receipt: string, status: string, paymentId: string, keySecret: string"
)]
pub fn sign_invoice(
    env: Env,
    invoice_id: Unknown,
    receipt: Unknown,
    status: Unknown,
    payment_id: Unknown,
    key_secret: Unknown,
) -> Result<String> {
    let invoice_id = convert::string(&env, invoice_id, "invoiceId")?;
    let receipt = convert::string(&env, receipt, "receipt")?;
    let status = convert::string(&env, status, "status")?;
    let payment_id = convert::string(&env, payment_id, "paymentId")?;
    let key_secret = secret(&env, key_secret, "keySecret")?;
    Ok(razorpay_core::sign_invoice(
        &invoice_id,
        &receipt,
        &status,
        &payment_id,
        &key_secret,
    ))
}

/// Drop-in for the official SDK's `validateWebhookSignature(body, signature, secret)`.
#[napi(
    catch_unwind,
    ts_args_type = "body: Buffer | Uint8Array | string, signature: string, secret: string"
)]
pub fn validate_webhook_signature(
    env: Env,
    body: Unknown,
    signature: Unknown,
    secret_value: Unknown,
) -> Result<bool> {
    verify_webhook(&env, &body, &signature, &secret_value)
}

/// Drop-in for the official SDK's `validatePaymentVerification(params, signature, secret)`:
/// `params` is `{ order_id, payment_id }`, `{ subscription_id, payment_id }` or
/// `{ payment_link_id, payment_link_reference_id, payment_link_status, payment_id }`, checked in
/// that order as the official SDK does.
#[napi(
    catch_unwind,
    ts_args_type = "params: PaymentVerificationParams, signature: string, secret: string"
)]
pub fn validate_payment_verification(
    env: Env,
    params: Unknown,
    signature: Unknown,
    secret_value: Unknown,
) -> Result<bool> {
    if params.get_type()? != ValueType::Object {
        return Err(error::arg_type(&env, "params", "an object"));
    }
    let params = params.coerce_to_object()?;
    let field = |name: &str| -> Result<Option<Unknown>> {
        let value: Unknown = params.get_named_property(name)?;
        Ok(if convert::is_missing(&value)? {
            None
        } else {
            Some(value)
        })
    };
    let payment_id = field("payment_id")?;
    let string = |value: Option<Unknown>, name: &str| -> Result<String> {
        match value {
            Some(value) => convert::string(&env, value, name),
            None => Err(error::arg_type(&env, name, "of type string")),
        }
    };
    let payment_id = string(payment_id, "params.payment_id")?;
    let signature = convert::string(&env, signature, "signature")?;
    let key_secret = secret(&env, secret_value, "secret")?;

    let result = if let Some(order_id) = field("order_id")? {
        let order_id = string(Some(order_id), "params.order_id")?;
        razorpay_core::verify_payment_signature(&order_id, &payment_id, &signature, &key_secret)
    } else if let Some(subscription_id) = field("subscription_id")? {
        let subscription_id = string(Some(subscription_id), "params.subscription_id")?;
        razorpay_core::verify_subscription_signature(
            &subscription_id,
            &payment_id,
            &signature,
            &key_secret,
        )
    } else if let Some(payment_link_id) = field("payment_link_id")? {
        let payment_link_id = string(Some(payment_link_id), "params.payment_link_id")?;
        let reference_id = string(
            field("payment_link_reference_id")?,
            "params.payment_link_reference_id",
        )?;
        let status = string(field("payment_link_status")?, "params.payment_link_status")?;
        razorpay_core::verify_payment_link_signature(
            &payment_link_id,
            &reference_id,
            &status,
            &payment_id,
            &signature,
            &key_secret,
        )
    } else {
        return Err(error::arg_type(
            &env,
            "params",
            "an object with order_id, subscription_id or payment_link_id",
        ));
    };
    Ok(verdict(result))
}
