//! One generic call for every method of razorpay-core's API table: no per-endpoint code here.

use razorpay_core::api;

use super::{ClientError, RazorpayClient};

/// The API table (every method of the official `razorpay` npm package) as JSON: an array of
/// `{name, method, version, path, routes, args, query, body, retry, entity}`.
#[uniffi::export]
pub fn api_endpoints_json() -> String {
    api::endpoints_json()
}

#[uniffi::export(async_runtime = "tokio")]
impl RazorpayClient {
    /// Calls any API method by its official name (`"orders.create"`,
    /// `"payments.fetchMultipleRefund"`, …) with its arguments as a JSON object named as in
    /// [`api_endpoints_json`] (`{"payment_id": "pay_…", "params": {…}}`), and returns
    /// Razorpay's JSON answer. `idempotency_key` is sent as `X-Refund-Idempotency` (and makes
    /// `payments.refund` safe to retry).
    #[uniffi::method(default(idempotency_key = None))]
    pub async fn request(
        &self,
        name: String,
        args_json: String,
        idempotency_key: Option<String>,
    ) -> Result<String, ClientError> {
        let mut options = api::RequestOptions::default();
        options.idempotency_key = idempotency_key;
        let answer = self.inner.request_json(&name, &args_json, &options).await?;
        Ok(answer.to_string())
    }
}
