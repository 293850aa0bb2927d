//! Subscription add-ons: `POST /v1/subscriptions/:id/addons`, `GET /v1/addons[/:id]`,
//! `DELETE /v1/addons/:id`. An add-on is charged once, on the subscription's next invoice,
//! which then carries its `invoice_id`.

use serde_json::{Value, json};

use super::fields::{self, Params};
use super::{Store, listing};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// Largest add-on quantity the sandbox accepts (bounded like every other input).
const MAX_QUANTITY: i64 = 10_000;

/// One add-on.
#[derive(Debug, Clone)]
pub struct AddonRec {
    pub id: String,
    pub subscription_id: String,
    /// The add-on's own item (`type: addon`), rendered.
    pub item: Value,
    pub unit_amount: i64,
    pub currency: String,
    pub quantity: i64,
    pub invoice_id: Option<String>,
    pub created_at: i64,
}

impl AddonRec {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id, "entity": "addon", "item": self.item, "quantity": self.quantity,
            "created_at": self.created_at, "subscription_id": self.subscription_id,
            "invoice_id": self.invoice_id,
        })
    }

    /// `unit_amount × quantity`, or `None` on overflow.
    pub fn total(&self) -> Option<i64> {
        self.unit_amount.checked_mul(self.quantity)
    }

    /// The invoice line Razorpay adds for the add-on.
    pub fn line_item(&self) -> Value {
        let total = self.total().unwrap_or(i64::MAX);
        json!({
            "id": new_id("li"), "item_id": self.item["id"], "ref_id": self.id,
            "ref_type": "addon", "name": self.item["name"],
            "description": self.item["description"], "amount": self.unit_amount,
            "unit_amount": self.unit_amount, "gross_amount": total, "tax_amount": 0,
            "taxable_amount": total, "net_amount": total, "currency": self.currency,
            "type": "addon", "tax_inclusive": false, "hsn_code": null, "sac_code": null,
            "tax_rate": null, "unit": null, "quantity": self.quantity, "taxes": [],
        })
    }
}

impl Store {
    /// `POST /v1/subscriptions/:id/addons {"item": {name, amount, currency, description},
    /// "quantity"}`; only subscriptions that will still be charged take add-ons.
    pub fn create_addon(
        &mut self,
        subscription_id: &str,
        params: &Params,
    ) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["item", "quantity"])?;
        let status = self
            .subscriptions
            .get(subscription_id)
            .map(|s| s.status)
            .ok_or_else(ApiError::id_not_found)?;
        if !matches!(
            status,
            "created" | "authenticated" | "active" | "pending" | "halted" | "paused"
        ) {
            return Err(ApiError::bad_request(format!(
                "Addon cannot be created for a subscription in {status} state"
            )));
        }
        let quantity = fields::integer(params, "quantity")?.unwrap_or(1);
        if !(1..=MAX_QUANTITY).contains(&quantity) {
            return Err(ApiError::invalid_field(
                "quantity",
                "The quantity must be at least 1.",
            ));
        }
        let Some(Value::Object(item)) = params.get("item") else {
            return Err(ApiError::invalid_field(
                "item",
                "The item field is required.",
            ));
        };
        let (item, unit_amount, currency) = self.new_item_json(item, "addon")?;
        if let Some(plan_currency) = self
            .subscriptions
            .get(subscription_id)
            .and_then(|s| self.plans.get(&s.plan_id))
            .map(|p| p.currency.clone())
            .filter(|c| *c != currency)
        {
            return Err(ApiError::invalid_field(
                "currency",
                format!(
                    "The addon currency should be the same as the plan currency {plan_currency}"
                ),
            ));
        }
        let addon = AddonRec {
            id: new_id("ao"),
            subscription_id: subscription_id.to_string(),
            item,
            unit_amount,
            currency,
            quantity,
            invoice_id: None,
            created_at: self.now(),
        };
        self.amount_at_most_maximum(addon.total().unwrap_or(i64::MAX))?;
        let body = addon.to_json();
        self.billing.addon_ids.push(addon.id.clone());
        self.billing.addons.insert(addon.id.clone(), addon);
        Ok(body)
    }

    /// `GET /v1/addons/:id`
    pub fn fetch_addon(&self, id: &str) -> Result<Value, ApiError> {
        self.billing
            .addons
            .get(id)
            .map(AddonRec::to_json)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/addons` (`subscription_id` filter as a sandbox extra is not offered:
    /// Razorpay lists by time window only).
    pub fn list_addons(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let items = self
            .billing
            .addon_ids
            .iter()
            .rev()
            .filter_map(|id| self.billing.addons.get(id))
            .filter(|a| window.contains(a.created_at))
            .map(AddonRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `DELETE /v1/addons/:id`: `[]`; an add-on already charged on an invoice stays.
    pub fn delete_addon(&mut self, id: &str) -> Result<Value, ApiError> {
        let addon = self
            .billing
            .addons
            .get(id)
            .ok_or_else(ApiError::id_not_found)?;
        if addon.invoice_id.is_some() {
            return Err(ApiError::bad_request(
                "Addon cannot be deleted as it has already been charged",
            ));
        }
        self.billing.addons.remove(id);
        self.billing.addon_ids.retain(|a| a != id);
        Ok(json!([]))
    }

    /// The add-ons of `subscription_id` not yet on an invoice, oldest first.
    pub(super) fn pending_addons(&self, subscription_id: &str) -> Vec<String> {
        self.billing
            .addon_ids
            .iter()
            .filter(|id| {
                self.billing
                    .addons
                    .get(*id)
                    .is_some_and(|a| a.subscription_id == subscription_id && a.invoice_id.is_none())
            })
            .cloned()
            .collect()
    }

    /// What the pending add-ons of `subscription_id` add to its next charge (saturating:
    /// the maximum-amount check at creation keeps real totals small).
    pub(super) fn pending_addons_total(&self, subscription_id: &str) -> i64 {
        self.pending_addons(subscription_id)
            .iter()
            .filter_map(|id| self.billing.addons.get(id))
            .map(|a| a.total().unwrap_or(i64::MAX))
            .fold(0_i64, i64::saturating_add)
    }

    /// Marks the pending add-ons as charged on `invoice_id` and answers their invoice lines.
    pub(super) fn bill_addons(&mut self, subscription_id: &str, invoice_id: &str) -> Vec<Value> {
        let mut lines = Vec::new();
        for id in self.pending_addons(subscription_id) {
            if let Some(addon) = self.billing.addons.get_mut(&id) {
                addon.invoice_id = Some(invoice_id.to_string());
                lines.push(addon.line_item());
            }
        }
        lines
    }
}
