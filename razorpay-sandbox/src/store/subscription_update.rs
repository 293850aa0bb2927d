//! Updating a subscription: `PATCH /v1/subscriptions/:id` (`plan_id`, `quantity`,
//! `remaining_count`, `start_at`, `offer_id`, `customer_notify`) now or at the end of the
//! current cycle (`schedule_change_at: cycle_end`), `GET …/retrieve_scheduled_changes`,
//! `POST …/cancel_scheduled_changes`, and `subscription.updated` when a change applies.
//! Also the upfront `addons` of a new subscription.

use serde_json::{Value, json};

use super::fields::{self, Params};
use super::subscription::{PlanRec, SubscriptionRec};
use super::{Event, Mutation, Store};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// A change waiting for the end of the current cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledChange {
    /// When it applies (the current cycle's end).
    pub at: i64,
    pub plan_id: Option<String>,
    pub quantity: Option<i64>,
    pub remaining_count: Option<i64>,
    pub offer_id: Option<String>,
}

const UPDATE_FIELDS: &[&str] = &[
    "plan_id",
    "offer_id",
    "quantity",
    "remaining_count",
    "start_at",
    "schedule_change_at",
    "customer_notify",
];

/// The invoice line of the plan on a subscription invoice.
pub fn plan_line(plan: &PlanRec, quantity: i64) -> Value {
    let gross = plan.amount.saturating_mul(quantity);
    json!({
        "id": new_id("li"), "item_id": plan.item["id"], "ref_id": null, "ref_type": null,
        "name": plan.item["name"], "description": plan.item["description"],
        "amount": plan.amount, "unit_amount": plan.amount, "gross_amount": gross,
        "tax_amount": 0, "taxable_amount": gross, "net_amount": gross,
        "currency": plan.currency, "type": "plan", "tax_inclusive": false, "hsn_code": null,
        "sac_code": null, "tax_rate": null, "unit": null, "quantity": quantity, "taxes": [],
    })
}

/// Applies a change to a subscription record (validated beforehand).
fn apply(sub: &mut SubscriptionRec, change: &ScheduledChange) {
    if let Some(plan_id) = &change.plan_id {
        sub.plan_id = plan_id.clone();
    }
    if let Some(quantity) = change.quantity {
        sub.quantity = quantity;
    }
    if let Some(remaining) = change.remaining_count {
        sub.total_count = sub.paid_count.saturating_add(remaining);
    }
    if let Some(offer_id) = &change.offer_id {
        sub.offer_id = Some(offer_id.clone());
    }
}

impl Store {
    /// `PATCH /v1/subscriptions/:id`: only `authenticated` and `active` subscriptions change.
    pub fn update_subscription(&mut self, id: &str, params: &Params) -> Mutation {
        fields::reject_unknown(params, UPDATE_FIELDS)?;
        let plan_id = fields::string(params, "plan_id")?;
        if let Some(plan_id) = &plan_id {
            let (new, old) = (
                self.plans.get(plan_id).ok_or_else(ApiError::id_not_found)?,
                self.subscriptions
                    .get(id)
                    .and_then(|s| self.plans.get(&s.plan_id)),
            );
            if old.is_some_and(|old| old.currency != new.currency) {
                return Err(ApiError::invalid_field(
                    "plan_id",
                    "The currency of the new plan should be the same as the current plan.",
                ));
            }
        }
        let quantity = fields::integer(params, "quantity")?;
        if quantity.is_some_and(|q| !(1..=1_000).contains(&q)) {
            return Err(ApiError::invalid_field(
                "quantity",
                "The quantity must be at least 1.",
            ));
        }
        let remaining_count = fields::integer(params, "remaining_count")?;
        if remaining_count.is_some_and(|r| !(1..=1_000).contains(&r)) {
            return Err(ApiError::invalid_field(
                "remaining_count",
                "The remaining count must be between 1 and 1000.",
            ));
        }
        let at_cycle_end = match fields::string(params, "schedule_change_at")?.as_deref() {
            None | Some("now") => false,
            Some("cycle_end") => true,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "schedule_change_at",
                    "The selected schedule change at is invalid.",
                ));
            }
        };
        let start_at = fields::integer(params, "start_at")?;
        let customer_notify = fields::boolean(params, "customer_notify")?;
        let offer_id = fields::string(params, "offer_id")?;
        let now = self.now();
        let sub = self
            .subscriptions
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        if !matches!(sub.status, "authenticated" | "active") {
            return Err(ApiError::bad_request(format!(
                "Subscription cannot be updated when it is in {} state",
                sub.status
            )));
        }
        if start_at.is_some() && sub.status != "authenticated" {
            return Err(ApiError::invalid_field(
                "start_at",
                "start_at can be updated only for an authenticated subscription",
            ));
        }
        if let Some(at) = start_at {
            if at < now {
                return Err(ApiError::invalid_field(
                    "start_at",
                    "start_at cannot be lesser than the current time.",
                ));
            }
            sub.start_at = Some(at);
            sub.charge_at = Some(at);
        }
        if let Some(notify) = customer_notify {
            sub.customer_notify = notify;
        }
        let change = ScheduledChange {
            at: sub.current_end.unwrap_or(now),
            plan_id,
            quantity,
            remaining_count,
            offer_id,
        };
        // A subscription not yet charged has no cycle to wait for.
        if at_cycle_end && sub.current_end.is_some() {
            sub.scheduled = Some(change);
            return Ok((sub.to_json(), Vec::new()));
        }
        apply(sub, &change);
        let body = sub.to_json();
        Ok((
            body.clone(),
            vec![Event::new(
                "subscription.updated",
                vec![("subscription", body)],
            )],
        ))
    }

    /// `GET /v1/subscriptions/:id/retrieve_scheduled_changes`: the subscription as it will
    /// be once the scheduled change applies.
    pub fn scheduled_changes(&self, id: &str) -> Result<Value, ApiError> {
        let sub = self
            .subscriptions
            .get(id)
            .ok_or_else(ApiError::id_not_found)?;
        let Some(change) = &sub.scheduled else {
            return Err(ApiError::bad_request(
                "Subscription does not have any scheduled changes",
            ));
        };
        let mut preview = sub.clone();
        apply(&mut preview, change);
        Ok(preview.to_json())
    }

    /// `POST /v1/subscriptions/:id/cancel_scheduled_changes`
    pub fn cancel_scheduled_changes(&mut self, id: &str) -> Result<Value, ApiError> {
        let sub = self.subscription_mut(id)?;
        if sub.scheduled.take().is_none() {
            return Err(ApiError::bad_request(
                "Subscription does not have any scheduled changes",
            ));
        }
        Ok(sub.to_json())
    }

    /// Applies a scheduled change whose time has come (`subscription.updated`).
    pub(super) fn apply_due_change(&mut self, id: &str) -> Vec<Event> {
        let now = self.now();
        let Some(sub) = self.subscriptions.get_mut(id) else {
            return Vec::new();
        };
        let Some(change) = sub.scheduled.take_if(|c| c.at <= now) else {
            return Vec::new();
        };
        apply(sub, &change);
        vec![Event::new(
            "subscription.updated",
            vec![("subscription", sub.to_json())],
        )]
    }

    /// The `addons` of `POST /v1/subscriptions`: add-ons charged with the first charge.
    /// On a bad add-on the new subscription is removed again, so creation stays atomic.
    pub(super) fn create_upfront_addons(
        &mut self,
        id: &str,
        params: &Params,
    ) -> Result<(), ApiError> {
        let entries = match params.get("addons") {
            None | Some(Value::Null) => return Ok(()),
            Some(Value::Array(entries)) if entries.len() <= 50 => entries.clone(),
            Some(_) => Err(ApiError::invalid_field(
                "addons",
                "The addons must be an array of at most 50 add-ons.",
            ))
            .inspect_err(|_| self.forget_subscription(id))?,
        };
        for entry in entries {
            let result = match entry {
                Value::Object(map) => self.create_addon(id, &map).map(|_| ()),
                _ => Err(ApiError::invalid_field(
                    "addons",
                    "The addons must be an array.",
                )),
            };
            if let Err(error) = result {
                self.forget_subscription(id);
                return Err(error);
            }
        }
        Ok(())
    }

    fn forget_subscription(&mut self, id: &str) {
        self.subscriptions.remove(id);
        self.subscription_ids.retain(|s| s != id);
        let addons: Vec<String> = self.pending_addons(id);
        for addon in addons {
            self.billing.addons.remove(&addon);
            self.billing.addon_ids.retain(|a| *a != addon);
        }
    }
}
