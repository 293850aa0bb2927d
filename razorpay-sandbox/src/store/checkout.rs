//! The simulated Razorpay Checkout: a customer pays an order with a method and an outcome.

use serde_json::{Map, Value, json};

use super::order::OrderStatus;
use super::payment::{PaymentError, PaymentRec, PaymentStatus};
use super::{Event, Store};
use crate::api_error::ApiError;
use crate::ids::{new_id, random_digits};

/// How the simulated customer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckoutMethod {
    /// A card (`card_id` is filled).
    #[default]
    Card,
    /// UPI (`vpa` is filled).
    Upi,
    /// Netbanking (`bank` is filled).
    Netbanking,
    /// A wallet (`wallet` is filled).
    Wallet,
}

impl CheckoutMethod {
    /// The `method` value on the payment.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Card => "card",
            Self::Upi => "upi",
            Self::Netbanking => "netbanking",
            Self::Wallet => "wallet",
        }
    }

    /// Parses a `method` value.
    pub fn parse(method: &str) -> Option<Self> {
        [Self::Card, Self::Upi, Self::Netbanking, Self::Wallet]
            .into_iter()
            .find(|m| m.as_str() == method)
    }
}

/// A payment failure as Razorpay reports it (`error_code`, `error_reason`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutFailure {
    /// e.g. `BAD_REQUEST_ERROR`, `GATEWAY_ERROR`, `SERVER_ERROR`.
    pub code: String,
    /// Human-readable description.
    pub description: String,
    /// `customer`, `bank`, `business`, `gateway`, …
    pub source: String,
    /// e.g. `payment_authorization`.
    pub step: String,
    /// e.g. `payment_failed`, `insufficient_funds`.
    pub reason: String,
}

impl Default for CheckoutFailure {
    /// The failure of Razorpay's `payment.failed` sample: declined by the bank.
    fn default() -> Self {
        Self {
            code: "BAD_REQUEST_ERROR".into(),
            description: "Payment failed".into(),
            source: "bank".into(),
            step: "payment_authorization".into(),
            reason: "payment_failed".into(),
        }
    }
}

/// What happens to the payment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CheckoutOutcome {
    /// Authorized, then captured if the order or account captures automatically.
    #[default]
    Success,
    /// Authorized and left uncaptured, whatever the capture setting (manual capture).
    Authorized,
    /// Declined with the given error.
    Failure(CheckoutFailure),
}

/// A simulated checkout of one order.
#[derive(Debug, Clone, Default)]
pub struct CheckoutRequest {
    /// The Razorpay order id Checkout was opened with.
    pub order_id: String,
    /// Payment method.
    pub method: CheckoutMethod,
    /// Result of the attempt.
    pub outcome: CheckoutOutcome,
    /// Amount to pay; defaults to the order's amount due (only partial-payment orders take less).
    pub amount: Option<i64>,
    /// Customer e-mail (prefill).
    pub email: Option<String>,
    /// Customer phone (prefill).
    pub contact: Option<String>,
    /// Checkout `notes`, copied onto the payment.
    pub notes: Map<String, Value>,
    /// Checkout's `customer_id` option (defaults to the order's `customer_id`).
    pub customer_id: Option<String>,
    /// Checkout's `save: 1`: a successful card payment saves the card on the customer
    /// (a token, the payment's `token_id`).
    pub save: bool,
}

impl CheckoutRequest {
    /// A successful card payment of the whole order.
    pub fn new(order_id: impl Into<String>) -> Self {
        Self {
            order_id: order_id.into(),
            ..Self::default()
        }
    }

    /// Sets the method.
    pub fn method(mut self, method: CheckoutMethod) -> Self {
        self.method = method;
        self
    }

    /// Sets the outcome.
    pub fn outcome(mut self, outcome: CheckoutOutcome) -> Self {
        self.outcome = outcome;
        self
    }

    /// Pays only part of a partial-payment order.
    pub fn amount(mut self, amount: i64) -> Self {
        self.amount = Some(amount);
        self
    }

    /// Saves the card on `customer_id` (Checkout's `customer_id` with `save: 1`).
    pub fn save_card(mut self, customer_id: impl Into<String>) -> Self {
        self.customer_id = Some(customer_id.into());
        self.save = true;
        self
    }
}

/// What Razorpay Checkout hands the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckoutResult {
    /// The success handler's argument (also for authorized-only payments).
    Paid {
        /// `razorpay_payment_id`
        razorpay_payment_id: String,
        /// `razorpay_order_id`
        razorpay_order_id: String,
        /// `razorpay_signature`: HMAC-SHA256 of `order_id|payment_id` with the key secret.
        razorpay_signature: String,
    },
    /// The `payment.failed` handler's `response.error`.
    Failed {
        /// The failed payment.
        payment_id: String,
        /// The order it was for.
        order_id: String,
        /// The failure.
        error: CheckoutFailure,
    },
}

impl CheckoutResult {
    /// The JSON Checkout hands the browser: the three `razorpay_*` fields on success,
    /// `{"error": {code, description, source, step, reason, metadata}}` on failure.
    pub fn to_json(&self) -> Value {
        match self {
            Self::Paid {
                razorpay_payment_id,
                razorpay_order_id,
                razorpay_signature,
            } => json!({
                "razorpay_payment_id": razorpay_payment_id,
                "razorpay_order_id": razorpay_order_id,
                "razorpay_signature": razorpay_signature,
            }),
            Self::Failed {
                payment_id,
                order_id,
                error,
            } => json!({ "error": {
                "code": error.code,
                "description": error.description,
                "source": error.source,
                "step": error.step,
                "reason": error.reason,
                "metadata": { "payment_id": payment_id, "order_id": order_id },
            }}),
        }
    }

    /// The payment id, whatever the outcome.
    pub fn payment_id(&self) -> &str {
        match self {
            Self::Paid {
                razorpay_payment_id,
                ..
            } => razorpay_payment_id,
            Self::Failed { payment_id, .. } => payment_id,
        }
    }
}

impl Store {
    /// Runs one checkout attempt; `sign` turns `(order_id, payment_id)` into Checkout's signature.
    pub fn checkout(
        &mut self,
        request: &CheckoutRequest,
        sign: impl Fn(&str, &str) -> String,
    ) -> Result<(CheckoutResult, Vec<Event>), ApiError> {
        let order = self.order(&request.order_id)?;
        if order.status == OrderStatus::Paid {
            return Err(ApiError::bad_request("Order has already been paid"));
        }
        let amount = request.amount.unwrap_or_else(|| order.amount_due());
        if !order.partial_payment && amount != order.amount {
            return Err(ApiError::invalid_field(
                "amount",
                "The amount must be equal to the order amount",
            ));
        }
        if amount <= 0 || amount > order.amount_due() {
            return Err(ApiError::invalid_field(
                "amount",
                "The amount must not exceed the amount due",
            ));
        }
        if order.amount_paid == 0
            && order
                .first_payment_min_amount
                .is_some_and(|min| amount < min)
        {
            return Err(ApiError::invalid_field(
                "amount",
                "The first payment must be at least first_payment_min_amount",
            ));
        }
        let auto_capture = order.payment_capture.unwrap_or(self.auto_capture);
        // `save: 1` saves a card on the Checkout's (or the order's) customer, who must exist.
        let save_for = match (request.save, request.method) {
            (true, CheckoutMethod::Card) => request.customer_id.clone().or_else(|| {
                order
                    .passthrough
                    .get("customer_id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            }),
            _ => None,
        };
        if save_for.as_deref().is_some_and(|c| !self.has_customer(c)) {
            return Err(ApiError::invalid_field(
                "customer_id",
                "The id provided does not exist",
            ));
        }
        let created_at = self.now();
        let mut payment = PaymentRec {
            id: new_id("pay"),
            order_id: order.id.clone(),
            amount,
            currency: order.currency.clone(),
            status: PaymentStatus::Created,
            method: request.method.as_str(),
            amount_refunded: 0,
            email: request
                .email
                .clone()
                .unwrap_or_else(|| "gaurav.kumar@example.com".into()),
            contact: request
                .contact
                .clone()
                .unwrap_or_else(|| "+919000090000".into()),
            notes: request.notes.clone(),
            error: None,
            authorized_at: None,
            captured_at: None,
            created_at,
            card_id: (request.method == CheckoutMethod::Card).then(|| new_id("card")),
            token_id: None,
            invoice_id: None,
            bank_transaction_id: random_digits(12),
            auth_code: random_digits(6),
        };
        if let (Some(customer_id), false) = (
            &save_for,
            matches!(request.outcome, CheckoutOutcome::Failure(_)),
        ) {
            payment.token_id = Some(self.save_card_token(customer_id));
        }
        let payment_id = payment.id.clone();
        let mut events = Vec::new();
        let failure = match &request.outcome {
            CheckoutOutcome::Failure(failure) => {
                payment.status = PaymentStatus::Failed;
                payment.error = Some(PaymentError {
                    code: failure.code.clone(),
                    description: failure.description.clone(),
                    source: failure.source.clone(),
                    step: failure.step.clone(),
                    reason: failure.reason.clone(),
                });
                events.push(Event::new(
                    "payment.failed",
                    vec![("payment", payment.to_webhook_json())],
                ));
                Some(failure.clone())
            }
            CheckoutOutcome::Success | CheckoutOutcome::Authorized => {
                payment.status = PaymentStatus::Authorized;
                payment.authorized_at = Some(created_at);
                events.push(Event::new(
                    "payment.authorized",
                    vec![("payment", payment.to_webhook_json())],
                ));
                None
            }
        };
        if let Some(order) = self.orders.get_mut(&request.order_id) {
            order.attempts = order.attempts.saturating_add(1);
            if order.status == OrderStatus::Created {
                order.status = OrderStatus::Attempted;
            }
            order.payment_ids.push(payment_id.clone());
        }
        self.payment_ids.push(payment_id.clone());
        self.payments.insert(payment_id.clone(), payment);
        if request.outcome == CheckoutOutcome::Success && auto_capture {
            events.extend(self.capture_authorized(&payment_id));
        }
        let result = match failure {
            Some(error) => CheckoutResult::Failed {
                payment_id,
                order_id: request.order_id.clone(),
                error,
            },
            None => CheckoutResult::Paid {
                razorpay_signature: sign(&request.order_id, &payment_id),
                razorpay_payment_id: payment_id,
                razorpay_order_id: request.order_id.clone(),
            },
        };
        Ok((result, events))
    }
}
