//! Raising the exception classes of the generated uniffi module from native code.
//!
//! Python callers catch `checkout_kit.SignatureError.Mismatch`, `WebhookError.Signature`, … —
//! classes defined once, by uniffi, in the generated module of the crate that declares the error
//! (`checkout_kit.razorpay_core` for razorpay-core's own errors, `checkout_kit._uniffi` for the
//! binding's). The fast paths raise instances of
//! those same classes (built with the same keyword fields), so `except` clauses, `.code()` and the
//! other attributes behave identically whichever door answered.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

/// The generated module of the binding's own errors (`CartError`, …).
pub(crate) const UNIFFI_MODULE: &str = "checkout_kit._uniffi";

/// The generated module of razorpay-core's errors, which cross as they are (`SignatureError`,
/// `WebhookError`, …).
pub(crate) const RAZORPAY_CORE_MODULE: &str = "checkout_kit.razorpay_core";

/// `<module>.<class_name>` (an error enum's base class), imported once.
pub(crate) fn uniffi_class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    module: &str,
    class_name: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, module, class_name)
}

/// Builds `Base.Variant(**fields)` and returns it as the error to raise.
pub(crate) fn variant_error(
    base: &Bound<'_, PyType>,
    variant: &str,
    fields: &[(&str, Bound<'_, PyAny>)],
) -> PyErr {
    let py = base.py();
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        for (name, value) in fields {
            kwargs.set_item(name, value)?;
        }
        let instance = base.getattr(variant)?.call((), Some(&kwargs))?;
        Ok(PyErr::from_value(instance))
    };
    // If building the exception itself fails (it cannot with the generated classes), raise why.
    build().unwrap_or_else(|e| e)
}

/// Builds `Base.Variant(value)` for a tuple variant (uniffi's classes take its values
/// positionally) and returns it as the error to raise.
pub(crate) fn tuple_variant_error(
    base: &Bound<'_, PyType>,
    variant: &str,
    value: Bound<'_, PyAny>,
) -> PyErr {
    match base
        .getattr(variant)
        .and_then(|class| class.call1((value,)))
    {
        Ok(instance) => PyErr::from_value(instance),
        Err(e) => e,
    }
}
