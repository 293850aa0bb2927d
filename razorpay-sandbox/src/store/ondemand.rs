//! On-demand (instant) settlements: the merchant draws on its unsettled balance at once
//! (`setlod_…`), paying Razorpay's fee of 0.25 % plus 18 % GST on it (the documented sample:
//! ₹2,000 requested, ₹5.90 fees of which ₹0.90 tax). The sandbox pays out at once
//! (`processed`, one payout `setlodp_…`); the amount is taken out of the next scheduled
//! settlement.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::transfer::Movement;
use super::{Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::{new_id, random_base62};

/// Smallest on-demand settlement: ₹1.
pub const MIN_ONDEMAND_AMOUNT: i64 = 100;

/// One on-demand settlement as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct OndemandRec {
    id: String,
    amount_requested: i64,
    fees: i64,
    tax: i64,
    settle_full_balance: bool,
    description: Option<String>,
    notes: Map<String, Value>,
    payout_id: String,
    utr: String,
    created_at: i64,
}

impl OndemandRec {
    fn payout_json(&self) -> Value {
        json!({
            "id": self.payout_id, "entity": "settlement.ondemand_payout",
            "initiated_at": self.created_at, "processed_at": self.created_at,
            "reversed_at": null, "amount": self.amount_requested,
            "amount_settled": self.amount_requested - self.fees, "fees": self.fees,
            "tax": self.tax, "utr": self.utr, "status": "processed",
            "created_at": self.created_at,
        })
    }

    /// The entity; `with_payouts` adds `ondemand_payouts` (`expand[]=ondemand_payouts`).
    fn to_json(&self, with_payouts: bool) -> Value {
        let mut body = json!({
            "id": self.id,
            "entity": "settlement.ondemand",
            "amount_requested": self.amount_requested,
            "amount_settled": self.amount_requested - self.fees,
            "amount_pending": 0,
            "amount_reversed": 0,
            "fees": self.fees,
            "tax": self.tax,
            "currency": "INR",
            "settle_full_balance": self.settle_full_balance,
            "status": "processed",
            "description": self.description,
            "notes": notes_json(&self.notes),
            "created_at": self.created_at,
        });
        if with_payouts && let Some(map) = body.as_object_mut() {
            map.insert(
                "ondemand_payouts".into(),
                listing::collection(vec![self.payout_json()]),
            );
        }
        body
    }
}

/// The on-demand settlements of one account.
#[derive(Debug, Default)]
pub struct Ondemand {
    by_id: HashMap<String, OndemandRec>,
    ids: Vec<String>,
}

/// Razorpay's instant-settlement fee on `amount`: 0.25 %, plus 18 % GST on it;
/// `(fees with tax, tax)`, or `None` on overflow.
fn fee_and_tax(amount: i64) -> Option<(i64, i64)> {
    let fee = amount.checked_mul(25)? / 10_000;
    let tax = fee.checked_mul(18)? / 100;
    Some((fee.checked_add(tax)?, tax))
}

/// Whether `ondemand_payouts` was asked for (in any of the forms [`fields::split_expand`]
/// reads), and the other parameters.
fn wants_payouts(query: &Params) -> Result<(bool, Params), ApiError> {
    let (wanted, rest) = fields::split_expand(query, &["ondemand_payouts"])?;
    Ok((!wanted.is_empty(), rest))
}

impl Store {
    /// `POST /v1/settlements/ondemand {"amount", "settle_full_balance", "description", "notes"}`
    pub fn create_ondemand_settlement(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(
            params,
            &["amount", "settle_full_balance", "description", "notes"],
        )?;
        let full = fields::boolean(params, "settle_full_balance")?.unwrap_or(false);
        let balance = self
            .unsettled_balance()
            .ok_or_else(|| ApiError::bad_request("The balance is too large to settle"))?;
        let amount = if full {
            balance
        } else {
            fields::required_integer(params, "amount")?
        };
        if amount < MIN_ONDEMAND_AMOUNT {
            return Err(ApiError::invalid_field(
                "amount",
                format!("The amount must be at least {MIN_ONDEMAND_AMOUNT}."),
            ));
        }
        if amount > balance {
            return Err(ApiError::bad_request(
                "The amount requested is greater than the balance available for settlement",
            ));
        }
        let (fees, tax) = fee_and_tax(amount)
            .ok_or_else(|| ApiError::invalid_field("amount", "The amount is too large."))?;
        let now = self.now();
        let settlement = OndemandRec {
            id: new_id("setlod"),
            amount_requested: amount,
            fees,
            tax,
            settle_full_balance: full,
            description: fields::string(params, "description")?,
            notes: fields::notes(params)?,
            payout_id: new_id("setlodp"),
            utr: format!("{now}{}", random_base62(6).to_ascii_lowercase()),
            created_at: now,
        };
        let body = settlement.to_json(false);
        let book = &mut self.money.ondemand;
        book.ids.push(settlement.id.clone());
        book.by_id.insert(settlement.id.clone(), settlement);
        Ok(body)
    }

    /// `GET /v1/settlements/ondemand/:id` (`expand[]=ondemand_payouts`)
    pub fn fetch_ondemand_settlement(&self, id: &str, query: &Params) -> Result<Value, ApiError> {
        let (with_payouts, rest) = wants_payouts(query)?;
        fields::reject_unknown(&rest, &[])?;
        self.money
            .ondemand
            .by_id
            .get(id)
            .map(|s| s.to_json(with_payouts))
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/settlements/ondemand` (window, `expand[]=ondemand_payouts`), newest first.
    pub fn list_ondemand_settlements(&self, query: &Params) -> Result<Value, ApiError> {
        let (with_payouts, rest) = wants_payouts(query)?;
        let window = listing::Window::parse(&rest, &[])?;
        let book = &self.money.ondemand;
        let items = book
            .ids
            .iter()
            .rev()
            .filter_map(|id| book.by_id.get(id))
            .filter(|s| window.contains(s.created_at))
            .map(|s| s.to_json(with_payouts));
        Ok(listing::collection(window.page(items)))
    }

    /// What on-demand settlements paid out, for the next scheduled settlement to deduct.
    pub(super) fn ondemand_movements(&self) -> Vec<Movement> {
        let book = &self.money.ondemand;
        book.ids
            .iter()
            .filter_map(|id| book.by_id.get(id))
            .map(|s| Movement {
                entity_id: s.id.clone(),
                kind: "settlement.ondemand",
                debit: s.amount_requested,
                credit: 0,
                currency: "INR".into(),
                at: s.created_at,
                source: String::new(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_match_the_documented_sample() {
        // ₹2,000 requested: fees 590 paise, of which 90 tax.
        assert_eq!(fee_and_tax(200_000), Some((590, 90)));
        assert_eq!(fee_and_tax(i64::MAX), None);
    }
}
