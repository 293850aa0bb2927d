//! [`RazorpayClient::request`]: any method of the [API table](crate::api) by its official name.

use reqwest::Method;
use serde_json::Value;

use super::RazorpayClient;
use super::error::ClientError;
use super::transport::Call;
use super::validate::ValidationError;
use crate::api::{self, ApiOutput, HttpMethod, RequestOptions};

/// The transport call for a method of the table: validated, built, with the table's retry
/// safety and expected `entity`.
fn prepare(name: &str, args: &Value, options: &RequestOptions) -> Result<Call, ClientError> {
    let endpoint = api::endpoint(name).ok_or_else(|| ValidationError::UnknownMethod {
        name: name.to_owned(),
    })?;
    let request = api::build(endpoint, args, options)?;
    let method = match request.method {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
        HttpMethod::Put => Method::PUT,
        HttpMethod::Patch => Method::PATCH,
        HttpMethod::Delete => Method::DELETE,
    };
    let mut call = Call::get(request.path);
    call.method = method;
    call.version = request.version.as_str();
    if let Some((content_type, body)) = request.body {
        call.body = Some(body);
        call.content_type = Some(content_type);
    }
    let mut call = call.idempotency_key(request.idempotency_key);
    // The table decides: a key makes only the refund safe to repeat.
    call.replay_safe = request.replay_safe;
    // Another kind of object (a redirect target's, a proxy's) is not this call's answer.
    call.entity = request.entity;
    Ok(call)
}

impl RazorpayClient {
    /// Calls the API method named as in the official package (`"orders.create"`,
    /// `"payments.fetchMultipleRefund"`, …) with its arguments by name, and returns Razorpay's
    /// JSON answer. Validation, timeouts, retries (only where [`api::Retry`] allows) and error
    /// classification are those of the typed methods.
    ///
    /// ```no_run
    /// # async fn demo(client: razorpay_core::RazorpayClient) -> Result<(), razorpay_core::ClientError> {
    /// use razorpay_core::api::RequestOptions;
    /// use serde_json::json;
    ///
    /// let refunds = client
    ///     .request("payments.fetchMultipleRefund", &json!({"payment_id": "pay_29QQoUBi66xm2f", "params": {"count": 5}}), &RequestOptions::default())
    ///     .await?;
    /// println!("{}", refunds["count"]);
    /// # Ok(()) }
    /// ```
    pub async fn request(
        &self,
        name: &str,
        args: &Value,
        options: &RequestOptions,
    ) -> Result<Value, ClientError> {
        self.execute(prepare(name, args, options)?).await
    }

    /// [`request`](Self::request), decoded as `T`: the model type the method returns
    /// ([`Customer`](crate::model::Customer), [`Collection<Token>`](crate::model::Collection),
    /// or [`Value`] where the answer is not modelled). The typed resources
    /// (`client.customers()`, …; see [`api::resources`]) call this; call it directly to pass
    /// [`RequestOptions`] such as an idempotency key.
    ///
    /// An answer whose `entity` is not `T`'s is `UNEXPECTED_RESPONSE`, as is one that does not
    /// decode as `T`; unknown fields are kept in `T`'s `extra`.
    ///
    /// ```no_run
    /// # async fn demo(client: razorpay_core::RazorpayClient) -> Result<(), razorpay_core::ClientError> {
    /// use razorpay_core::api::RequestOptions;
    /// use razorpay_core::model::{Collection, Refund};
    /// use serde_json::json;
    ///
    /// let refunds: Collection<Refund> = client
    ///     .call("payments.fetchMultipleRefund", &json!({"payment_id": "pay_29QQoUBi66xm2f"}), &RequestOptions::default())
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn call<T: ApiOutput>(
        &self,
        name: &str,
        args: &Value,
        options: &RequestOptions,
    ) -> Result<T, ClientError> {
        self.execute(prepare(name, args, options)?).await
    }

    /// [`request`](Self::request) with the arguments as a JSON text (for the bindings).
    pub async fn request_json(
        &self,
        name: &str,
        args_json: &str,
        options: &RequestOptions,
    ) -> Result<Value, ClientError> {
        let args: Value = if args_json.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(args_json).map_err(|e| ValidationError::InvalidArgument {
                field: "args".into(),
                reason: format!("is not JSON: {e}"),
            })?
        };
        self.request(name, &args, options).await
    }
}
