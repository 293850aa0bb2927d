//! `class WebhookVerifier`: webhook secrets keyed once, checked on every delivery.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::webhook::{WebhookError, WebhookVerifier as CoreVerifier};

use crate::convert;
use crate::error::{self, Kind};
use crate::hot;

/// A thrown `Error` carrying the webhook error's stable code.
fn webhook_error(env: &Env, err: &WebhookError) -> Error {
    error::coded(env, Kind::Error, err.code(), err.to_string())
}

/// Verifies `X-Razorpay-Signature` headers for one endpoint. Build it once (at start-up) with
/// one secret, or several during a secret rotation (Razorpay keeps signing retries with the old
/// one); each secret is keyed once, so a call hashes only the body.
#[napi]
pub struct WebhookVerifier {
    inner: CoreVerifier,
}

impl WebhookVerifier {
    /// A verifier with a fixed throw-away secret, for the fast path's load-time layout check.
    pub(crate) fn probe() -> Option<Self> {
        CoreVerifier::new(["layout-probe"])
            .ok()
            .map(|inner| Self { inner })
    }
}

#[napi]
impl WebhookVerifier {
    /// `new WebhookVerifier(secret)` or `new WebhookVerifier([newSecret, oldSecret])`.
    /// Throws `WEBHOOK_NO_SECRET` for no secret or an empty one.
    #[napi(constructor, catch_unwind, ts_args_type = "secrets: string | string[]")]
    pub fn new(env: Env, secrets: Unknown) -> Result<Self> {
        let secrets = secret_list(&env, secrets)?;
        CoreVerifier::new(secrets)
            .map(|inner| Self { inner })
            .map_err(|e| webhook_error(&env, &e))
    }

    /// How many secrets this verifier accepts.
    #[napi(getter)]
    pub fn secret_count(&self) -> u32 {
        u32::try_from(self.inner.secret_count()).unwrap_or(u32::MAX)
    }

    /// `true` when `signature` matches the raw `body` under any configured secret; `false` for a
    /// mismatching, malformed or empty signature or an empty body.
    #[napi(
        catch_unwind,
        ts_args_type = "body: Buffer | Uint8Array | string, signature: string"
    )]
    pub fn verify(&self, env: Env, body: Unknown, signature: Unknown) -> Result<bool> {
        self.verify_args(&env, &body, &signature)
    }

    /// Verifies the signature FIRST and only then parses the body into a typed event (snake_case,
    /// exactly as Razorpay sends it; unknown fields kept). Throws an `Error` with `code`
    /// `SIGNATURE_MISMATCH`, `SIGNATURE_MALFORMED`, `SIGNATURE_MISSING_INPUT` or
    /// `WEBHOOK_INVALID_PAYLOAD`.
    #[napi(
        catch_unwind,
        ts_args_type = "body: Buffer | Uint8Array | string, signature: string",
        ts_return_type = "WebhookEvent"
    )]
    pub fn construct_event<'env>(
        &self,
        env: &'env Env,
        body: Unknown,
        signature: Unknown,
    ) -> Result<Unknown<'env>> {
        let event = hot::with_body(env, &body, "body", |body| {
            hot::with_str(env, &signature, "signature", |signature| {
                self.inner
                    .construct_event(body, signature)
                    .map_err(|e| webhook_error(env, &e))
            })
        })?;
        convert::to_js(env, &event)
    }

    /// Like `verify`, but throws the reason (`SIGNATURE_MISMATCH`, `SIGNATURE_MALFORMED`,
    /// `SIGNATURE_MISSING_INPUT`) instead of returning `false`.
    #[napi(
        catch_unwind,
        ts_args_type = "body: Buffer | Uint8Array | string, signature: string"
    )]
    pub fn assert_valid(&self, env: Env, body: Unknown, signature: Unknown) -> Result<()> {
        hot::with_body(&env, &body, "body", |body| {
            hot::with_str(&env, &signature, "signature", |signature| {
                self.inner
                    .verify(body, signature)
                    .map_err(|e| webhook_error(&env, &e))
            })
        })
    }
}

impl WebhookVerifier {
    /// The body of `verify`, shared with its raw entry point (see `fast_path`).
    pub(crate) fn verify_args(
        &self,
        env: &Env,
        body: &Unknown,
        signature: &Unknown,
    ) -> Result<bool> {
        hot::with_body(env, body, "body", |body| {
            hot::with_str(env, signature, "signature", |signature| {
                Ok(self.inner.verify(body, signature).is_ok())
            })
        })
    }
}

/// `string | string[]` → the secrets, each checked to be a string.
fn secret_list(env: &Env, value: Unknown) -> Result<Vec<String>> {
    let expected = "a string or an array of strings";
    match value.get_type()? {
        ValueType::String => Ok(vec![convert::string(env, value, "secrets")?]),
        ValueType::Object if value.is_array()? => {
            let array = value.coerce_to_object()?;
            let length = array.get_array_length()?;
            (0..length)
                .map(|index| {
                    let item: Unknown = array.get_element(index)?;
                    convert::string(env, item, "secrets")
                })
                .collect()
        }
        _ => Err(error::arg_type(env, "secrets", expected)),
    }
}
