//! `RazorpayClient`: the async Razorpay API client, for SERVERS ONLY.
//!
//! It needs the key secret, and a key secret must never ship inside a mobile app (anyone can
//! extract it from the package and refund your payments). Apps call their own backend, which
//! creates orders with this client (from Python or a JVM service) and hands the app only the
//! order id, amount, currency and the public key id.
//!
//! Methods are `async` (Kotlin `suspend`, Swift `async`, Python coroutines) and run on a tokio
//! runtime inside the library, so they never block the caller's thread. The resource style
//! mirrors Rust and Node: `client.orders().create(…)`, `client.payments().capture(…)`,
//! `client.refunds().fetch(…)`.

mod generic;

use std::time::Duration;

use razorpay_core::client as core;

pub use generic::api_endpoints_json;
// The errors are razorpay-core's own (its `uniffi` feature): `code()`, `http_status()`,
// `razorpay_error()`, `field()` and the Rust message cross with them.
pub use razorpay_core::client::{ClientError, RazorpayErrorBody, ValidationError};
// The request records are razorpay-core's own (its `uniffi` feature), validated there.
pub use razorpay_core::client::{
    CreateOrder, CreateRefund, ListOrders, ListPayments, ListRefunds, RefundSpeed,
};
use razorpay_core::model::Notes;

use crate::model::{Order, Payment, Refund};

/// Optional settings of a [`RazorpayClient`]; every field defaults to razorpay-core's default
/// (Razorpay's URL, 10 s connect / 30 s request timeouts, 2 retries, 8 MiB bodies). A live key
/// (`rzp_live_`) refuses a base URL that is not `https://` (`InvalidConfig`).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ClientOptions {
    /// API base URL (`https://api.razorpay.com`; the sandbox's URL in tests).
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// Connect timeout (`java.time.Duration`, `TimeInterval`, `timedelta`).
    #[uniffi(default)]
    pub connect_timeout: Option<Duration>,
    /// Whole-request timeout.
    #[uniffi(default)]
    pub request_timeout: Option<Duration>,
    /// Retries after the first attempt (only where a retry cannot duplicate an effect).
    #[uniffi(default)]
    pub max_retries: Option<u32>,
    /// `User-Agent` header.
    #[uniffi(default)]
    pub user_agent: Option<String>,
    /// Largest response body read, success or error, in bytes (default 8 MiB); a longer answer
    /// fails with `ResponseTooLarge` without being read further.
    #[uniffi(default)]
    pub max_response_bytes: Option<u64>,
    /// Headers sent with every request (`X-Razorpay-Account` for partner calls).
    #[uniffi(default)]
    pub headers: Option<std::collections::HashMap<String, String>>,
}

fn configure(mut config: core::ClientConfig, o: ClientOptions) -> core::ClientConfig {
    if let Some(url) = o.base_url {
        config = config.base_url(url);
    }
    if let Some(timeout) = o.connect_timeout {
        config = config.connect_timeout(timeout);
    }
    if let Some(timeout) = o.request_timeout {
        config = config.request_timeout(timeout);
    }
    if let Some(n) = o.max_retries {
        config = config.retry_policy(core::RetryPolicy::default().max_retries(n));
    }
    if let Some(ua) = o.user_agent {
        config = config.user_agent(ua);
    }
    if let Some(limit) = o.max_response_bytes {
        // A limit beyond the address space is no limit at all.
        config = config.max_response_bytes(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    // Sorted, so the headers go out in the same order every time.
    let headers: std::collections::BTreeMap<_, _> =
        o.headers.unwrap_or_default().into_iter().collect();
    for (name, value) in headers {
        config = config.header(name, value);
    }
    config
}

/// The Razorpay API client (server-side only: it holds the key secret). One connection pool,
/// shared by everything obtained from it; build one per key and reuse it.
#[derive(Debug, uniffi::Object)]
pub struct RazorpayClient {
    inner: core::RazorpayClient,
}

#[uniffi::export]
impl RazorpayClient {
    /// A client for `key_id` / `key_secret`. The secret is never printed, logged or put in an
    /// error.
    #[uniffi::constructor(default(options = None))]
    pub fn new(
        key_id: String,
        key_secret: String,
        options: Option<ClientOptions>,
    ) -> Result<Self, ClientError> {
        let config = configure(
            core::ClientConfig::new(key_id, key_secret),
            options.unwrap_or_default(),
        );
        Ok(Self {
            inner: core::RazorpayClient::new(config)?,
        })
    }

    /// A client from `RAZORPAY_KEY_ID`, `RAZORPAY_KEY_SECRET` and optional `RAZORPAY_BASE_URL`.
    #[uniffi::constructor(default(options = None))]
    pub fn from_env(options: Option<ClientOptions>) -> Result<Self, ClientError> {
        let config = configure(core::ClientConfig::from_env()?, options.unwrap_or_default());
        Ok(Self {
            inner: core::RazorpayClient::new(config)?,
        })
    }

    /// `test`, `live` or `unknown`, from the key id's prefix.
    pub fn mode(&self) -> String {
        self.inner.mode().as_str().to_owned()
    }

    /// The public key id (safe to hand to an app for Checkout).
    pub fn key_id(&self) -> String {
        self.inner.config().key_id().to_owned()
    }

    /// The Orders API.
    pub fn orders(&self) -> Orders {
        Orders {
            client: self.inner.clone(),
        }
    }

    /// The Payments API.
    pub fn payments(&self) -> Payments {
        Payments {
            client: self.inner.clone(),
        }
    }

    /// The Refunds API.
    pub fn refunds(&self) -> Refunds {
        Refunds {
            client: self.inner.clone(),
        }
    }
}

/// The Orders API (`client.orders()`).
#[derive(Debug, uniffi::Object)]
pub struct Orders {
    client: core::RazorpayClient,
}

#[uniffi::export(async_runtime = "tokio")]
impl Orders {
    /// Creates an order (validated before sending; never sent twice).
    pub async fn create(&self, order: CreateOrder) -> Result<Order, ClientError> {
        self.client.orders().create(&order).await
    }

    /// Fetches an order.
    pub async fn fetch(&self, order_id: String) -> Result<Order, ClientError> {
        self.client.orders().fetch(&order_id).await
    }

    /// Lists orders.
    #[uniffi::method(default(filter = None))]
    pub async fn list(&self, filter: Option<ListOrders>) -> Result<Vec<Order>, ClientError> {
        let page = self
            .client
            .orders()
            .list(&filter.unwrap_or_default())
            .await?;
        Ok(page.items)
    }

    /// Replaces an order's notes.
    pub async fn edit(&self, order_id: String, notes: Notes) -> Result<Order, ClientError> {
        let edit = core::EditOrder::notes(notes);
        self.client.orders().edit(&order_id, &edit).await
    }

    /// The payments made for an order.
    pub async fn payments(&self, order_id: String) -> Result<Vec<Payment>, ClientError> {
        let page = self.client.orders().payments(&order_id).await?;
        Ok(page.items)
    }
}

/// The Payments API (`client.payments()`).
#[derive(Debug, uniffi::Object)]
pub struct Payments {
    client: core::RazorpayClient,
}

#[uniffi::export(async_runtime = "tokio")]
impl Payments {
    /// Fetches a payment.
    pub async fn fetch(&self, payment_id: String) -> Result<Payment, ClientError> {
        self.client.payments().fetch(&payment_id).await
    }

    /// Lists payments.
    #[uniffi::method(default(filter = None))]
    pub async fn list(&self, filter: Option<ListPayments>) -> Result<Vec<Payment>, ClientError> {
        let page = self
            .client
            .payments()
            .list(&filter.unwrap_or_default())
            .await?;
        Ok(page.items)
    }

    /// Captures an authorized payment (amount and currency must match it).
    pub async fn capture(
        &self,
        payment_id: String,
        amount: i64,
        currency: String,
    ) -> Result<Payment, ClientError> {
        let capture = core::CapturePayment::new(amount, currency);
        self.client.payments().capture(&payment_id, &capture).await
    }

    /// Refunds a captured payment, fully (`amount` absent) or partly.
    pub async fn refund(
        &self,
        payment_id: String,
        refund: CreateRefund,
    ) -> Result<Refund, ClientError> {
        self.client.payments().refund(&payment_id, &refund).await
    }

    /// The refunds of a payment.
    #[uniffi::method(default(filter = None))]
    pub async fn refunds(
        &self,
        payment_id: String,
        filter: Option<ListRefunds>,
    ) -> Result<Vec<Refund>, ClientError> {
        let page = self
            .client
            .payments()
            .refunds(&payment_id, &filter.unwrap_or_default())
            .await?;
        Ok(page.items)
    }
}

/// The Refunds API (`client.refunds()`).
#[derive(Debug, uniffi::Object)]
pub struct Refunds {
    client: core::RazorpayClient,
}

#[uniffi::export(async_runtime = "tokio")]
impl Refunds {
    /// Refunds a captured payment; same as `payments().refund`.
    pub async fn create(
        &self,
        payment_id: String,
        refund: CreateRefund,
    ) -> Result<Refund, ClientError> {
        self.client.refunds().create(&payment_id, &refund).await
    }

    /// Fetches a refund.
    pub async fn fetch(&self, refund_id: String) -> Result<Refund, ClientError> {
        self.client.refunds().fetch(&refund_id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_configuration_is_a_typed_error() {
        let e = RazorpayClient::new("".into(), "secret".into(), None).unwrap_err();
        assert_eq!(e.code(), "INVALID_CONFIG");
        let options = ClientOptions {
            base_url: Some("not a url".into()),
            ..ClientOptions::default()
        };
        let e = RazorpayClient::new("rzp_test_x".into(), "s".into(), Some(options)).unwrap_err();
        assert_eq!(e.code(), "INVALID_CONFIG");
    }

    #[test]
    fn the_table_crosses_as_json() {
        let table: serde_json::Value =
            serde_json::from_str(&api_endpoints_json()).expect("the table is JSON");
        assert_eq!(table.as_array().map(Vec::len), Some(142));
        let options = ClientOptions {
            headers: Some([("Authorization".to_owned(), "Basic x".to_owned())].into()),
            ..ClientOptions::default()
        };
        let e = RazorpayClient::new("rzp_test_x".into(), "s".into(), Some(options)).unwrap_err();
        assert_eq!(e.code(), "INVALID_CONFIG");
    }

    #[test]
    fn the_secret_never_shows() {
        let client =
            RazorpayClient::new("rzp_live_abc".into(), "topsecretvalue".into(), None).unwrap();
        assert_eq!(client.mode(), "live");
        assert_eq!(client.key_id(), "rzp_live_abc");
        assert!(!format!("{client:?}").contains("topsecretvalue"));
    }
}
