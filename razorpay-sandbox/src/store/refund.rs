//! Refunds: full or partial, never more than captured minus already refunded; idempotent
//! when the request carries `X-Refund-Idempotency`.

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::payment::PaymentStatus;
use super::{Event, Mutation, NORMAL_REFUND_SECS, RefundProcessing, Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// Razorpay's refund states: `pending → processed` or `pending → failed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefundStatus {
    /// Accepted, not yet processed by the bank.
    Pending,
    /// Money sent back.
    Processed,
    /// The bank refused it; the amount is refundable again.
    Failed,
}

impl RefundStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Processed => "processed",
            Self::Failed => "failed",
        }
    }
}

/// One refund as the sandbox keeps it. `speed: optimum` refunds are processed instantly;
/// normal ones at once or after [`super::NORMAL_REFUND_SECS`], per the account setting.
#[derive(Debug, Clone)]
pub struct RefundRec {
    pub status: RefundStatus,
    /// `normal` or `instant`, once known.
    pub speed_processed: &'static str,
    pub id: String,
    pub payment_id: String,
    pub amount: i64,
    pub currency: String,
    pub notes: Map<String, Value>,
    pub receipt: Option<String>,
    pub speed_requested: String,
    pub created_at: i64,
}

impl RefundRec {
    /// The refund entity exactly as Razorpay's API and webhooks render it.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "entity": "refund",
            "amount": self.amount,
            "currency": self.currency,
            "payment_id": self.payment_id,
            "notes": notes_json(&self.notes),
            "receipt": self.receipt,
            "acquirer_data": { "arn": null },
            "created_at": self.created_at,
            "batch_id": null,
            "status": self.status.as_str(),
            "speed_processed": self.speed_processed,
            "speed_requested": self.speed_requested,
        })
    }
}

/// Razorpay's rule for idempotency keys: at least 10 characters of `[A-Za-z0-9_-]`.
pub fn valid_idempotency_key(key: &str) -> bool {
    key.len() >= 10
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Store {
    /// `POST /v1/payments/:id/refund` with optional `amount`, `speed`, `notes`, `receipt`.
    pub fn refund(
        &mut self,
        payment_id: &str,
        params: &Params,
        idempotency_key: Option<&str>,
    ) -> Mutation {
        if let Some(key) = idempotency_key {
            if !valid_idempotency_key(key) {
                return Err(ApiError::bad_request(
                    "The idempotency key must be at least 10 characters and contain only alphabets, numbers, hyphens and underscores",
                ));
            }
            if let Some((seen_payment, seen_body, refund_id)) = self.refund_keys.get(key) {
                if seen_payment == payment_id && *seen_body == Value::Object(params.clone()) {
                    return Ok((self.fetch_refund(refund_id)?, Vec::new()));
                }
                return Err(ApiError::bad_request(
                    "Different request with the same idempotency key has already been processed.",
                ));
            }
        }
        fields::reject_unknown(params, &["amount", "speed", "notes", "receipt"])?;
        let now = self.now();
        let payment = self.payment(payment_id)?;
        let speed = fields::string(params, "speed")?.unwrap_or_else(|| "normal".into());
        if speed != "normal" && speed != "optimum" {
            return Err(ApiError::invalid_field(
                "speed",
                "The selected speed is invalid.",
            ));
        }
        let receipt = fields::receipt(params)?;
        let notes = fields::notes(params)?;
        match payment.status {
            PaymentStatus::Captured => {}
            PaymentStatus::Refunded => {
                return Err(ApiError::bad_request(
                    "The payment has been fully refunded already",
                ));
            }
            PaymentStatus::Created | PaymentStatus::Authorized | PaymentStatus::Failed => {
                return Err(ApiError::bad_request(
                    "Only captured payments can be refunded",
                ));
            }
        }
        let amount = fields::integer(params, "amount")?.unwrap_or_else(|| payment.refundable());
        // Razorpay refunds at least one major unit ("The amount must be at least INR 1.00").
        if let Some(rule) = crate::currency::lookup(&payment.currency) {
            fields::amount_at_least_minimum("amount", amount, &payment.currency, rule)?;
        } else if amount <= 0 {
            return Err(ApiError::invalid_field(
                "amount",
                "The amount must be at least 1.",
            ));
        }
        if amount > payment.refundable() {
            return Err(ApiError::invalid_field(
                "amount",
                "The refund amount provided is greater than amount captured",
            ));
        }
        // An `optimum` refund is instant unless instant refunds are unavailable; then it
        // falls back to normal speed and Razorpay says so with `refund.speed_changed`.
        let instant = speed == "optimum" && !self.billing.instant_refunds_unavailable;
        let speed_changed = speed == "optimum" && !instant;
        let status = if instant || self.settings.refunds == RefundProcessing::Immediate {
            RefundStatus::Processed
        } else {
            RefundStatus::Pending
        };
        let refund = RefundRec {
            status,
            speed_processed: if instant { "instant" } else { "normal" },
            id: new_id("rfnd"),
            payment_id: payment_id.to_string(),
            amount,
            currency: payment.currency.clone(),
            notes,
            receipt,
            speed_requested: speed,
            created_at: now,
        };
        let payment_json = {
            let payment = self
                .payments
                .get_mut(payment_id)
                .ok_or_else(ApiError::id_not_found)?;
            payment.amount_refunded = payment.amount_refunded.saturating_add(amount);
            if payment.amount_refunded >= payment.amount {
                payment.status = PaymentStatus::Refunded;
            }
            payment.to_webhook_json()
        };
        let body = refund.to_json();
        let mut events = vec![Event::new(
            "refund.created",
            vec![("refund", body.clone()), ("payment", payment_json.clone())],
        )];
        if speed_changed {
            events.push(Event::new(
                "refund.speed_changed",
                vec![("refund", body.clone()), ("payment", payment_json.clone())],
            ));
        }
        if status == RefundStatus::Processed {
            events.push(Event::new(
                "refund.processed",
                vec![("refund", body.clone()), ("payment", payment_json)],
            ));
        }
        if let Some(key) = idempotency_key {
            self.refund_keys.insert(
                key.to_string(),
                (
                    payment_id.to_string(),
                    Value::Object(params.clone()),
                    refund.id.clone(),
                ),
            );
        }
        self.refund_ids.push(refund.id.clone());
        self.refunds.insert(refund.id.clone(), refund);
        Ok((body, events))
    }

    /// Ends a pending refund: `processed` (`refund.processed`) or `failed` (`refund.failed`,
    /// and the amount becomes refundable again). Sandbox control and clock-driven.
    pub fn settle_refund(&mut self, refund_id: &str, processed: bool) -> Mutation {
        let refund = self
            .refunds
            .get_mut(refund_id)
            .ok_or_else(ApiError::id_not_found)?;
        if refund.status != RefundStatus::Pending {
            return Err(ApiError::bad_request(format!(
                "The refund is already {}",
                refund.status.as_str()
            )));
        }
        refund.status = if processed {
            RefundStatus::Processed
        } else {
            RefundStatus::Failed
        };
        let (amount, payment_id) = (refund.amount, refund.payment_id.clone());
        let body = refund.to_json();
        let payment = self
            .payments
            .get_mut(&payment_id)
            .ok_or_else(ApiError::id_not_found)?;
        if !processed {
            payment.amount_refunded = payment.amount_refunded.saturating_sub(amount);
            if payment.status == PaymentStatus::Refunded {
                payment.status = PaymentStatus::Captured;
            }
        }
        let name = if processed {
            "refund.processed"
        } else {
            "refund.failed"
        };
        let event = Event::new(
            name,
            vec![
                ("refund", body.clone()),
                ("payment", payment.to_webhook_json()),
            ],
        );
        Ok((body, vec![event]))
    }

    /// Processes pending normal refunds older than [`NORMAL_REFUND_SECS`] of sandbox time.
    pub(super) fn process_due_refunds(&mut self) -> Vec<Event> {
        let due = self.now().saturating_sub(NORMAL_REFUND_SECS);
        let ids: Vec<String> = self
            .refund_ids
            .iter()
            .filter(|id| {
                self.refunds
                    .get(*id)
                    .is_some_and(|r| r.status == RefundStatus::Pending && r.created_at <= due)
            })
            .cloned()
            .collect();
        ids.iter()
            .filter_map(|id| self.settle_refund(id, true).ok())
            .flat_map(|(_, events)| events)
            .collect()
    }

    /// `PATCH /v1/refunds/:id`: only `notes`, which replace the old ones.
    pub fn edit_refund(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["notes"])?;
        let notes = fields::notes(params)?;
        let refund = self
            .refunds
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        refund.notes = notes;
        Ok(refund.to_json())
    }

    /// `GET /v1/payments/:id/refunds`
    pub fn payment_refunds(&self, payment_id: &str, query: &Params) -> Result<Value, ApiError> {
        self.payment(payment_id)?;
        self.refunds_where(query, |refund| refund.payment_id == payment_id)
    }

    /// `GET /v1/refunds`
    pub fn list_refunds(&self, query: &Params) -> Result<Value, ApiError> {
        self.refunds_where(query, |_| true)
    }

    fn refunds_where(
        &self,
        query: &Params,
        keep: impl Fn(&RefundRec) -> bool,
    ) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let items = self
            .refund_ids
            .iter()
            .rev()
            .filter_map(|id| self.refunds.get(id))
            .filter(|refund| keep(refund) && window.contains(refund.created_at))
            .map(RefundRec::to_json);
        Ok(listing::collection(window.page(items)))
    }
}
