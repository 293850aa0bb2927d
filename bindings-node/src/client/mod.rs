//! The API client: `class RazorpayClient` (also exported as `Razorpay`, the official SDK's
//! name) with the official SDK's resource style — `client.orders.create(…)`,
//! `client.payments.capture(…)`, `client.refunds.fetch(…)` — every call a Promise settled from
//! Rust's tokio runtime. Timeouts, retries, validation and error classification are
//! `razorpay_core::client`'s; this module converts.

pub(crate) mod call;
mod endpoints;
pub(crate) mod error;
mod options;
mod params;
mod resources;

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::client::RazorpayClient as CoreClient;

use crate::convert;

pub use resources::{Orders, Payments, Refunds};

/// A Razorpay API client. Build one per key at start-up and share it: it holds one connection
/// pool. `new Razorpay({ key_id, key_secret })` works as with the official SDK; our options add
/// `baseUrl` (e.g. a razorpay-sandbox URL), `timeouts: { connect, request }` (ms, never
/// infinite), `retries` (a count, `false`, or `{ maxRetries, initialBackoff, maxBackoff,
/// maxRetryAfter }` in ms) and `userAgent`.
#[napi]
pub struct RazorpayClient {
    inner: CoreClient,
}

#[napi]
impl RazorpayClient {
    /// Throws `INVALID_CONFIG` for an unusable configuration (empty key, bad URL, zero timeout)
    /// and a `TypeError` for missing or unknown options.
    #[napi(constructor, catch_unwind, ts_args_type = "options: RazorpayOptions")]
    pub fn new(env: Env, options: Unknown) -> Result<Self> {
        let config = options::config(&env, options)?;
        // reqwest builds its connection pool for the tokio runtime napi drives.
        napi::bindgen_prelude::within_runtime_if_available(|| CoreClient::new(config))
            .map(|inner| Self { inner })
            .map_err(|e| error::client_error(&env, &e))
    }

    /// `"test"` or `"live"`, from the key id's prefix (`rzp_test_` / `rzp_live_`).
    #[napi(getter, ts_return_type = "'test' | 'live' | (string & {})")]
    pub fn mode(&self) -> &'static str {
        self.inner.mode().as_str()
    }

    /// The key id (never the secret).
    #[napi(getter)]
    pub fn key_id(&self) -> String {
        self.inner.config().key_id().to_owned()
    }

    /// The Orders API: `create`, `fetch`, `all`, `edit`, `fetchPayments`.
    #[napi(getter)]
    pub fn orders(&self) -> Orders {
        Orders::for_client(self.inner.clone())
    }

    /// The Payments API: `fetch`, `all`, `capture`, `refund`, `fetchRefunds`.
    #[napi(getter)]
    pub fn payments(&self) -> Payments {
        Payments::for_client(self.inner.clone())
    }

    /// The Refunds API: `fetch`, `all`.
    #[napi(getter)]
    pub fn refunds(&self) -> Refunds {
        Refunds::for_client(self.inner.clone())
    }

    /// Calls any API method by its official name (`"orders.create"`,
    /// `"payments.fetchMultipleRefund"`, …) with its arguments as JSON text, named as in
    /// `apiEndpoints()` (`{"payment_id": "pay_…", "params": {…}}`). `{ idempotencyKey }` sends
    /// `X-Refund-Idempotency`. The `Razorpay` class builds every resource method on this.
    #[napi(
        catch_unwind,
        ts_args_type = "name: string, argsJson: string, options?: { idempotencyKey?: string } | null",
        ts_return_type = "Promise<any>"
    )]
    pub fn request<'env>(
        &self,
        env: &'env Env,
        name: Unknown,
        args_json: Unknown,
        options: Unknown,
    ) -> Result<call::Pending<'env>> {
        let args = convert::string(env, name, "name").and_then(|name| {
            let args = convert::string(env, args_json, "argsJson")?;
            let options = convert::json_opt::<endpoints::CallOptions>(env, options, "options")?;
            Ok((name, args, options.unwrap_or_default().into()))
        });
        let client = self.inner.clone();
        call::run(env, args, move |(name, args, options)| async move {
            client.request_json(&name, &args, &options).await
        })
    }

    /// `Razorpay.validateWebhookSignature(body, signature, secret)`, as on the official SDK's
    /// class.
    #[napi(
        js_name = "validateWebhookSignature",
        catch_unwind,
        ts_args_type = "body: Buffer | Uint8Array | string, signature: string, secret: string"
    )]
    pub fn validate_webhook_signature_static(
        env: Env,
        body: Unknown,
        signature: Unknown,
        secret: Unknown,
    ) -> Result<bool> {
        crate::signature::verify_webhook(&env, &body, &signature, &secret)
    }
}
