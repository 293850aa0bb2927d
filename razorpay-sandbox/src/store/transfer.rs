//! Transfers (Route): money moved to linked accounts (`acc_…`) from a captured payment
//! (`POST /v1/payments/:id/transfers`) or from the merchant's balance (`POST /v1/transfers`),
//! processed at once (`transfer.processed`), held or released (`on_hold`), and reversed in
//! part or whole (`rvrsl_…`). Settlements take transfers out of, and reversals back into,
//! the merchant's payout.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::payment::PaymentStatus;
use super::{Event, Mutation, Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::{is_razorpay_id, new_id};

/// Largest number of transfers one request may create.
pub const MAX_TRANSFERS_PER_REQUEST: usize = 50;

/// One transfer as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct TransferRec {
    id: String,
    source: String,
    recipient: String,
    amount: i64,
    currency: String,
    amount_reversed: i64,
    notes: Map<String, Value>,
    linked_account_notes: Vec<String>,
    on_hold: bool,
    on_hold_until: Option<i64>,
    created_at: i64,
    reversal_ids: Vec<String>,
}

impl TransferRec {
    /// The transfer entity as Razorpay's API and webhooks render it.
    pub fn to_json(&self) -> Value {
        let status = match self.amount_reversed {
            0 => "processed",
            r if r >= self.amount => "reversed",
            _ => "partially_reversed",
        };
        json!({
            "id": self.id,
            "entity": "transfer",
            "transfer_status": status,
            "settlement_status": if self.on_hold { "on_hold" } else { "pending" },
            "source": self.source,
            "recipient": self.recipient,
            "amount": self.amount,
            "currency": self.currency,
            "amount_reversed": self.amount_reversed,
            "notes": notes_json(&self.notes),
            "fees": 0,
            "tax": 0,
            "on_hold": self.on_hold,
            "on_hold_until": self.on_hold_until,
            "recipient_settlement_id": null,
            "created_at": self.created_at,
            "linked_account_notes": self.linked_account_notes,
            "processed_at": self.created_at,
            "error": {"code": null, "description": null, "field": null, "source": null,
                      "step": null, "reason": null},
        })
    }
}

/// The transfers and reversals of one account.
#[derive(Debug, Default)]
pub struct Transfers {
    by_id: HashMap<String, TransferRec>,
    ids: Vec<String>,
    reversals: HashMap<String, Value>,
    reversal_ids: Vec<String>,
    /// Orders whose `transfers` were made.
    orders_done: HashSet<String>,
}

const TRANSFER_FIELDS: &[&str] = &[
    "account",
    "amount",
    "currency",
    "notes",
    "linked_account_notes",
    "on_hold",
    "on_hold_until",
];

impl Store {
    /// One transfer request, validated; `source` is the payment or the merchant account.
    fn new_transfer(&self, params: &Params, source: &str) -> Result<TransferRec, ApiError> {
        fields::reject_unknown(params, TRANSFER_FIELDS)?;
        let recipient = fields::string(params, "account")?
            .ok_or_else(|| ApiError::invalid_field("account", "The account field is required."))?;
        if !is_razorpay_id(&recipient, "acc") {
            return Err(ApiError::invalid_field(
                "account",
                "The account id is invalid.",
            ));
        }
        let amount = fields::required_integer(params, "amount")?;
        let (currency, rule) = fields::currency(params)?;
        fields::amount_at_least_minimum("amount", amount, &currency, rule)?;
        let notes = fields::notes(params)?;
        let linked_account_notes: Vec<String> = match params.get("linked_account_notes") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(keys)) => keys
                .iter()
                .map(|k| k.as_str().map(str::to_string))
                .collect::<Option<_>>()
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        "linked_account_notes",
                        "The linked_account_notes must be an array of notes keys.",
                    )
                })?,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "linked_account_notes",
                    "The linked_account_notes must be an array of notes keys.",
                ));
            }
        };
        if let Some(key) = linked_account_notes
            .iter()
            .find(|k| !notes.contains_key(k.as_str()))
        {
            return Err(ApiError::invalid_field(
                "linked_account_notes",
                format!("The linked_account_notes key {key} is not in notes."),
            ));
        }
        let on_hold = fields::boolean(params, "on_hold")?.unwrap_or(false);
        let on_hold_until = fields::integer(params, "on_hold_until")?;
        if on_hold_until.is_some_and(|at| at <= self.now()) {
            return Err(ApiError::invalid_field(
                "on_hold_until",
                "The on_hold_until must be a time in the future.",
            ));
        }
        Ok(TransferRec {
            id: new_id("trf"),
            source: source.to_string(),
            recipient,
            amount,
            currency,
            amount_reversed: 0,
            notes,
            linked_account_notes,
            on_hold,
            on_hold_until,
            created_at: self.now(),
            reversal_ids: Vec::new(),
        })
    }

    fn record_transfers(&mut self, transfers: Vec<TransferRec>) -> (Vec<Value>, Vec<Event>) {
        let book = &mut self.money.transfers;
        let mut bodies = Vec::new();
        let mut events = Vec::new();
        for transfer in transfers {
            let body = transfer.to_json();
            events.push(Event::new(
                "transfer.processed",
                vec![("transfer", body.clone())],
            ));
            bodies.push(body);
            book.ids.push(transfer.id.clone());
            book.by_id.insert(transfer.id.clone(), transfer);
        }
        (bodies, events)
    }

    /// Whether `transfer` took money from `payment_id`: directly, or through its order.
    fn transferred_out_of(&self, transfer: &TransferRec, payment_id: &str) -> bool {
        transfer.source == payment_id
            || self.payments.get(payment_id).is_some_and(|p| {
                !p.order_id.is_empty() && transfer.source == p.order_id && p.captured_at.is_some()
            })
    }

    /// What has been transferred out of a payment, reversals excluded.
    fn transferred_from(&self, payment_id: &str) -> i64 {
        self.money
            .transfers
            .by_id
            .values()
            .filter(|t| self.transferred_out_of(t, payment_id))
            .fold(0, |sum, t| {
                sum.saturating_add(t.amount.saturating_sub(t.amount_reversed))
            })
    }

    /// `POST /v1/payments/:id/transfers {"transfers": [...]}`: the created transfers.
    pub fn transfer_payment(&mut self, payment_id: &str, params: &Params) -> Mutation {
        fields::reject_unknown(params, &["transfers"])?;
        let payment = self.payment(payment_id)?;
        if payment.status != PaymentStatus::Captured {
            return Err(ApiError::bad_request(
                "Transfers can only be created on a captured payment",
            ));
        }
        let requests = match params.get("transfers") {
            Some(Value::Array(items)) if !items.is_empty() => items,
            _ => {
                return Err(ApiError::invalid_field(
                    "transfers",
                    "The transfers field is required.",
                ));
            }
        };
        if requests.len() > MAX_TRANSFERS_PER_REQUEST {
            return Err(ApiError::invalid_field(
                "transfers",
                format!("At most {MAX_TRANSFERS_PER_REQUEST} transfers can be created at once."),
            ));
        }
        let available = payment
            .amount
            .saturating_sub(payment.amount_refunded)
            .saturating_sub(self.transferred_from(payment_id));
        let mut transfers = Vec::new();
        let mut total: i64 = 0;
        for request in requests {
            let request = request.as_object().ok_or_else(|| {
                ApiError::invalid_field("transfers", "Each transfer must be an object.")
            })?;
            let transfer = self.new_transfer(request, payment_id)?;
            if transfer.currency != payment.currency {
                return Err(ApiError::invalid_field(
                    "currency",
                    "Currency should be same as payment currency",
                ));
            }
            total = total
                .checked_add(transfer.amount)
                .ok_or_else(|| ApiError::invalid_field("amount", "The amount is too large."))?;
            transfers.push(transfer);
        }
        if total > available {
            return Err(ApiError::bad_request(
                "The sum of amount requested for transfer is greater than the captured amount",
            ));
        }
        let (bodies, events) = self.record_transfers(transfers);
        Ok((listing::collection(bodies), events))
    }

    /// The `transfers` an order was created with, made once its payment is captured (source:
    /// the order, as Razorpay shows it); requests that are invalid or exceed the order's
    /// amount are skipped, since order creation only echoed them.
    pub(super) fn create_order_transfers(&mut self, order_id: &str) -> Vec<Event> {
        let Some(order) = self.orders.get(order_id) else {
            return Vec::new();
        };
        let Some(Value::Array(requests)) = order.passthrough.get("transfers") else {
            return Vec::new();
        };
        if self.money.transfers.orders_done.contains(order_id) {
            return Vec::new();
        }
        let mut left = order.amount;
        let mut transfers = Vec::new();
        for request in requests.iter().take(MAX_TRANSFERS_PER_REQUEST) {
            let Some(request) = request.as_object() else {
                continue;
            };
            if let Ok(transfer) = self.new_transfer(request, order_id)
                && transfer.amount <= left
            {
                left -= transfer.amount;
                transfers.push(transfer);
            }
        }
        self.money
            .transfers
            .orders_done
            .insert(order_id.to_string());
        self.record_transfers(transfers).1
    }

    /// `POST /v1/transfers`: a direct transfer from the merchant's balance (`source` is the
    /// merchant account, `account_id`).
    pub fn create_direct_transfer(&mut self, params: &Params, account_id: &str) -> Mutation {
        let mut transfer = self.new_transfer(params, account_id)?;
        // Held transfers only exist for payment transfers.
        transfer.on_hold = false;
        transfer.on_hold_until = None;
        let (mut bodies, events) = self.record_transfers(vec![transfer]);
        Ok((bodies.pop().unwrap_or(Value::Null), events))
    }

    /// `GET /v1/transfers/:id`
    pub fn fetch_transfer(&self, id: &str) -> Result<Value, ApiError> {
        self.money
            .transfers
            .by_id
            .get(id)
            .map(TransferRec::to_json)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/transfers` (window, `recipient_settlement_id`, `expand[]`), or
    /// `GET /v1/payments/:id/transfers` when `payment_id` is given.
    pub fn list_transfers(
        &self,
        query: &Params,
        payment_id: Option<&str>,
    ) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &["recipient_settlement_id", "expand[]"])?;
        fields::expand(query, &["recipient_settlement"])?;
        if let Some(payment_id) = payment_id {
            self.payment(payment_id)?;
        }
        // Nothing is settled to linked accounts here, so no transfer has a settlement id.
        let settled_only = fields::string(query, "recipient_settlement_id")?.is_some();
        let book = &self.money.transfers;
        let items = book
            .ids
            .iter()
            .rev()
            .filter_map(|id| book.by_id.get(id))
            .filter(|t| payment_id.is_none_or(|p| self.transferred_out_of(t, p)))
            .filter(|t| !settled_only && window.contains(t.created_at))
            .map(TransferRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `PATCH /v1/transfers/:id {"on_hold", "on_hold_until"}`
    pub fn edit_transfer(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["on_hold", "on_hold_until"])?;
        let on_hold = fields::boolean(params, "on_hold")?
            .ok_or_else(|| ApiError::invalid_field("on_hold", "The on_hold field is required."))?;
        let until = fields::integer(params, "on_hold_until")?;
        if until.is_some_and(|at| at <= self.now()) {
            return Err(ApiError::invalid_field(
                "on_hold_until",
                "The on_hold_until must be a time in the future.",
            ));
        }
        let transfer = self
            .money
            .transfers
            .by_id
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        transfer.on_hold = on_hold;
        transfer.on_hold_until = if on_hold { until } else { None };
        Ok(transfer.to_json())
    }

    /// `POST /v1/transfers/:id/reversals {"amount", "notes"}`: the reversal (`rvrsl_…`);
    /// `amount` defaults to what is left of the transfer.
    pub fn reverse_transfer(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["amount", "notes"])?;
        let amount = fields::integer(params, "amount")?;
        let notes = fields::notes(params)?;
        let now = self.now();
        let transfer = self
            .money
            .transfers
            .by_id
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        let left = transfer.amount.saturating_sub(transfer.amount_reversed);
        let amount = amount.unwrap_or(left);
        if amount < 1 || amount > left {
            return Err(ApiError::invalid_field(
                "amount",
                "The reversal amount must be at most the amount not yet reversed.",
            ));
        }
        transfer.amount_reversed = transfer.amount_reversed.saturating_add(amount);
        let reversal = json!({
            "id": new_id("rvrsl"), "entity": "reversal", "transfer_id": id,
            "amount": amount, "fee": 0, "tax": 0, "currency": transfer.currency,
            "notes": notes_json(&notes), "initiator_id": transfer.recipient,
            "customer_refund_id": null, "utr": null, "created_at": now,
        });
        let reversal_id = reversal["id"].as_str().unwrap_or_default().to_string();
        transfer.reversal_ids.push(reversal_id.clone());
        let book = &mut self.money.transfers;
        book.reversal_ids.push(reversal_id.clone());
        book.reversals.insert(reversal_id, reversal.clone());
        Ok(reversal)
    }

    /// Transfers (debits) and their reversals (credits), for settlements.
    pub(super) fn transfer_movements(&self) -> Vec<Movement> {
        let book = &self.money.transfers;
        let mut out = Vec::new();
        for transfer in book.ids.iter().filter_map(|id| book.by_id.get(id)) {
            let source = transfer.source.clone();
            out.push(Movement {
                entity_id: transfer.id.clone(),
                kind: "transfer",
                debit: transfer.amount,
                credit: 0,
                currency: transfer.currency.clone(),
                at: transfer.created_at,
                source: source.clone(),
            });
            for reversal in transfer
                .reversal_ids
                .iter()
                .filter_map(|r| book.reversals.get(r))
            {
                out.push(Movement {
                    entity_id: reversal["id"].as_str().unwrap_or_default().to_string(),
                    kind: "reversal",
                    debit: 0,
                    credit: reversal["amount"].as_i64().unwrap_or(0),
                    currency: transfer.currency.clone(),
                    at: reversal["created_at"].as_i64().unwrap_or(0),
                    source: source.clone(),
                });
            }
        }
        out
    }
}

/// A transfer or reversal as settlements see it.
pub(super) struct Movement {
    pub entity_id: String,
    pub kind: &'static str,
    pub debit: i64,
    pub credit: i64,
    pub currency: String,
    pub at: i64,
    /// The payment (`pay_…`) or merchant account (`acc_…`) the transfer took money from.
    pub source: String,
}
