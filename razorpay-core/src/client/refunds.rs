//! Refunds API: create (optionally idempotent), fetch, list.

use reqwest::Method;
use serde::Serialize;

use super::RazorpayClient;
use super::error::ClientError;
use super::list::list_window;
use super::transport::Call;
use super::validate::{self, ValidationError};
use crate::model::{Collection, Notes, Refund};

/// How fast Razorpay should refund.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RefundSpeed {
    /// 5–7 working days.
    Normal,
    /// Instant where possible, else normal.
    Optimum,
}

/// Parameters of `POST /v1/payments/:id/refund`.
///
/// With an idempotency key (sent as `X-Refund-Idempotency`) Razorpay refunds at most once per
/// key, so the client may safely retry the call after a timeout or a 5xx.
///
/// ```
/// use razorpay_core::client::{CreateRefund, RefundSpeed};
///
/// let full = CreateRefund::full().with_new_idempotency_key();
/// let partial = CreateRefund::partial(20_000).speed(RefundSpeed::Optimum).note("reason", "damaged");
/// assert!(full.get_idempotency_key().is_some());
/// assert_eq!(partial.amount, Some(20_000));
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[must_use]
#[non_exhaustive]
pub struct CreateRefund {
    /// Amount to refund; `None` refunds what is left of the payment.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Refund speed (Razorpay's default: normal).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speed: Option<RefundSpeed>,
    /// Up to 15 notes.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Notes::is_empty")]
    pub notes: Notes,
    /// Your reference, at most 40 characters.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip)]
    idempotency_key: Option<String>,
}

impl CreateRefund {
    /// Refund everything not yet refunded.
    pub fn full() -> Self {
        Self {
            amount: None,
            speed: None,
            notes: Notes::new(),
            receipt: None,
            idempotency_key: None,
        }
    }

    /// Refund `amount` minor units.
    pub fn partial(amount: i64) -> Self {
        Self {
            amount: Some(amount),
            ..Self::full()
        }
    }

    /// Sets the speed.
    pub fn speed(mut self, speed: RefundSpeed) -> Self {
        self.speed = Some(speed);
        self
    }

    /// Adds one note.
    pub fn note(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.notes.insert(key, value.into());
        self
    }

    /// Sets the receipt.
    pub fn receipt(mut self, receipt: impl Into<String>) -> Self {
        self.receipt = Some(receipt.into());
        self
    }

    /// Sends `X-Refund-Idempotency: key` (10+ characters of `[A-Za-z0-9_-]`). Store the key
    /// with your refund record and reuse it when retrying the same refund.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// Uses a fresh random (UUID v4) idempotency key.
    pub fn with_new_idempotency_key(self) -> Self {
        self.idempotency_key(uuid::Uuid::new_v4().to_string())
    }

    /// The idempotency key, if any.
    pub fn get_idempotency_key(&self) -> Option<&str> {
        self.idempotency_key.as_deref()
    }

    /// Checks the parameters without sending anything. The payment's currency is not known
    /// here, so only `amount > 0` is checked; Razorpay enforces its minimum.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if let Some(amount) = self.amount {
            validate::positive("amount", amount)?;
        }
        validate::receipt(self.receipt.as_deref())?;
        validate::notes(&self.notes)?;
        if let Some(key) = &self.idempotency_key {
            validate::idempotency_key(key)?;
        }
        Ok(())
    }
}

/// Filters of refund listings.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
#[non_exhaustive]
pub struct ListRefunds {
    /// Created at or after; `since` in Kotlin, Swift and Python (`from` is a
    /// Python keyword).
    #[cfg_attr(feature = "uniffi", uniffi(name = "since", default))]
    pub from: Option<crate::model::UnixTime>,
    /// Created at or before; `until` in Kotlin, Swift and Python.
    #[cfg_attr(feature = "uniffi", uniffi(name = "until", default))]
    pub to: Option<crate::model::UnixTime>,
    /// Page size, 1..=100.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub count: Option<u32>,
    /// Refunds to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub skip: Option<u32>,
}

list_window!(ListRefunds);

/// The Refunds API, from [`RazorpayClient::refunds`].
#[derive(Debug, Clone, Copy)]
pub struct Refunds<'a> {
    pub(crate) client: &'a RazorpayClient,
}

impl Refunds<'_> {
    /// Refunds a captured payment, fully or partly. Retried after a timeout or 5xx only when
    /// the request carries an idempotency key.
    pub async fn create(
        &self,
        payment_id: &str,
        refund: &CreateRefund,
    ) -> Result<Refund, ClientError> {
        validate::id("payment_id", payment_id)?;
        refund.validate()?;
        let call = Call::with_body(
            Method::POST,
            format!("payments/{payment_id}/refund"),
            refund,
            false,
        )?
        .idempotency_key(refund.idempotency_key.clone());
        self.client.execute(call).await
    }

    /// Fetches a refund by id.
    pub async fn fetch(&self, refund_id: &str) -> Result<Refund, ClientError> {
        validate::id("refund_id", refund_id)?;
        self.client
            .execute(Call::get(format!("refunds/{refund_id}")))
            .await
    }

    /// Fetches a refund of a given payment.
    pub async fn fetch_for_payment(
        &self,
        payment_id: &str,
        refund_id: &str,
    ) -> Result<Refund, ClientError> {
        validate::id("payment_id", payment_id)?;
        validate::id("refund_id", refund_id)?;
        self.client
            .execute(Call::get(format!(
                "payments/{payment_id}/refunds/{refund_id}"
            )))
            .await
    }

    /// The refunds of a payment, newest first.
    pub async fn list_for_payment(
        &self,
        payment_id: &str,
        filter: &ListRefunds,
    ) -> Result<Collection<Refund>, ClientError> {
        validate::id("payment_id", payment_id)?;
        let query = filter.window_query()?;
        self.client
            .execute(Call::get(format!("payments/{payment_id}/refunds")).query(query))
            .await
    }

    /// All refunds of the account, newest first.
    pub async fn list(&self, filter: &ListRefunds) -> Result<Collection<Refund>, ClientError> {
        let query = filter.window_query()?;
        self.client
            .execute(Call::get("refunds".into()).query(query))
            .await
    }
}
