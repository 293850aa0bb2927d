//! Payments API: fetch, list, capture, refund.

use reqwest::Method;
use serde::Serialize;

use super::RazorpayClient;
use super::error::ClientError;
use super::list::list_window;
use super::refunds::{CreateRefund, ListRefunds};
use super::transport::Call;
use super::validate::{self, ValidationError};
use crate::model::{Collection, Payment, Refund};

/// Filters of `GET /v1/payments`.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
#[non_exhaustive]
pub struct ListPayments {
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
    /// Payments to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub skip: Option<u32>,
}

list_window!(ListPayments);

/// Parameters of `POST /v1/payments/:id/capture`: the authorized amount and its currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[must_use]
#[non_exhaustive]
pub struct CapturePayment {
    /// Amount to capture, equal to the authorized amount.
    pub amount: i64,
    /// The payment's currency.
    pub currency: String,
}

impl CapturePayment {
    /// Captures `amount` minor units of `currency`.
    pub fn new(amount: i64, currency: impl Into<String>) -> Self {
        Self {
            amount,
            currency: currency.into(),
        }
    }

    /// Checks the amount and currency without sending anything.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate::payable("amount", self.amount, &self.currency)
    }
}

/// The Payments API, from [`RazorpayClient::payments`].
#[derive(Debug, Clone, Copy)]
pub struct Payments<'a> {
    pub(crate) client: &'a RazorpayClient,
}

impl Payments<'_> {
    /// Fetches a payment by id.
    pub async fn fetch(&self, payment_id: &str) -> Result<Payment, ClientError> {
        validate::id("payment_id", payment_id)?;
        self.client
            .execute(Call::get(format!("payments/{payment_id}")))
            .await
    }

    /// Lists payments, newest first.
    pub async fn list(&self, filter: &ListPayments) -> Result<Collection<Payment>, ClientError> {
        let query = filter.window_query()?;
        self.client
            .execute(Call::get("payments".into()).query(query))
            .await
    }

    /// Captures an authorized payment. Not retried once it may have reached Razorpay.
    pub async fn capture(
        &self,
        payment_id: &str,
        capture: &CapturePayment,
    ) -> Result<Payment, ClientError> {
        validate::id("payment_id", payment_id)?;
        capture.validate()?;
        let call = Call::with_body(
            Method::POST,
            format!("payments/{payment_id}/capture"),
            capture,
            false,
        )?;
        self.client.execute(call).await
    }

    /// Refunds a captured payment; same as [`Refunds::create`](super::Refunds::create).
    pub async fn refund(
        &self,
        payment_id: &str,
        refund: &CreateRefund,
    ) -> Result<Refund, ClientError> {
        self.client.refunds().create(payment_id, refund).await
    }

    /// The refunds of a payment; same as [`Refunds::list_for_payment`](super::Refunds::list_for_payment).
    pub async fn refunds(
        &self,
        payment_id: &str,
        filter: &ListRefunds,
    ) -> Result<Collection<Refund>, ClientError> {
        self.client
            .refunds()
            .list_for_payment(payment_id, filter)
            .await
    }
}
