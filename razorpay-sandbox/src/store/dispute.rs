//! Disputes: a customer's bank contests a captured payment (raised by a sandbox control, as
//! only a bank can at Razorpay). `open → under_review → won | lost | closed`, or
//! `open → lost` when the merchant accepts it or lets `respond_by` pass. Each step sends its
//! `payment.dispute.*` webhook with the payment and the dispute.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::payment::PaymentStatus;
use super::settlement::Deduction;
use super::{Event, Mutation, Store, listing};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// Time the merchant has to respond before the dispute is accepted on its behalf.
pub const RESPOND_WITHIN_SECS: i64 = 7 * 24 * 60 * 60;

/// Razorpay's dispute states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisputeStatus {
    /// Waiting for the merchant.
    Open,
    /// Contested; the bank is deciding.
    UnderReview,
    /// Decided for the merchant.
    Won,
    /// Accepted, or decided for the customer; the amount is deducted.
    Lost,
    /// Closed without a decision (for example, a retrieval request answered).
    Closed,
}

impl DisputeStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::UnderReview => "under_review",
            Self::Won => "won",
            Self::Lost => "lost",
            Self::Closed => "closed",
        }
    }

    fn event(self) -> &'static str {
        match self {
            Self::Open => "payment.dispute.created",
            Self::UnderReview => "payment.dispute.under_review",
            Self::Won => "payment.dispute.won",
            Self::Lost => "payment.dispute.lost",
            Self::Closed => "payment.dispute.closed",
        }
    }

    fn decided(self) -> bool {
        matches!(self, Self::Won | Self::Lost | Self::Closed)
    }
}

/// Documented dispute phases.
const PHASES: &[&str] = &[
    "chargeback",
    "pre_arbitration",
    "arbitration",
    "retrieval",
    "fraud",
];

/// Evidence documents: each a list of document ids (`doc_…`).
const PROOFS: &[&str] = &[
    "shipping_proof",
    "billing_proof",
    "cancellation_proof",
    "customer_communication",
    "proof_of_service",
    "explanation_letter",
    "refund_confirmation",
    "access_activity_log",
    "refund_cancellation_policy",
    "term_and_conditions",
];

/// One dispute as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct DisputeRec {
    id: String,
    payment_id: String,
    amount: i64,
    currency: String,
    amount_deducted: i64,
    reason_code: String,
    respond_by: i64,
    status: DisputeStatus,
    phase: String,
    /// `amount`, `summary`, the proofs and `others`, as last saved.
    evidence: Map<String, Value>,
    submitted_at: Option<i64>,
    decided_at: Option<i64>,
    created_at: i64,
}

impl DisputeRec {
    /// The dispute entity as Razorpay's API and webhooks render it.
    pub fn to_json(&self) -> Value {
        let mut evidence = Map::new();
        evidence.insert(
            "amount".into(),
            self.evidence
                .get("amount")
                .cloned()
                .unwrap_or(json!(self.amount)),
        );
        for key in ["summary"].iter().chain(PROOFS).chain(&["others"]) {
            let value = self.evidence.get(*key).cloned().unwrap_or(Value::Null);
            evidence.insert((*key).into(), value);
        }
        evidence.insert("submitted_at".into(), json!(self.submitted_at));
        json!({
            "id": self.id,
            "entity": "dispute",
            "payment_id": self.payment_id,
            "amount": self.amount,
            "currency": self.currency,
            "amount_deducted": self.amount_deducted,
            "reason_code": self.reason_code,
            "respond_by": self.respond_by,
            "status": self.status.as_str(),
            "phase": self.phase,
            "evidence": evidence,
            "created_at": self.created_at,
        })
    }
}

/// The disputes of one account.
#[derive(Debug, Default)]
pub struct Disputes {
    by_id: HashMap<String, DisputeRec>,
    ids: Vec<String>,
}

/// A list of document ids.
fn documents(params: &Params, field: &str) -> Result<Option<Value>, ApiError> {
    match params.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            Ok(Some(Value::Array(items.clone())))
        }
        Some(_) => Err(ApiError::invalid_field(
            field,
            format!("The {field} must be an array of document ids."),
        )),
    }
}

/// `others`: a list of `{type, document_ids}`.
fn others(params: &Params) -> Result<Option<Value>, ApiError> {
    let invalid = || {
        ApiError::invalid_field(
            "others",
            "The others must be an array of objects with type and document_ids.",
        )
    };
    match params.get("others") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => {
            for item in items {
                let item = item.as_object().ok_or_else(invalid)?;
                fields::reject_unknown(item, &["type", "document_ids"])?;
                if !item.get("type").is_some_and(Value::is_string) {
                    return Err(invalid());
                }
                documents(item, "document_ids")?.ok_or_else(invalid)?;
            }
            Ok(Some(Value::Array(items.clone())))
        }
        Some(_) => Err(invalid()),
    }
}

impl Store {
    fn dispute_event(&self, dispute: &DisputeRec) -> Event {
        let payment = self
            .payments
            .get(&dispute.payment_id)
            .map_or(Value::Null, |p| p.to_webhook_json());
        Event::new(
            dispute.status.event(),
            vec![("payment", payment), ("dispute", dispute.to_json())],
        )
    }

    /// Sandbox control: the customer's bank disputes a captured payment
    /// (`payment.dispute.created`). `amount` defaults to what is left after refunds,
    /// `phase` to `chargeback`.
    pub fn raise_dispute(&mut self, payment_id: &str, params: &Params) -> Mutation {
        fields::reject_unknown(params, &["amount", "reason_code", "phase"])?;
        let payment = self.payment(payment_id)?;
        if !matches!(
            payment.status,
            PaymentStatus::Captured | PaymentStatus::Refunded
        ) {
            return Err(ApiError::bad_request(
                "Only captured payments can be disputed",
            ));
        }
        let amount = fields::integer(params, "amount")?.unwrap_or(payment.amount);
        if !(1..=payment.amount).contains(&amount) {
            return Err(ApiError::invalid_field(
                "amount",
                "The dispute amount must be between 1 and the payment amount.",
            ));
        }
        let phase = fields::string(params, "phase")?.unwrap_or_else(|| "chargeback".into());
        if !PHASES.contains(&phase.as_str()) {
            return Err(ApiError::invalid_field(
                "phase",
                format!("The phase must be one of {}.", PHASES.join(", ")),
            ));
        }
        let now = self.now();
        let dispute = DisputeRec {
            id: new_id("disp"),
            payment_id: payment_id.to_string(),
            amount,
            currency: payment.currency.clone(),
            amount_deducted: 0,
            reason_code: fields::string(params, "reason_code")?
                .unwrap_or_else(|| "goods_or_services_not_received_or_partially_received".into()),
            respond_by: now.saturating_add(RESPOND_WITHIN_SECS),
            status: DisputeStatus::Open,
            phase,
            evidence: Map::new(),
            submitted_at: None,
            decided_at: None,
            created_at: now,
        };
        let event = self.dispute_event(&dispute);
        let body = dispute.to_json();
        let book = &mut self.money.disputes;
        book.ids.push(dispute.id.clone());
        book.by_id.insert(dispute.id.clone(), dispute);
        Ok((body, vec![event]))
    }

    fn dispute_mut(&mut self, id: &str) -> Result<&mut DisputeRec, ApiError> {
        self.money
            .disputes
            .by_id
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)
    }

    /// Moves a dispute to `status` and renders the answer and its webhook.
    fn decide_dispute(&mut self, id: &str, status: DisputeStatus) -> Mutation {
        let now = self.now();
        let dispute = self.dispute_mut(id)?;
        dispute.status = status;
        if status == DisputeStatus::Lost {
            dispute.amount_deducted = dispute.amount;
        }
        if status.decided() {
            dispute.decided_at = Some(now);
        }
        let dispute = dispute.clone();
        Ok((dispute.to_json(), vec![self.dispute_event(&dispute)]))
    }

    /// `POST /v1/disputes/:id/accept`: the merchant accepts an open dispute; it is lost and
    /// its amount deducted (`payment.dispute.lost`).
    pub fn accept_dispute(&mut self, id: &str) -> Mutation {
        if self.dispute_mut(id)?.status != DisputeStatus::Open {
            return Err(ApiError::bad_request(
                "Only an open dispute can be accepted",
            ));
        }
        self.decide_dispute(id, DisputeStatus::Lost)
    }

    /// `PATCH /v1/disputes/:id/contest`: saves evidence (`action: draft`, the default) or
    /// submits it (`action: submit`: `under_review`, `payment.dispute.under_review`).
    pub fn contest_dispute(&mut self, id: &str, params: &Params) -> Mutation {
        let mut allowed = vec!["amount", "summary", "others", "action"];
        allowed.extend_from_slice(PROOFS);
        fields::reject_unknown(params, &allowed)?;
        let submit = match fields::string(params, "action")?.as_deref() {
            None | Some("draft") => false,
            Some("submit") => true,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "action",
                    "The action must be one of draft, submit.",
                ));
            }
        };
        let amount = fields::integer(params, "amount")?;
        let summary = fields::string(params, "summary")?;
        if summary.as_ref().is_some_and(|s| s.chars().count() > 1000) {
            return Err(ApiError::invalid_field(
                "summary",
                "The summary may not be greater than 1000 characters.",
            ));
        }
        let mut evidence = Map::new();
        for proof in PROOFS {
            if let Some(docs) = documents(params, proof)? {
                evidence.insert((*proof).into(), docs);
            }
        }
        if let Some(others) = others(params)? {
            evidence.insert("others".into(), others);
        }
        let now = self.now();
        let dispute = self.dispute_mut(id)?;
        if dispute.status != DisputeStatus::Open {
            return Err(ApiError::bad_request(
                "Only an open dispute can be contested",
            ));
        }
        if let Some(amount) = amount {
            if !(1..=dispute.amount).contains(&amount) {
                return Err(ApiError::invalid_field(
                    "amount",
                    "The amount must be between 1 and the disputed amount.",
                ));
            }
            evidence.insert("amount".into(), json!(amount));
        }
        if let Some(summary) = summary {
            evidence.insert("summary".into(), json!(summary));
        }
        dispute.evidence.extend(evidence);
        if !submit {
            return Ok((dispute.to_json(), Vec::new()));
        }
        dispute.submitted_at = Some(now);
        self.decide_dispute(id, DisputeStatus::UnderReview)
    }

    /// Sandbox control: the bank decides an open or contested dispute (`won`, `lost` or
    /// `closed`), with its webhook.
    pub fn resolve_dispute(&mut self, id: &str, result: &str) -> Mutation {
        let status = match result {
            "won" => DisputeStatus::Won,
            "lost" => DisputeStatus::Lost,
            "closed" => DisputeStatus::Closed,
            _ => {
                return Err(ApiError::invalid_field(
                    "result",
                    "The result must be one of won, lost, closed.",
                ));
            }
        };
        if self.dispute_mut(id)?.status.decided() {
            return Err(ApiError::bad_request("The dispute is already decided"));
        }
        self.decide_dispute(id, status)
    }

    /// Open disputes whose `respond_by` passed are accepted on the merchant's behalf, as
    /// Razorpay does (called from the store's tick).
    pub(super) fn expire_disputes(&mut self) -> Vec<Event> {
        let now = self.now();
        let book = &self.money.disputes;
        let expired: Vec<String> = book
            .ids
            .iter()
            .filter_map(|id| book.by_id.get(id))
            .filter(|d| d.status == DisputeStatus::Open && d.respond_by <= now)
            .map(|d| d.id.clone())
            .collect();
        expired
            .iter()
            .filter_map(|id| self.decide_dispute(id, DisputeStatus::Lost).ok())
            .flat_map(|(_, events)| events)
            .collect()
    }

    /// Lost disputes, for settlements to deduct.
    pub(super) fn dispute_deductions(&self) -> Vec<Deduction> {
        let book = &self.money.disputes;
        book.ids
            .iter()
            .filter_map(|id| book.by_id.get(id))
            .filter(|d| d.status == DisputeStatus::Lost)
            .map(|d| Deduction {
                dispute_id: d.id.clone(),
                payment_id: d.payment_id.clone(),
                amount: d.amount_deducted,
                currency: d.currency.clone(),
                decided_at: d.decided_at.unwrap_or(d.created_at),
            })
            .collect()
    }

    /// `GET /v1/disputes/:id`
    pub fn fetch_dispute(&self, id: &str) -> Result<Value, ApiError> {
        self.money
            .disputes
            .by_id
            .get(id)
            .map(DisputeRec::to_json)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/disputes` with `from`, `to`, `count`, `skip`, newest first.
    pub fn list_disputes(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let book = &self.money.disputes;
        let items = book
            .ids
            .iter()
            .rev()
            .filter_map(|id| book.by_id.get(id))
            .filter(|d| window.contains(d.created_at))
            .map(DisputeRec::to_json);
        Ok(listing::collection(window.page(items)))
    }
}
