//! Items: reusable products for invoices (`POST/GET /v1/items`, `GET/PATCH/DELETE
//! /v1/items/:id`), and the item objects add-ons carry.

use serde_json::{Value, json};

use super::fields::{self, Params};
use super::{Store, listing};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// Parameters an item takes on create and edit.
const ITEM_FIELDS: &[&str] = &[
    "name",
    "description",
    "amount",
    "currency",
    "unit",
    "tax_inclusive",
    "hsn_code",
    "sac_code",
    "tax_rate",
    "tax_id",
    "tax_group_id",
];

/// Longest item name Razorpay accepts.
const NAME_MAX_CHARS: usize = 250;

/// One item.
#[derive(Debug, Clone)]
pub struct ItemRec {
    pub id: String,
    pub active: bool,
    pub name: String,
    pub description: Option<String>,
    pub amount: i64,
    pub currency: String,
    /// Optional documented fields passed through as sent (`unit`, `hsn_code`, …).
    pub extra: serde_json::Map<String, Value>,
    pub created_at: i64,
}

impl ItemRec {
    /// Shaped like Razorpay's item samples.
    pub fn to_json(&self) -> Value {
        let pick = |key: &str| self.extra.get(key).cloned().unwrap_or(Value::Null);
        json!({
            "id": self.id, "active": self.active, "name": self.name,
            "description": self.description, "amount": self.amount,
            "unit_amount": self.amount, "currency": self.currency, "type": "invoice",
            "unit": pick("unit"),
            "tax_inclusive": self.extra.get("tax_inclusive").cloned().unwrap_or(json!(false)),
            "hsn_code": pick("hsn_code"), "sac_code": pick("sac_code"),
            "tax_rate": pick("tax_rate"), "tax_id": pick("tax_id"),
            "tax_group_id": pick("tax_group_id"), "created_at": self.created_at,
        })
    }
}

/// A validated item name.
fn name(params: &Params, required: bool) -> Result<Option<String>, ApiError> {
    let name = fields::string(params, "name")?;
    match &name {
        None if required => Err(ApiError::invalid_field(
            "name",
            "The name field is required.",
        )),
        Some(n) if n.trim().is_empty() => Err(ApiError::invalid_field(
            "name",
            "The name field is required.",
        )),
        Some(n) if n.chars().count() > NAME_MAX_CHARS => Err(ApiError::invalid_field(
            "name",
            format!("The name may not be greater than {NAME_MAX_CHARS} characters."),
        )),
        _ => Ok(name),
    }
}

impl Store {
    /// Validates `amount` and `currency` of an item (or invoice line): Razorpay's minimum
    /// per currency and the account's maximum.
    pub(super) fn item_amount(&self, params: &Params) -> Result<(i64, String), ApiError> {
        let amount = fields::required_integer(params, "amount")?;
        let (currency, rule) = fields::currency(params)?;
        fields::amount_at_least_minimum("amount", amount, &currency, rule)?;
        self.amount_at_most_maximum(amount)?;
        Ok((amount, currency))
    }

    /// The item object of an add-on (`type: addon`, with `updated_at`) from its `item`
    /// parameters: `(item, unit amount, currency)`.
    pub(super) fn new_item_json(
        &self,
        params: &Params,
        kind: &str,
    ) -> Result<(Value, i64, String), ApiError> {
        fields::reject_unknown(params, &["name", "amount", "currency", "description"])?;
        let name = name(params, true)?;
        let (amount, currency) = self.item_amount(params)?;
        let now = self.now();
        let item = json!({
            "id": new_id("item"), "active": true, "name": name,
            "description": fields::string(params, "description")?, "amount": amount,
            "unit_amount": amount, "currency": currency, "type": kind, "unit": null,
            "tax_inclusive": false, "hsn_code": null, "sac_code": null, "tax_rate": null,
            "tax_id": null, "tax_group_id": null, "created_at": now, "updated_at": now,
        });
        Ok((item, amount, currency))
    }

    /// `POST /v1/items`
    pub fn create_item(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, ITEM_FIELDS)?;
        let name = name(params, true)?.unwrap_or_default();
        let (amount, currency) = self.item_amount(params)?;
        let item = ItemRec {
            id: new_id("item"),
            active: true,
            name,
            description: fields::string(params, "description")?,
            amount,
            currency,
            extra: passthrough(params)?,
            created_at: self.now(),
        };
        let body = item.to_json();
        self.billing.item_ids.push(item.id.clone());
        self.billing.items.insert(item.id.clone(), item);
        Ok(body)
    }

    /// An item by id (also used by invoices that name an `item_id`).
    pub(super) fn item(&self, id: &str) -> Result<&ItemRec, ApiError> {
        self.billing
            .items
            .get(id)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/items/:id`
    pub fn fetch_item(&self, id: &str) -> Result<Value, ApiError> {
        self.item(id).map(ItemRec::to_json)
    }

    /// `PATCH /v1/items/:id`: `name`, `description`, `amount`, `currency`, `active`, …
    pub fn edit_item(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        let mut allowed = ITEM_FIELDS.to_vec();
        allowed.push("active");
        fields::reject_unknown(params, &allowed)?;
        let current = self.item(id)?.clone();
        let name = name(params, false)?;
        let (amount, currency) = if params.contains_key("amount") || params.contains_key("currency")
        {
            let mut merged = params.clone();
            merged
                .entry("amount")
                .or_insert_with(|| json!(current.amount));
            merged
                .entry("currency")
                .or_insert_with(|| json!(current.currency));
            self.item_amount(&merged)?
        } else {
            (current.amount, current.currency.clone())
        };
        let description = fields::string(params, "description")?;
        let active = fields::boolean(params, "active")?;
        let extra = passthrough(params)?;
        let item = self
            .billing
            .items
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        item.name = name.unwrap_or_else(|| item.name.clone());
        item.description = description.or(item.description.take());
        item.amount = amount;
        item.currency = currency;
        item.active = active.unwrap_or(item.active);
        item.extra.extend(extra);
        Ok(item.to_json())
    }

    /// `DELETE /v1/items/:id`: `[]`.
    pub fn delete_item(&mut self, id: &str) -> Result<Value, ApiError> {
        self.item(id)?;
        self.billing.items.remove(id);
        self.billing.item_ids.retain(|i| i != id);
        Ok(json!([]))
    }

    /// `GET /v1/items` (`active` filter: `1` or `0`).
    pub fn list_items(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &["active"])?;
        let active = fields::boolean(query, "active")?;
        let items = self
            .billing
            .item_ids
            .iter()
            .rev()
            .filter_map(|id| self.billing.items.get(id))
            .filter(|i| active.is_none_or(|a| i.active == a))
            .filter(|i| window.contains(i.created_at))
            .map(ItemRec::to_json);
        Ok(listing::collection(window.page(items)))
    }
}

/// The optional documented fields, type-checked loosely (strings, numbers, booleans).
fn passthrough(params: &Params) -> Result<serde_json::Map<String, Value>, ApiError> {
    let mut extra = serde_json::Map::new();
    for key in [
        "unit",
        "hsn_code",
        "sac_code",
        "tax_id",
        "tax_group_id",
        "tax_rate",
        "tax_inclusive",
    ] {
        match params.get(key) {
            None => {}
            Some(value @ (Value::Null | Value::String(_) | Value::Number(_) | Value::Bool(_))) => {
                extra.insert(key.to_string(), value.clone());
            }
            Some(_) => {
                return Err(ApiError::invalid_field(
                    key,
                    format!("The {key} must be a string."),
                ));
            }
        }
    }
    Ok(extra)
}
