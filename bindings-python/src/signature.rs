//! Signature verification and signing, straight from `razorpay_core::signature`.
//!
//! Same names, argument names and results as the uniffi functions they stand in for: a
//! verifier returns `None` or raises `checkout_kit.SignatureError.<Variant>`; a signer returns
//! the lower-case hex signature. Byte arguments accept any bytes-like object, as uniffi's do, and
//! also a `str` (hashed as its UTF-8 bytes, as the official package does).

use std::borrow::Cow;

use pyo3::PyTypeInfo;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyMemoryView, PyString};
use razorpay_core::signature as core;

use crate::errors::{RAZORPAY_CORE_MODULE, uniffi_error};

/// `core::SignatureError` as `checkout_kit.SignatureError.<Variant>`: razorpay-core's own class.
pub(crate) fn signature_error(py: Python<'_>, e: core::SignatureError) -> PyErr {
    uniffi_error(py, RAZORPAY_CORE_MODULE, "SignatureError", e)
}

/// The bytes of a body or message, borrowed without copying from `bytes` and from `str` (its
/// UTF-8 form, which CPython keeps beside the string: what the official package hashes when it
/// is given the decoded body); any other bytes-like object (`bytearray`, `memoryview`) is copied
/// once. Anything else (`None`, a number) is a `TypeError`.
pub(crate) fn bytes_like<'a>(value: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(bytes.as_bytes()));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Cow::Borrowed(text.to_str()?.as_bytes()));
    }
    let view = PyMemoryView::from(value).map_err(|_| {
        PyTypeError::new_err(format!(
            "a bytes-like object or str is required, not {:?}",
            value
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    let copied = PyBytes::type_object(value.py()).call1((view,))?;
    let copied = copied.cast_into::<PyBytes>()?;
    Ok(Cow::Owned(copied.as_bytes().to_vec()))
}

fn check(py: Python<'_>, result: Result<(), core::SignatureError>) -> PyResult<()> {
    result.map_err(|e| signature_error(py, e))
}

/// Verifies a checkout callback: `signature` over `order_id|payment_id` with the key secret.
#[pyfunction]
pub fn verify_payment_signature(
    py: Python<'_>,
    order_id: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> PyResult<()> {
    check(
        py,
        core::verify_payment_signature(order_id, payment_id, signature, key_secret),
    )
}

/// Verifies a subscription's authorisation callback (`payment_id|subscription_id`).
#[pyfunction]
pub fn verify_subscription_signature(
    py: Python<'_>,
    subscription_id: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> PyResult<()> {
    check(
        py,
        core::verify_subscription_signature(subscription_id, payment_id, signature, key_secret),
    )
}

/// Verifies a payment link's redirect (`payment_link_id|reference_id|status|payment_id`).
#[pyfunction]
pub fn verify_payment_link_signature(
    py: Python<'_>,
    payment_link_id: &str,
    reference_id: &str,
    status: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> PyResult<()> {
    check(
        py,
        core::verify_payment_link_signature(
            payment_link_id,
            reference_id,
            status,
            payment_id,
            signature,
            key_secret,
        ),
    )
}

/// Verifies an invoice payment's redirect (`invoice_id|receipt|status|payment_id`).
#[pyfunction]
pub fn verify_invoice_signature(
    py: Python<'_>,
    invoice_id: &str,
    receipt: &str,
    status: &str,
    payment_id: &str,
    signature: &str,
    key_secret: &str,
) -> PyResult<()> {
    check(
        py,
        core::verify_invoice_signature(
            invoice_id, receipt, status, payment_id, signature, key_secret,
        ),
    )
}

/// Verifies `X-Razorpay-Signature` over the raw request body bytes.
#[pyfunction]
pub fn verify_webhook_signature(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
    signature: &str,
    webhook_secret: &str,
) -> PyResult<()> {
    let body = bytes_like(body)?;
    check(
        py,
        core::verify_webhook_signature(&body, signature, webhook_secret),
    )
}

/// Signs `order_id|payment_id` as Razorpay Checkout does.
#[pyfunction]
pub fn sign_payment(order_id: &str, payment_id: &str, key_secret: &str) -> String {
    core::sign_payment(order_id, payment_id, key_secret)
}

/// Signs a subscription callback (`payment_id|subscription_id`).
#[pyfunction]
pub fn sign_subscription(subscription_id: &str, payment_id: &str, key_secret: &str) -> String {
    core::sign_subscription(subscription_id, payment_id, key_secret)
}

/// Signs a payment-link redirect.
#[pyfunction]
pub fn sign_payment_link(
    payment_link_id: &str,
    reference_id: &str,
    status: &str,
    payment_id: &str,
    key_secret: &str,
) -> String {
    core::sign_payment_link(
        payment_link_id,
        reference_id,
        status,
        payment_id,
        key_secret,
    )
}

/// Signs an invoice redirect.
#[pyfunction]
pub fn sign_invoice(
    invoice_id: &str,
    receipt: &str,
    status: &str,
    payment_id: &str,
    key_secret: &str,
) -> String {
    core::sign_invoice(invoice_id, receipt, status, payment_id, key_secret)
}

/// Signs a webhook body as Razorpay does (`X-Razorpay-Signature`).
#[pyfunction]
pub fn sign_webhook(body: &Bound<'_, PyAny>, webhook_secret: &str) -> PyResult<String> {
    Ok(core::sign_webhook(&bytes_like(body)?, webhook_secret))
}

/// Lower-case hex HMAC-SHA256 of `message` keyed with `secret`.
#[pyfunction]
pub fn hmac_sha256_hex(secret: &str, message: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(core::hmac_sha256_hex(secret, &bytes_like(message)?))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(verify_payment_signature, m)?)?;
    m.add_function(wrap_pyfunction!(verify_subscription_signature, m)?)?;
    m.add_function(wrap_pyfunction!(verify_payment_link_signature, m)?)?;
    m.add_function(wrap_pyfunction!(verify_invoice_signature, m)?)?;
    m.add_function(wrap_pyfunction!(verify_webhook_signature, m)?)?;
    m.add_function(wrap_pyfunction!(sign_payment, m)?)?;
    m.add_function(wrap_pyfunction!(sign_subscription, m)?)?;
    m.add_function(wrap_pyfunction!(sign_payment_link, m)?)?;
    m.add_function(wrap_pyfunction!(sign_invoice, m)?)?;
    m.add_function(wrap_pyfunction!(sign_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(hmac_sha256_hex, m)?)?;
    Ok(())
}
