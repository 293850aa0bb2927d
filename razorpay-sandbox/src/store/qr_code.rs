//! QR codes (`POST /v1/payments/qr_codes`): `active → closed`, closed on demand, after the
//! one payment of a `single_use` code (`close_reason: paid`) or when `close_by` passes. A
//! sandbox control stands in for a customer scanning the code: a captured payment,
//! `qr_code.credited`, and `qr_code.closed` when that closes it.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::{Event, Mutation, Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::{new_id, random_base62};

/// Razorpay refuses a `close_by` sooner than this after creation.
pub const MIN_CLOSE_AFTER_SECS: i64 = 2 * 60;

/// One QR code as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct QrRec {
    id: String,
    name: Option<String>,
    usage: String,
    kind: String,
    image_url: String,
    payment_amount: Option<i64>,
    open: bool,
    description: Option<String>,
    fixed_amount: bool,
    amount_received: i64,
    count_received: i64,
    notes: Map<String, Value>,
    customer_id: Option<String>,
    close_by: Option<i64>,
    closed_at: Option<i64>,
    close_reason: Option<&'static str>,
    payment_ids: Vec<String>,
    created_at: i64,
}

impl QrRec {
    /// The QR code entity as Razorpay's API and webhooks render it.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "entity": "qr_code",
            "created_at": self.created_at,
            "name": self.name,
            "usage": self.usage,
            "type": self.kind,
            "image_url": self.image_url,
            "payment_amount": self.payment_amount,
            "status": if self.open { "active" } else { "closed" },
            "description": self.description,
            "fixed_amount": self.fixed_amount,
            "payments_amount_received": self.amount_received,
            "payments_count_received": self.count_received,
            "notes": notes_json(&self.notes),
            "customer_id": self.customer_id,
            "close_by": self.close_by,
            "closed_at": self.closed_at,
            "close_reason": self.close_reason,
        })
    }

    fn close(&mut self, now: i64, reason: &'static str) {
        self.open = false;
        self.closed_at = Some(now);
        self.close_reason = Some(reason);
    }
}

/// The QR codes of one account.
#[derive(Debug, Default)]
pub struct QrCodes {
    by_id: HashMap<String, QrRec>,
    ids: Vec<String>,
}

const CREATE_FIELDS: &[&str] = &[
    "type",
    "name",
    "usage",
    "fixed_amount",
    "payment_amount",
    "description",
    "customer_id",
    "close_by",
    "notes",
    "tax_invoice",
];

/// A required string among `allowed`.
fn one_of(params: &Params, field: &str, allowed: &[&str]) -> Result<String, ApiError> {
    let value = fields::string(params, field)?
        .ok_or_else(|| ApiError::invalid_field(field, format!("The {field} field is required.")))?;
    if !allowed.contains(&value.as_str()) {
        return Err(ApiError::invalid_field(
            field,
            format!("The selected {field} is invalid."),
        ));
    }
    Ok(value)
}

impl Store {
    fn qr_code(&self, id: &str) -> Result<&QrRec, ApiError> {
        self.money
            .qr_codes
            .by_id
            .get(id)
            .ok_or_else(ApiError::id_not_found)
    }

    /// Checks a `close_by` against sandbox time.
    pub(super) fn close_by(&self, params: &Params) -> Result<Option<i64>, ApiError> {
        let close_by = fields::integer(params, "close_by")?;
        if close_by.is_some_and(|at| at < self.now().saturating_add(MIN_CLOSE_AFTER_SECS)) {
            return Err(ApiError::invalid_field(
                "close_by",
                "close_by should be at least 2 minutes after current time",
            ));
        }
        Ok(close_by)
    }

    /// `POST /v1/payments/qr_codes`
    pub fn create_qr_code(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, CREATE_FIELDS)?;
        let kind = one_of(params, "type", &["upi_qr", "bharat_qr"])?;
        let usage = one_of(params, "usage", &["single_use", "multiple_use"])?;
        let fixed_amount = fields::boolean(params, "fixed_amount")?.unwrap_or(false);
        let payment_amount = fields::integer(params, "payment_amount")?;
        let payment_amount = match (fixed_amount, payment_amount) {
            (true, None) => {
                return Err(ApiError::invalid_field(
                    "payment_amount",
                    "The payment amount field is required when fixed amount is true.",
                ));
            }
            (true, Some(amount)) => {
                if amount < 100 {
                    return Err(ApiError::invalid_field(
                        "payment_amount",
                        "The payment amount must be at least 100.",
                    ));
                }
                self.amount_at_most_maximum(amount)?;
                Some(amount)
            }
            (false, Some(_)) => {
                return Err(ApiError::invalid_field(
                    "payment_amount",
                    "The payment amount field is not required when fixed amount is false.",
                ));
            }
            (false, None) => None,
        };
        let customer_id = fields::string(params, "customer_id")?;
        if let Some(customer) = &customer_id {
            self.fetch_customer(customer)?;
        }
        let qr = QrRec {
            id: new_id("qr"),
            name: fields::string(params, "name")?,
            usage,
            kind,
            image_url: format!("https://rzp.io/i/{}", random_base62(8)),
            payment_amount,
            open: true,
            description: fields::string(params, "description")?,
            fixed_amount,
            amount_received: 0,
            count_received: 0,
            notes: fields::notes(params)?,
            customer_id,
            close_by: self.close_by(params)?,
            closed_at: None,
            close_reason: None,
            payment_ids: Vec::new(),
            created_at: self.now(),
        };
        let body = qr.to_json();
        let book = &mut self.money.qr_codes;
        book.ids.push(qr.id.clone());
        book.by_id.insert(qr.id.clone(), qr);
        Ok(body)
    }

    /// `GET /v1/payments/qr_codes/:id`
    pub fn fetch_qr_code(&self, id: &str) -> Result<Value, ApiError> {
        Ok(self.qr_code(id)?.to_json())
    }

    /// `GET /v1/payments/qr_codes` with the window, `customer_id` or `payment_id`.
    pub fn list_qr_codes(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &["customer_id", "payment_id"])?;
        let customer = fields::string(query, "customer_id")?;
        let payment = fields::string(query, "payment_id")?;
        let book = &self.money.qr_codes;
        let items = book
            .ids
            .iter()
            .rev()
            .filter_map(|id| book.by_id.get(id))
            .filter(|q| window.contains(q.created_at))
            .filter(|q| customer.is_none() || q.customer_id == customer)
            .filter(|q| payment.as_ref().is_none_or(|p| q.payment_ids.contains(p)))
            .map(QrRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `GET /v1/payments/qr_codes/:id/payments`, newest first.
    pub fn qr_code_payments(&self, id: &str, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let items = self
            .qr_code(id)?
            .payment_ids
            .iter()
            .rev()
            .filter_map(|pid| self.payments.get(pid))
            .filter(|p| window.contains(p.created_at))
            .map(super::PaymentRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `POST /v1/payments/qr_codes/:id/close` (`qr_code.closed`).
    pub fn close_qr_code(&mut self, id: &str) -> Mutation {
        let now = self.now();
        let qr = self
            .money
            .qr_codes
            .by_id
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        if !qr.open {
            return Err(ApiError::bad_request("The QR code is already closed"));
        }
        qr.close(now, "on_demand");
        let body = qr.to_json();
        Ok((
            body.clone(),
            vec![Event::new("qr_code.closed", vec![("qr_code", body)])],
        ))
    }

    /// Sandbox control: a customer scans the code and pays `amount` (the fixed amount when
    /// the code has one) by `method` (`upi`, or `card` on a Bharat QR). Answers the payment.
    pub fn pay_qr_code(&mut self, id: &str, params: &Params) -> Mutation {
        fields::reject_unknown(params, &["amount", "method"])?;
        let qr = self.qr_code(id)?;
        if !qr.open {
            return Err(ApiError::bad_request(
                "Payments cannot be made to a closed QR code",
            ));
        }
        let method = match fields::string(params, "method")?.as_deref() {
            None | Some("upi") => "upi",
            Some("card") if qr.kind == "bharat_qr" => "card",
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "method",
                    "The method must be upi (or card on a bharat_qr code).",
                ));
            }
        };
        let amount = match (qr.payment_amount, fields::integer(params, "amount")?) {
            (Some(fixed), None) => fixed,
            (Some(fixed), Some(amount)) if amount == fixed => fixed,
            (Some(_), Some(_)) => {
                return Err(ApiError::invalid_field(
                    "amount",
                    "The amount must be the QR code's payment_amount.",
                ));
            }
            (None, Some(amount)) if amount >= 100 => amount,
            (None, _) => {
                return Err(ApiError::invalid_field(
                    "amount",
                    "The amount must be at least 100.",
                ));
            }
        };
        self.amount_at_most_maximum(amount)?;
        let received = qr
            .amount_received
            .checked_add(amount)
            .ok_or_else(|| ApiError::bad_request("The QR code's received amount would overflow"))?;
        let notes = qr.notes.clone();
        let (payment_id, mut events) = self.credit_payment(method, amount, "INR", notes);
        let now = self.now();
        let Some(qr) = self.money.qr_codes.by_id.get_mut(id) else {
            return Err(ApiError::id_not_found());
        };
        qr.amount_received = received;
        qr.count_received = qr.count_received.saturating_add(1);
        qr.payment_ids.push(payment_id.clone());
        let single_use = qr.usage == "single_use";
        if single_use {
            qr.close(now, "paid");
        }
        let qr_json = qr.to_json();
        let payment = self.payment(&payment_id)?;
        events.push(Event::new(
            "qr_code.credited",
            vec![
                ("payment", payment.to_webhook_json()),
                ("qr_code", qr_json.clone()),
            ],
        ));
        if single_use {
            events.push(Event::new("qr_code.closed", vec![("qr_code", qr_json)]));
        }
        Ok((payment.to_json(), events))
    }

    /// Codes whose `close_by` passed are closed (called from the store's tick).
    pub(super) fn close_expired_qr_codes(&mut self) -> Vec<Event> {
        let now = self.now();
        let book = &mut self.money.qr_codes;
        let mut events = Vec::new();
        for id in &book.ids {
            let Some(qr) = book.by_id.get_mut(id) else {
                continue;
            };
            if qr.open && qr.close_by.is_some_and(|at| at <= now) {
                qr.close(now, "on_demand");
                events.push(Event::new(
                    "qr_code.closed",
                    vec![("qr_code", qr.to_json())],
                ));
            }
        }
        events
    }
}
