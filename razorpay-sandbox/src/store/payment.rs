//! Payments: `created → authorized → captured → refunded`, or `failed`.

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::order::OrderStatus;
use super::{Event, Mutation, Store, listing, notes_json, now};
use crate::api_error::ApiError;

/// Razorpay's payment states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    /// Created, not yet authorized.
    Created,
    /// Authorized by the bank, not captured.
    Authorized,
    /// Captured (money will be settled); stays here after partial refunds.
    Captured,
    /// Fully refunded.
    Refunded,
    /// Failed; the order can still be paid by another payment.
    Failed,
}

impl PaymentStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Authorized => "authorized",
            Self::Captured => "captured",
            Self::Refunded => "refunded",
            Self::Failed => "failed",
        }
    }
}

/// Why a payment failed, as Razorpay reports it on the payment and to Checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentError {
    pub code: String,
    pub description: String,
    pub source: String,
    pub step: String,
    pub reason: String,
}

/// One payment as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct PaymentRec {
    pub id: String,
    pub order_id: String,
    pub amount: i64,
    pub currency: String,
    pub status: PaymentStatus,
    pub method: &'static str,
    pub amount_refunded: i64,
    pub email: String,
    pub contact: String,
    pub notes: Map<String, Value>,
    pub error: Option<PaymentError>,
    pub authorized_at: Option<i64>,
    pub captured_at: Option<i64>,
    pub created_at: i64,
    pub card_id: Option<String>,
    pub bank_transaction_id: String,
}

impl PaymentRec {
    fn captured(&self) -> bool {
        self.captured_at.is_some()
    }

    /// What can still be refunded: captured amount minus refunds.
    pub fn refundable(&self) -> i64 {
        if self.captured() {
            self.amount.saturating_sub(self.amount_refunded)
        } else {
            0
        }
    }

    /// Razorpay's fee on a captured payment: 2 % plus 18 % GST on that fee (fee includes tax).
    fn fee_and_tax(&self) -> (Value, Value) {
        if !self.captured() {
            return (Value::Null, Value::Null);
        }
        let fee = self.amount.checked_mul(236).map_or(0, |v| v / 10_000);
        let tax = self.amount.checked_mul(36).map_or(0, |v| v / 10_000);
        (json!(fee), json!(tax))
    }

    /// The payment entity exactly as Razorpay's API and webhooks render it.
    pub fn to_json(&self) -> Value {
        let (fee, tax) = self.fee_and_tax();
        let refund_status = match self.amount_refunded {
            0 => Value::Null,
            r if r >= self.amount => json!("full"),
            _ => json!("partial"),
        };
        let error = self.error.as_ref();
        json!({
            "id": self.id,
            "entity": "payment",
            "amount": self.amount,
            "currency": self.currency,
            "base_amount": self.amount,
            "status": self.status.as_str(),
            "order_id": self.order_id,
            "invoice_id": null,
            "international": false,
            "method": self.method,
            "amount_refunded": self.amount_refunded,
            "amount_transferred": 0,
            "refund_status": refund_status,
            "captured": self.captured(),
            "description": null,
            "card_id": self.card_id,
            "bank": if self.method == "netbanking" { json!("HDFC") } else { Value::Null },
            "wallet": if self.method == "wallet" { json!("paytm") } else { Value::Null },
            "vpa": if self.method == "upi" { json!("success@razorpay") } else { Value::Null },
            "email": self.email,
            "contact": self.contact,
            "notes": notes_json(&self.notes),
            "fee": fee,
            "tax": tax,
            "error_code": error.map(|e| e.code.clone()),
            "error_description": error.map(|e| e.description.clone()),
            "error_source": error.map(|e| e.source.clone()),
            "error_step": error.map(|e| e.step.clone()),
            "error_reason": error.map(|e| e.reason.clone()),
            "acquirer_data": {
                "bank_transaction_id": if self.status == PaymentStatus::Failed { Value::Null } else { json!(self.bank_transaction_id) }
            },
            "created_at": self.created_at,
        })
    }
}

impl Store {
    /// `GET /v1/payments` with `from`, `to`, `count`, `skip`.
    pub fn list_payments(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let items = self
            .payment_ids
            .iter()
            .rev()
            .filter_map(|id| self.payments.get(id))
            .filter(|p| window.contains(p.created_at))
            .map(PaymentRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `POST /v1/payments/:id/capture` with `amount` and `currency`.
    pub fn capture(&mut self, id: &str, params: &Params) -> Mutation {
        fields::reject_unknown(params, &["amount", "currency"])?;
        let amount = fields::required_integer(params, "amount")?;
        let (currency, _) = fields::currency(params)?;
        let payment = self.payment(id)?;
        match payment.status {
            PaymentStatus::Authorized => {}
            PaymentStatus::Captured | PaymentStatus::Refunded => {
                return Err(ApiError::bad_request(
                    "This payment has already been captured",
                ));
            }
            PaymentStatus::Created | PaymentStatus::Failed => {
                return Err(ApiError::bad_request(
                    "Only payments which have been authorized and not yet captured can be captured",
                ));
            }
        }
        if currency != payment.currency {
            return Err(ApiError::invalid_field(
                "currency",
                "Currency should be same as payment currency",
            ));
        }
        if amount != payment.amount {
            return Err(ApiError::invalid_field(
                "amount",
                "Capture amount must be equal to the amount authorized",
            ));
        }
        // A second authorized payment of an order another payment already paid cannot be
        // captured (it stays authorized and Razorpay eventually refunds it automatically).
        if self
            .orders
            .get(&payment.order_id)
            .is_some_and(|order| amount > order.amount_due())
        {
            return Err(ApiError::bad_request("Order has already been paid"));
        }
        let events = self.capture_authorized(id);
        Ok((self.fetch_payment(id)?, events))
    }

    /// Marks an authorized payment captured and updates its order; emits `payment.captured`
    /// and, when the order becomes fully paid, `order.paid`.
    pub(super) fn capture_authorized(&mut self, id: &str) -> Vec<Event> {
        let Some(payment) = self.payments.get_mut(id) else {
            return Vec::new();
        };
        payment.status = PaymentStatus::Captured;
        payment.captured_at = Some(now());
        let (amount, order_id) = (payment.amount, payment.order_id.clone());
        let payment_json = payment.to_json();
        let mut events = vec![Event::new(
            "payment.captured",
            vec![("payment", payment_json.clone())],
        )];
        if let Some(order) = self.orders.get_mut(&order_id) {
            order.amount_paid = order.amount_paid.saturating_add(amount);
            if order.amount_paid >= order.amount && order.status != OrderStatus::Paid {
                order.status = OrderStatus::Paid;
                events.push(Event::new(
                    "order.paid",
                    vec![("payment", payment_json), ("order", order.to_json())],
                ));
            }
        }
        events
    }
}
