//! `WebhookVerifier`: webhook secrets keyed once, from `razorpay_core::webhook`.
//!
//! Same constructor, methods and errors as the uniffi object it stands in for. `verify` runs
//! entirely here; `construct_event` verifies here first and only then hands the (authentic)
//! body to the generated `parse_unverified_webhook_event`, so the event records stay uniffi's own.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyBytes;
use razorpay_core::webhook as core;

use crate::errors::{RAZORPAY_CORE_MODULE, uniffi_error};
use crate::signature::bytes_like;

static PARSE_WEBHOOK_EVENT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `core::WebhookError` as `checkout_kit.WebhookError.<Variant>`: razorpay-core's own class.
fn webhook_error(py: Python<'_>, e: core::WebhookError) -> PyErr {
    uniffi_error(py, RAZORPAY_CORE_MODULE, "WebhookError", e)
}

/// Verifies `X-Razorpay-Signature` for one endpoint with one or more secrets (several during a
/// secret rotation). Build it once and share it: it is immutable and safe across threads, and
/// each call hashes only the body.
#[pyclass(frozen, name = "WebhookVerifier", module = "checkout_kit")]
pub struct WebhookVerifier {
    inner: core::WebhookVerifier,
}

#[pymethods]
impl WebhookVerifier {
    /// Keys a verifier with the webhook secrets; raises `WebhookError.NoSecret` when the list is
    /// empty or holds an empty secret.
    #[new]
    fn new(py: Python<'_>, secrets: Vec<String>) -> PyResult<Self> {
        core::WebhookVerifier::new(secrets)
            .map(|inner| Self { inner })
            .map_err(|e| webhook_error(py, e))
    }

    /// How many secrets this verifier accepts.
    fn secret_count(&self) -> u32 {
        u32::try_from(self.inner.secret_count()).unwrap_or(u32::MAX)
    }

    /// Checks `signature` (the `X-Razorpay-Signature` header) over the raw request body.
    fn verify(&self, py: Python<'_>, body: &Bound<'_, PyAny>, signature: &str) -> PyResult<()> {
        let body = bytes_like(body)?;
        self.inner
            .verify(&body, signature)
            .map_err(|e| webhook_error(py, e))
    }

    /// Verifies the signature over the raw body FIRST and only then parses the event: a forged
    /// body is never read.
    fn construct_event<'py>(
        &self,
        py: Python<'py>,
        body: &Bound<'py, PyAny>,
        signature: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let bytes = bytes_like(body)?;
        self.inner
            .verify(&bytes, signature)
            .map_err(|e| webhook_error(py, e))?;
        let parse = PARSE_WEBHOOK_EVENT.get_or_try_init(py, || {
            py.import("checkout_kit._uniffi")?
                .getattr("parse_unverified_webhook_event")
                .map(Bound::unbind)
        })?;
        parse.bind(py).call1((PyBytes::new(py, &bytes),))
    }

    fn __repr__(&self) -> String {
        // Never the secrets.
        format!(
            "WebhookVerifier(secrets=<{} redacted>)",
            self.inner.secret_count()
        )
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<WebhookVerifier>()
}
