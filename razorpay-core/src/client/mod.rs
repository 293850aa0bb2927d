//! An async Razorpay API client that gets the hard parts right: finite default timeouts,
//! retries that never duplicate an order, capture or refund, Razorpay's whole error body on
//! every failure, validation before sending, and one connection pool shared by cheap clones.
//!
//! ```no_run
//! # async fn demo() -> Result<(), razorpay_core::client::ClientError> {
//! use razorpay_core::client::{ClientConfig, CreateOrder, CreateRefund, RazorpayClient};
//!
//! let client = RazorpayClient::new(ClientConfig::from_env()?)?;
//! let order = client.orders().create(&CreateOrder::new(50_000, "INR").receipt("cart_42")).await?;
//! // ... the customer pays through Checkout, the callback's signature is verified ...
//! # let payment_id = "pay_DBJOWzybf0sJbb";
//! let refund = client.refunds().create(payment_id, &CreateRefund::partial(10_000).with_new_idempotency_key()).await?;
//! println!("{} refunded {}", order.id, refund.amount);
//! # Ok(()) }
//! ```
//!
//! # Retries
//!
//! | failure | GET, refund with idempotency key | other POSTs and PATCHes |
//! |---|---|---|
//! | 429 (waits `Retry-After`) | retried | retried |
//! | connect error / connect timeout (nothing sent) | retried | retried |
//! | 5xx, timeout or connection lost after sending (and 409 "still processing") | retried | **not** retried |
//! | other 4xx, invalid JSON | not retried | not retried |
//!
//! Waits grow exponentially with jitter ([`RetryPolicy`]); every attempt is bounded by the
//! connect and request timeouts.
//!
//! # Limits
//!
//! Redirects are never followed (Razorpay's API does not send them; a 3xx is
//! `UNEXPECTED_RESPONSE`). Bodies, success and error alike, are read up to
//! [`ClientConfig::max_response_bytes`] (8 MiB by default) and fail with `RESPONSE_TOO_LARGE`
//! beyond it. An answer whose `entity` is not the one the call returns (an order where a payment
//! was fetched) is `UNEXPECTED_RESPONSE`. A live key (`rzp_live_`) refuses a base URL that is not
//! `https://` (`INVALID_CONFIG`).

mod config;
mod error;
// uniffi exports of the errors (`code()`, the helpers) and their custom field types.
#[cfg(feature = "uniffi")]
mod ffi;
mod generic;
mod list;
mod orders;
mod payments;
mod refunds;
mod requests;
pub(crate) mod retry;
pub(crate) mod transport;
pub(crate) mod validate;

use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;

pub use config::{
    ClientConfig, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_REQUEST_TIMEOUT, DEFAULT_USER_AGENT, Mode,
};
pub use error::{ClientError, ErrorSource, MESSAGE_TEXT_MAX_CHARS, RazorpayErrorBody, clip_text};
pub use orders::{CreateOrder, EditOrder, ListOrders, Orders};
pub use payments::{CapturePayment, ListPayments, Payments};
pub use refunds::{CreateRefund, ListRefunds, RefundSpeed, Refunds};
pub use requests::{CreateCustomer, CreateTransfer};
pub use retry::RetryPolicy;
pub use validate::{
    ApiEntity, LIST_MAX_COUNT, NOTE_VALUE_MAX_CHARS, NOTES_MAX_KEYS, RECEIPT_MAX_CHARS,
    ValidationError, entity as check_entity,
};

use transport::{Call, Transport};

/// The Razorpay API client. Cloning is cheap (an `Arc`): clones share one connection pool, so
/// build one per key and share it across tasks.
#[derive(Clone)]
pub struct RazorpayClient {
    transport: Arc<Transport>,
}

impl fmt::Debug for RazorpayClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RazorpayClient")
            .field("config", self.transport.config())
            .finish()
    }
}

impl RazorpayClient {
    /// Builds a client; fails with [`ClientError::InvalidConfig`] on an unusable configuration.
    pub fn new(config: ClientConfig) -> Result<Self, ClientError> {
        Ok(Self {
            transport: Arc::new(Transport::new(config)?),
        })
    }

    /// Test or live, from the key id's prefix.
    pub fn mode(&self) -> Mode {
        self.transport.config().mode()
    }

    /// The configuration the client was built with.
    pub fn config(&self) -> &ClientConfig {
        self.transport.config()
    }

    /// The Orders API.
    pub fn orders(&self) -> Orders<'_> {
        Orders { client: self }
    }

    /// The Payments API.
    pub fn payments(&self) -> Payments<'_> {
        Payments { client: self }
    }

    /// The Refunds API.
    pub fn refunds(&self) -> Refunds<'_> {
        Refunds { client: self }
    }

    async fn execute<T: DeserializeOwned + ApiEntity>(&self, call: Call) -> Result<T, ClientError> {
        self.transport.execute(call).await
    }
}
