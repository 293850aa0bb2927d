//! Raising the exception classes of the generated uniffi modules from native code.
//!
//! Python callers catch `checkout_kit.SignatureError.Mismatch`, `WebhookError.Signature`,
//! `CartError.InvalidPolicy`, … — classes defined once, by uniffi, in the generated module of the
//! crate that declares the error (`checkout_kit.razorpay_core` for razorpay-core's own errors,
//! `checkout_kit._uniffi` for the binding's). The fast paths raise the very instances the uniffi
//! door raises: the Rust error is serialised with uniffi's `Lower` and read back by the generated
//! converter, so no variant or field is mapped by hand, and `except` clauses, `.code()` and the
//! fields behave identically whichever door answered.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// The generated module of the binding's own errors (`CartError`, …).
pub(crate) const UNIFFI_MODULE: &str = "checkout_kit._uniffi";

/// The generated module of razorpay-core's errors, which cross as they are (`SignatureError`,
/// `WebhookError`, …).
pub(crate) const RAZORPAY_CORE_MODULE: &str = "checkout_kit.razorpay_core";

/// `error` as the exception `<module>.<type_name>.<Variant>` that uniffi's generated converter
/// reads from its serialised form.
pub(crate) fn uniffi_error<T: uniffi::Lower<checkout_kit::UniFfiTag>>(
    py: Python<'_>,
    module: &str,
    type_name: &str,
    error: T,
) -> PyErr {
    let mut buf = Vec::new();
    T::write(error, &mut buf);
    let read = || -> PyResult<PyErr> {
        let module = py.import(module)?;
        let stream = module
            .getattr("_UniffiRustBufferStream")?
            .call1((PyBytes::new(py, &buf), buf.len()))?;
        let converter = format!("_UniffiFfiConverterType{type_name}");
        let instance = module
            .getattr(converter.as_str())?
            .call_method1("read", (stream,))?;
        Ok(PyErr::from_value(instance))
    };
    // If reading fails (it cannot with the generated converter), raise why.
    read().unwrap_or_else(|e| e)
}
