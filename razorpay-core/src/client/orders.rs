//! Orders API: create, fetch, list, edit notes, list an order's payments.

use reqwest::Method;
use serde::Serialize;

use super::RazorpayClient;
use super::error::ClientError;
use super::list::list_window;
use super::transport::Call;
use super::validate::{self, ValidationError};
use crate::model::{Collection, Notes, Order, Payment};

/// Parameters of `POST /v1/orders`.
///
/// ```
/// use razorpay_core::client::CreateOrder;
///
/// let order = CreateOrder::new(50_000, "INR").receipt("cart_42").note("user_id", "u_7");
/// assert!(order.validate().is_ok());
/// assert_eq!(CreateOrder::new(99, "INR").validate().unwrap_err().code(), "AMOUNT_BELOW_MINIMUM");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[must_use]
#[non_exhaustive]
pub struct CreateOrder {
    /// Amount in minor units (paise for INR).
    pub amount: i64,
    /// ISO currency code Razorpay supports.
    pub currency: String,
    /// Your reference, at most 40 characters.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// Up to 15 notes of at most 256 characters.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Notes::is_empty")]
    pub notes: Notes,
    /// Whether the customer may pay in parts.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial_payment: Option<bool>,
    /// Smallest first payment of a partial-payment order.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_payment_min_amount: Option<i64>,
    /// Capture payments automatically (overrides the account setting).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_capture: Option<bool>,
}

impl CreateOrder {
    /// An order for `amount` minor units of `currency`.
    pub fn new(amount: i64, currency: impl Into<String>) -> Self {
        Self {
            amount,
            currency: currency.into(),
            receipt: None,
            notes: Notes::new(),
            partial_payment: None,
            first_payment_min_amount: None,
            payment_capture: None,
        }
    }

    /// Sets the receipt.
    pub fn receipt(mut self, receipt: impl Into<String>) -> Self {
        self.receipt = Some(receipt.into());
        self
    }

    /// Adds one note.
    pub fn note(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.notes.insert(key, value.into());
        self
    }

    /// Replaces the notes.
    pub fn notes(mut self, notes: Notes) -> Self {
        self.notes = notes;
        self
    }

    /// Allows partial payments, optionally with a minimum first payment.
    pub fn partial_payment(mut self, first_payment_min_amount: Option<i64>) -> Self {
        self.partial_payment = Some(true);
        self.first_payment_min_amount = first_payment_min_amount;
        self
    }

    /// Asks Razorpay to capture (or not) payments automatically.
    pub fn payment_capture(mut self, capture: bool) -> Self {
        self.payment_capture = Some(capture);
        self
    }

    /// Checks the parameters against Razorpay's limits without sending anything.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate::payable("amount", self.amount, &self.currency)?;
        validate::receipt(self.receipt.as_deref())?;
        validate::notes(&self.notes)?;
        if let Some(first) = self.first_payment_min_amount {
            validate::payable("first_payment_min_amount", first, &self.currency)?;
            if first > self.amount {
                return Err(ValidationError::AmountTooLarge {
                    field: "first_payment_min_amount".into(),
                    amount: first,
                    max: self.amount,
                });
            }
        }
        Ok(())
    }
}

/// Filters of `GET /v1/orders`.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
#[non_exhaustive]
pub struct ListOrders {
    /// Created at or after; `since` in Kotlin, Swift and Python (`from` is a
    /// Python keyword).
    #[cfg_attr(feature = "uniffi", uniffi(name = "since", default))]
    pub from: Option<crate::model::UnixTime>,
    /// Created at or before; `until` in Kotlin, Swift and Python.
    #[cfg_attr(feature = "uniffi", uniffi(name = "until", default))]
    pub to: Option<crate::model::UnixTime>,
    /// Page size, 1..=100 (Razorpay's default 10).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub count: Option<u32>,
    /// Orders to skip.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub skip: Option<u32>,
    /// Only orders with (`true`) or without (`false`) an authorized payment.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub authorized: Option<bool>,
    /// Only orders with this receipt.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt: Option<String>,
}

list_window!(ListOrders);

impl ListOrders {
    /// Sets `authorized`.
    pub fn authorized(mut self, authorized: bool) -> Self {
        self.authorized = Some(authorized);
        self
    }

    /// Sets `receipt`.
    pub fn receipt(mut self, receipt: impl Into<String>) -> Self {
        self.receipt = Some(receipt.into());
        self
    }

    fn to_query(&self) -> Result<Vec<(&'static str, String)>, ValidationError> {
        let mut query = self.window_query()?;
        if let Some(authorized) = self.authorized {
            query.push(("authorized", if authorized { "1" } else { "0" }.to_string()));
        }
        if let Some(receipt) = &self.receipt {
            query.push(("receipt", receipt.clone()));
        }
        Ok(query)
    }
}

/// Parameters of `PATCH /v1/orders/:id` (Razorpay lets you edit only the notes).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[must_use]
#[non_exhaustive]
pub struct EditOrder {
    /// The new notes; they replace the old ones.
    pub notes: Notes,
}

impl EditOrder {
    /// New notes for the order.
    pub fn notes(notes: Notes) -> Self {
        Self { notes }
    }
}

/// The Orders API, from [`RazorpayClient::orders`].
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    pub(crate) client: &'a RazorpayClient,
}

impl Orders<'_> {
    /// Creates an order. Never retried after it may have reached Razorpay: one call can never
    /// create two orders (a 429 or a failed connect is still retried).
    pub async fn create(&self, order: &CreateOrder) -> Result<Order, ClientError> {
        order.validate()?;
        let call = Call::with_body(Method::POST, "orders".into(), order, false)?;
        self.client.execute(call).await
    }

    /// Fetches an order by id.
    pub async fn fetch(&self, order_id: &str) -> Result<Order, ClientError> {
        validate::id("order_id", order_id)?;
        self.client
            .execute(Call::get(format!("orders/{order_id}")))
            .await
    }

    /// Lists orders, newest first.
    pub async fn list(&self, filter: &ListOrders) -> Result<Collection<Order>, ClientError> {
        let query = filter.to_query()?;
        self.client
            .execute(Call::get("orders".into()).query(query))
            .await
    }

    /// Replaces an order's notes. Like every non-GET call without an idempotency key, it is
    /// not repeated once it may have reached Razorpay (only after a 429 or a failed connect).
    pub async fn edit(&self, order_id: &str, edit: &EditOrder) -> Result<Order, ClientError> {
        validate::id("order_id", order_id)?;
        validate::notes(&edit.notes)?;
        let call = Call::with_body(Method::PATCH, format!("orders/{order_id}"), edit, false)?;
        self.client.execute(call).await
    }

    /// The payments made against an order (failed attempts included).
    pub async fn payments(&self, order_id: &str) -> Result<Collection<Payment>, ClientError> {
        validate::id("order_id", order_id)?;
        self.client
            .execute(Call::get(format!("orders/{order_id}/payments")))
            .await
    }
}
