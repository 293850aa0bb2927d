//! Payments: `created → authorized → captured → refunded`, or `failed`.

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::order::OrderStatus;
use super::{Event, Mutation, Store, listing, notes_json};
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
    /// The invoice this payment paid (subscription charges).
    pub invoice_id: Option<String>,
    /// The saved card's token, when the payment saved or used one.
    pub token_id: Option<String>,
    /// Bank reference: `bank_transaction_id` (netbanking), `rrn` (card, UPI).
    pub bank_transaction_id: String,
    /// Card authorization code (cards only).
    pub auth_code: String,
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

    /// The `acquirer_data` Razorpay sends for this payment's method; references are `null`
    /// until the bank has confirmed the payment.
    fn acquirer_data(&self) -> Value {
        let confirmed = self.status != PaymentStatus::Failed;
        let reference = if confirmed {
            json!(self.bank_transaction_id)
        } else {
            Value::Null
        };
        match self.method {
            "card" => json!({
                "auth_code": if confirmed { json!(self.auth_code) } else { Value::Null },
                "rrn": reference,
            }),
            "upi" => json!({ "rrn": reference }),
            "wallet" => json!({ "transaction_id": null }),
            _ => json!({ "bank_transaction_id": reference }),
        }
    }

    /// The card object (`expand[]=card` in the API, always in webhooks), shaped like
    /// Razorpay's samples for its test card.
    fn card_json(&self) -> Value {
        match &self.card_id {
            Some(id) => json!({
                "id": id,
                "entity": "card",
                "name": "Gaurav Kumar",
                "last4": "1111",
                "network": "Visa",
                "type": "debit",
                "issuer": null,
                "international": false,
                "emi": false,
                "sub_type": "consumer",
                "iin": "411111",
            }),
            None => Value::Null,
        }
    }

    /// The payment entity as Razorpay's webhooks render it: the API entity with the card.
    pub fn to_webhook_json(&self) -> Value {
        self.to_json_with(true)
    }

    /// The payment entity exactly as Razorpay's API renders it (without `expand[]`).
    pub fn to_json(&self) -> Value {
        self.to_json_with(false)
    }

    /// The payment entity; `with_card` adds the `card` object of card payments.
    pub fn to_json_with(&self, with_card: bool) -> Value {
        let (fee, tax) = self.fee_and_tax();
        let refund_status = match self.amount_refunded {
            0 => Value::Null,
            r if r >= self.amount => json!("full"),
            _ => json!("partial"),
        };
        let error = self.error.as_ref();
        let mut payment = json!({
            "id": self.id,
            "entity": "payment",
            "amount": self.amount,
            "currency": self.currency,
            "base_amount": self.amount,
            "status": self.status.as_str(),
            // Payments without an order (QR codes, virtual accounts) have `order_id: null`.
            "order_id": if self.order_id.is_empty() { Value::Null } else { json!(self.order_id) },
            "invoice_id": self.invoice_id,
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
            "acquirer_data": self.acquirer_data(),
            "created_at": self.created_at,
        });
        if let Some(map) = payment.as_object_mut() {
            match self.method {
                "card" => {
                    if with_card {
                        map.insert("card".into(), self.card_json());
                    }
                    map.insert("token_id".into(), json!(self.token_id));
                }
                "upi" => {
                    map.insert(
                        "upi".into(),
                        json!({
                            "payer_account_type": "bank_account",
                            "vpa": "success@razorpay",
                            "flow": "collect",
                        }),
                    );
                }
                _ => {}
            }
        }
        payment
    }
}

/// The `expand[]` values a payment (fetched or listed) accepts; only `card` changes the answer
/// here (the sandbox has no EMI, offers or UPI details to add).
const PAYMENT_EXPANDS: &[&str] = &["card", "emi", "offers", "upi"];

impl Store {
    /// `GET /v1/payments` with `from`, `to`, `count`, `skip` and, as on a single payment,
    /// `expand[]` (`card` adds the card object).
    pub fn list_payments(&self, query: &Params) -> Result<Value, ApiError> {
        let (expand, rest) = fields::split_expand(query, PAYMENT_EXPANDS)?;
        let window = listing::Window::parse(&rest, &[])?;
        let with_card = expand.iter().any(|e| e == "card");
        let items = self
            .payment_ids
            .iter()
            .rev()
            .filter_map(|id| self.payments.get(id))
            .filter(|p| window.contains(p.created_at))
            .map(|p| p.to_json_with(with_card));
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

    /// `PATCH /v1/payments/:id`: only `notes`, which replace the old ones.
    pub fn edit_payment(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["notes"])?;
        if !params.contains_key("notes") {
            return Err(ApiError::invalid_field(
                "notes",
                "The notes field is required.",
            ));
        }
        let notes = fields::notes(params)?;
        let payment = self
            .payments
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        payment.notes = notes;
        Ok(payment.to_json())
    }

    /// `GET /v1/payments/:id?expand[]=card`: the payment, with the card object when asked.
    pub fn fetch_payment_expanded(&self, id: &str, query: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(query, &["expand[]"])?;
        let expand = fields::expand(query, PAYMENT_EXPANDS)?;
        Ok(self
            .payment(id)?
            .to_json_with(expand.iter().any(|e| e == "card")))
    }

    /// Late authorization (sandbox control): a failed payment the bank authorizes after all,
    /// as Razorpay documents. It is captured when its order captures automatically and is
    /// still unpaid; otherwise it stays authorized until captured or refunded automatically.
    pub fn authorize_late(&mut self, id: &str) -> Mutation {
        let now = self.now();
        let payment = self
            .payments
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        if payment.status != PaymentStatus::Failed {
            return Err(ApiError::bad_request(
                "Only failed payments can be authorized late",
            ));
        }
        payment.status = PaymentStatus::Authorized;
        payment.error = None;
        payment.authorized_at = Some(now);
        let order_id = payment.order_id.clone();
        let amount = payment.amount;
        let mut events = vec![Event::new(
            "payment.authorized",
            vec![("payment", payment.to_webhook_json())],
        )];
        let capture = self.orders.get(&order_id).is_some_and(|order| {
            order.payment_capture.unwrap_or(self.auto_capture) && amount <= order.amount_due()
        });
        if capture {
            events.extend(self.capture_authorized(id));
        }
        Ok((self.fetch_payment(id)?, events))
    }

    /// Refunds authorized payments left uncaptured past their order's capture window, as
    /// Razorpay does automatically: the payment becomes `refunded` with a processed refund.
    pub(super) fn refund_expired_authorizations(&mut self) -> Vec<Event> {
        let now = self.now();
        let expired: Vec<String> = self
            .payment_ids
            .iter()
            .filter_map(|id| self.payments.get(id))
            .filter(|p| p.status == PaymentStatus::Authorized)
            .filter(|p| {
                let window = self
                    .orders
                    .get(&p.order_id)
                    .map_or(super::CAPTURE_WINDOW_SECS, |o| o.capture_window_secs);
                p.authorized_at
                    .is_some_and(|at| at.saturating_add(window) <= now)
            })
            .map(|p| p.id.clone())
            .collect();
        let mut events = Vec::new();
        for id in expired {
            let Some(payment) = self.payments.get_mut(&id) else {
                continue;
            };
            payment.status = PaymentStatus::Refunded;
            payment.amount_refunded = payment.amount;
            let refund = super::RefundRec {
                status: super::refund::RefundStatus::Processed,
                speed_processed: "normal",
                id: crate::ids::new_id("rfnd"),
                payment_id: id.clone(),
                amount: payment.amount,
                currency: payment.currency.clone(),
                notes: Map::new(),
                receipt: None,
                speed_requested: "normal".into(),
                created_at: now,
            };
            let (body, payment_json) = (refund.to_json(), payment.to_webhook_json());
            events.push(Event::new(
                "refund.created",
                vec![("refund", body.clone()), ("payment", payment_json.clone())],
            ));
            events.push(Event::new(
                "refund.processed",
                vec![("refund", body), ("payment", payment_json)],
            ));
            self.refund_ids.push(refund.id.clone());
            self.refunds.insert(refund.id.clone(), refund);
        }
        events
    }

    /// Marks an authorized payment captured and updates its order; emits `payment.captured`
    /// and, when the order becomes fully paid, `order.paid`.
    pub(super) fn capture_authorized(&mut self, id: &str) -> Vec<Event> {
        let now = self.now();
        let Some(payment) = self.payments.get_mut(id) else {
            return Vec::new();
        };
        payment.status = PaymentStatus::Captured;
        payment.captured_at = Some(now);
        let (amount, order_id) = (payment.amount, payment.order_id.clone());
        let payment_json = payment.to_webhook_json();
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
        // An order created with `transfers` splits its payment once captured (Route).
        events.extend(self.create_order_transfers(&order_id));
        events
    }
}
