//! Plans, subscriptions and the invoices their charges produce: `created → authenticated →
//! active → completed`, `pending`/`halted` after failed charges, `paused`, `cancelled`, with
//! charges run on sandbox time and the `subscription.*` / `invoice.paid` webhooks.

use serde_json::{Map, Value, json};

use super::checkout::{CheckoutFailure, CheckoutMethod, CheckoutOutcome, CheckoutRequest};
use super::fields::{self, Params};
use super::{Event, Mutation, Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// Failed charges after which a subscription is `halted` (Razorpay retries 3 times).
pub const CHARGE_ATTEMPTS: u32 = 4;
/// Sandbox time between retries of a failed charge (Razorpay: about a day).
const RETRY_SECS: i64 = 24 * 60 * 60;

/// One plan.
#[derive(Debug, Clone)]
pub struct PlanRec {
    pub id: String,
    pub period: String,
    pub interval: i64,
    pub item: Value,
    pub amount: i64,
    pub currency: String,
    pub notes: Map<String, Value>,
    pub created_at: i64,
}

impl PlanRec {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id, "entity": "plan", "interval": self.interval, "period": self.period,
            "item": self.item, "notes": notes_json(&self.notes), "created_at": self.created_at,
        })
    }

    /// `at` moved on by `cycles` billing cycles: calendar months for monthly and yearly
    /// plans (a cycle from 31 January ends on the last day of February), as Razorpay bills.
    fn advance(&self, at: i64, cycles: i64) -> i64 {
        let n = self.interval.saturating_mul(cycles);
        match self.period.as_str() {
            "daily" => at.saturating_add(86_400_i64.saturating_mul(n)),
            "weekly" => at.saturating_add((7 * 86_400_i64).saturating_mul(n)),
            "monthly" => super::calendar::add_months(at, n),
            _ => super::calendar::add_months(at, n.saturating_mul(12)),
        }
    }

    /// The first cycle boundary counted from `anchor` (the subscription's start) that is
    /// later than `at`. Counting from the anchor keeps the day of the month: after a short
    /// February the cycles go back to the 31st.
    fn next_boundary(&self, anchor: i64, at: i64) -> i64 {
        // Bounded: no subscription has more than a thousand cycles.
        (1..=10_000)
            .map(|k| self.advance(anchor, k))
            .find(|boundary| *boundary > at)
            .unwrap_or_else(|| self.advance(at, 1))
    }
}

/// One subscription.
#[derive(Debug, Clone)]
pub struct SubscriptionRec {
    pub id: String,
    pub plan_id: String,
    pub customer_id: Option<String>,
    pub status: &'static str,
    pub current_start: Option<i64>,
    pub current_end: Option<i64>,
    pub ended_at: Option<i64>,
    pub quantity: i64,
    pub notes: Map<String, Value>,
    pub charge_at: Option<i64>,
    pub start_at: Option<i64>,
    pub end_at: Option<i64>,
    pub auth_attempts: u32,
    pub total_count: i64,
    pub paid_count: i64,
    pub customer_notify: bool,
    pub created_at: i64,
    pub expire_by: Option<i64>,
    pub offer_id: Option<String>,
    /// Whether the next charges fail (sandbox control).
    pub fail_charges: bool,
    /// A change `PATCH … schedule_change_at: cycle_end` left for the end of the cycle.
    pub scheduled: Option<super::subscription_update::ScheduledChange>,
}

impl SubscriptionRec {
    pub(super) fn to_json(&self) -> Value {
        json!({
            "id": self.id, "entity": "subscription", "plan_id": self.plan_id,
            "customer_id": self.customer_id, "status": self.status,
            "current_start": self.current_start, "current_end": self.current_end,
            "ended_at": self.ended_at, "quantity": self.quantity,
            "notes": notes_json(&self.notes), "charge_at": self.charge_at,
            "start_at": self.start_at, "end_at": self.end_at,
            "auth_attempts": self.auth_attempts, "total_count": self.total_count,
            "paid_count": self.paid_count, "customer_notify": self.customer_notify,
            "created_at": self.created_at, "expire_by": self.expire_by,
            "short_url": format!("https://rzp.io/i/{}", &self.id[self.id.len().saturating_sub(7)..]),
            "has_scheduled_changes": self.scheduled.is_some(),
            "change_scheduled_at": self.scheduled.as_ref().map(|c| c.at), "source": "api",
            "offer_id": self.offer_id,
            "remaining_count": self.total_count.saturating_sub(self.paid_count),
        })
    }

    fn live(&self) -> bool {
        matches!(self.status, "active" | "authenticated" | "pending")
    }
}

/// What Checkout hands the browser after a subscription's authentication payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionAuth {
    /// `razorpay_payment_id`
    pub payment_id: String,
    /// `razorpay_subscription_id`
    pub subscription_id: String,
    /// `razorpay_signature`: HMAC-SHA256 of `payment_id|subscription_id` with the key secret.
    pub signature: String,
}

impl SubscriptionAuth {
    /// The three fields Checkout hands the success handler.
    pub fn to_json(&self) -> Value {
        json!({
            "razorpay_payment_id": self.payment_id,
            "razorpay_subscription_id": self.subscription_id,
            "razorpay_signature": self.signature,
        })
    }
}

/// The invoice of a successful charge (the sandbox only issues paid ones).
fn invoice_json(
    id: &str,
    sub: &SubscriptionRec,
    amount: i64,
    currency: &str,
    order_id: &str,
    payment_id: &str,
    at: i64,
) -> Value {
    json!({
        "id": id, "entity": "invoice", "receipt": null, "invoice_number": null,
        "customer_id": sub.customer_id, "order_id": order_id, "subscription_id": sub.id,
        "line_items": [], "payment_id": payment_id,
        "status": "paid",
        "expire_by": null, "issued_at": at, "paid_at": at,
        "cancelled_at": null, "expired_at": null, "sms_status": null, "email_status": null,
        "date": at, "terms": null, "partial_payment": false, "gross_amount": amount,
        "tax_amount": 0, "taxable_amount": 0, "amount": amount,
        "amount_paid": amount, "amount_due": 0,
        "currency": currency, "description": null, "notes": [], "comment": null,
        "short_url": null, "billing_start": sub.current_start, "billing_end": sub.current_end,
        "type": "invoice", "created_at": at,
    })
}

impl Store {
    /// `POST /v1/plans`
    pub fn create_plan(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["period", "interval", "item", "notes"])?;
        let period = fields::string(params, "period")?
            .ok_or_else(|| ApiError::invalid_field("period", "The period field is required."))?;
        if !matches!(period.as_str(), "daily" | "weekly" | "monthly" | "yearly") {
            return Err(ApiError::invalid_field(
                "period",
                "The selected period is invalid.",
            ));
        }
        let interval = fields::required_integer(params, "interval")?;
        if !(1..=365).contains(&interval) || (period == "daily" && interval < 7) {
            return Err(ApiError::invalid_field(
                "interval",
                "The interval is invalid for the period.",
            ));
        }
        let Some(Value::Object(item)) = params.get("item") else {
            return Err(ApiError::invalid_field(
                "item",
                "The item field is required.",
            ));
        };
        fields::reject_unknown(item, &["name", "amount", "currency", "description"])?;
        let name = fields::string(item, "name")?
            .ok_or_else(|| ApiError::invalid_field("item.name", "The name field is required."))?;
        let amount = fields::required_integer(item, "amount")?;
        let (currency, rule) = fields::currency(item)?;
        fields::amount_at_least_minimum("amount", amount, &currency, rule)?;
        self.amount_at_most_maximum(amount)?;
        let now = self.now();
        let plan = PlanRec {
            id: new_id("plan"),
            item: json!({
                "id": new_id("item"), "active": true, "name": name,
                "description": fields::string(item, "description")?, "amount": amount,
                "unit_amount": amount, "currency": currency, "type": "plan", "unit": null,
                "tax_inclusive": false, "hsn_code": null, "sac_code": null, "tax_rate": null,
                "tax_id": null, "tax_group_id": null, "created_at": now, "updated_at": now,
            }),
            period,
            interval,
            amount,
            currency,
            notes: fields::notes(params)?,
            created_at: now,
        };
        let body = plan.to_json();
        self.plan_ids.push(plan.id.clone());
        self.plans.insert(plan.id.clone(), plan);
        Ok(body)
    }

    /// `GET /v1/plans/:id`
    pub fn fetch_plan(&self, id: &str) -> Result<Value, ApiError> {
        self.plans
            .get(id)
            .map(PlanRec::to_json)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/plans`
    pub fn list_plans(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let items = self
            .plan_ids
            .iter()
            .rev()
            .filter_map(|id| self.plans.get(id))
            .filter(|p| window.contains(p.created_at))
            .map(PlanRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `POST /v1/subscriptions`
    pub fn create_subscription(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(
            params,
            &[
                "plan_id",
                "total_count",
                "quantity",
                "start_at",
                "expire_by",
                "customer_notify",
                "addons",
                "notes",
                "offer_id",
                "customer_id",
            ],
        )?;
        let plan_id = fields::string(params, "plan_id")?
            .ok_or_else(|| ApiError::invalid_field("plan_id", "The plan id field is required."))?;
        if !self.plans.contains_key(&plan_id) {
            return Err(ApiError::id_not_found());
        }
        let total_count = fields::required_integer(params, "total_count")?;
        if !(1..=1_000).contains(&total_count) {
            return Err(ApiError::invalid_field(
                "total_count",
                "The total count must be between 1 and 1000.",
            ));
        }
        let quantity = fields::integer(params, "quantity")?.unwrap_or(1);
        if !(1..=1_000).contains(&quantity) {
            return Err(ApiError::invalid_field(
                "quantity",
                "The quantity must be at least 1.",
            ));
        }
        let now = self.now();
        let start_at = fields::integer(params, "start_at")?;
        if start_at.is_some_and(|at| at < now) {
            return Err(ApiError::invalid_field(
                "start_at",
                "start_at cannot be lesser than the current time.",
            ));
        }
        let sub = SubscriptionRec {
            id: new_id("sub"),
            plan_id,
            customer_id: fields::string(params, "customer_id")?,
            status: "created",
            current_start: None,
            current_end: None,
            ended_at: None,
            quantity,
            notes: fields::notes(params)?,
            charge_at: Some(start_at.unwrap_or(now)),
            start_at: Some(start_at.unwrap_or(now)),
            end_at: None,
            auth_attempts: 0,
            total_count,
            paid_count: 0,
            customer_notify: fields::boolean(params, "customer_notify")?.unwrap_or(true),
            created_at: now,
            expire_by: fields::integer(params, "expire_by")?,
            offer_id: fields::string(params, "offer_id")?,
            fail_charges: false,
            scheduled: None,
        };
        let (id, body) = (sub.id.clone(), sub.to_json());
        self.subscription_ids.push(id.clone());
        self.subscriptions.insert(id.clone(), sub);
        // Upfront `addons` are add-ons charged with the first charge.
        self.create_upfront_addons(&id, params)?;
        Ok(body)
    }

    pub(super) fn subscription_mut(&mut self, id: &str) -> Result<&mut SubscriptionRec, ApiError> {
        self.subscriptions
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/subscriptions/:id`
    pub fn fetch_subscription(&self, id: &str) -> Result<Value, ApiError> {
        self.subscriptions
            .get(id)
            .map(SubscriptionRec::to_json)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/subscriptions` (`plan_id` filter)
    pub fn list_subscriptions(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &["plan_id"])?;
        let plan_id = fields::string(query, "plan_id")?;
        let items = self
            .subscription_ids
            .iter()
            .rev()
            .filter_map(|id| self.subscriptions.get(id))
            .filter(|s| plan_id.as_ref().is_none_or(|p| &s.plan_id == p))
            .filter(|s| window.contains(s.created_at))
            .map(SubscriptionRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// The customer authenticates the mandate through Checkout (sandbox control): an
    /// authentication payment, `subscription.authenticated`, then the first charge at once
    /// when the subscription starts now. `sign` signs `payment_id|subscription_id`.
    pub fn authenticate_subscription(
        &mut self,
        id: &str,
        method: CheckoutMethod,
        sign: impl Fn(&str, &str) -> String,
    ) -> Result<(SubscriptionAuth, Vec<Event>), ApiError> {
        let now = self.now();
        let sub = self
            .subscriptions
            .get(id)
            .ok_or_else(ApiError::id_not_found)?;
        if sub.status != "created" {
            return Err(ApiError::bad_request(format!(
                "Subscription is not in created state, it is {}",
                sub.status
            )));
        }
        let plan = self
            .plans
            .get(&sub.plan_id)
            .cloned()
            .ok_or_else(ApiError::id_not_found)?;
        // The authentication payment: the first charge when the subscription starts now
        // (Razorpay charges it with the mandate), a token amount otherwise.
        let immediate = sub.start_at.is_none_or(|at| at <= now);
        let amount = if immediate {
            plan.amount
                .saturating_mul(sub.quantity)
                .saturating_add(self.pending_addons_total(id))
        } else {
            100
        };
        let (payment_id, mut events) = self.charge(amount, &plan.currency, method, true)?;
        let sub = self.subscription_mut(id)?;
        sub.status = "authenticated";
        let mut pending = vec![Event::new(
            "subscription.authenticated",
            vec![("subscription", sub.to_json())],
        )];
        if immediate {
            pending.extend(self.record_charge(id, &plan, &payment_id)?);
        }
        events.extend(pending);
        Ok((
            SubscriptionAuth {
                signature: sign(&payment_id, id),
                payment_id,
                subscription_id: id.to_string(),
            },
            events,
        ))
    }

    /// A payment for a subscription through an order of its own.
    fn charge(
        &mut self,
        amount: i64,
        currency: &str,
        method: CheckoutMethod,
        succeed: bool,
    ) -> Result<(String, Vec<Event>), ApiError> {
        let order_id = self.internal_order(amount, currency, false, None, Map::new());
        let outcome = if succeed {
            CheckoutOutcome::Success
        } else {
            CheckoutOutcome::Failure(CheckoutFailure::default())
        };
        let request = CheckoutRequest::new(&order_id)
            .method(method)
            .outcome(outcome);
        let (result, events) = self.checkout(&request, |_, _| String::new())?;
        let payment_id = result.payment_id().to_string();
        Ok((payment_id, events))
    }

    /// Books a successful charge: an invoice, the cycle moved on, `subscription.activated`
    /// (first charge), `subscription.charged`, `invoice.paid`, `subscription.completed`.
    fn record_charge(
        &mut self,
        id: &str,
        plan: &PlanRec,
        payment_id: &str,
    ) -> Result<Vec<Event>, ApiError> {
        let now = self.now();
        let invoice_id = new_id("inv");
        let (order_id, amount, currency) = {
            let payment = self
                .payments
                .get_mut(payment_id)
                .ok_or_else(ApiError::id_not_found)?;
            payment.invoice_id = Some(invoice_id.clone());
            (
                payment.order_id.clone(),
                payment.amount,
                payment.currency.clone(),
            )
        };
        let payment_json = self
            .payments
            .get(payment_id)
            .map(super::PaymentRec::to_webhook_json)
            .unwrap_or_default();
        let order_json = self.fetch_order(&order_id)?;
        let quantity = self.subscriptions.get(id).map_or(1, |s| s.quantity);
        let mut lines = vec![super::subscription_update::plan_line(plan, quantity)];
        lines.extend(self.bill_addons(id, &invoice_id));
        let sub = self.subscription_mut(id)?;
        let first = sub.paid_count == 0;
        let start = sub.charge_at.unwrap_or(now);
        let anchor = sub.start_at.unwrap_or(start);
        sub.current_start = Some(start);
        sub.current_end = Some(plan.next_boundary(anchor, start));
        sub.paid_count = sub.paid_count.saturating_add(1);
        sub.auth_attempts = 0;
        sub.status = "active";
        sub.end_at = Some(plan.advance(anchor, sub.total_count));
        sub.charge_at = sub.current_end;
        let mut events = Vec::new();
        if first {
            events.push(Event::new(
                "subscription.activated",
                vec![("subscription", sub.to_json())],
            ));
        }
        let mut invoice = invoice_json(
            &invoice_id,
            sub,
            amount,
            &currency,
            &order_id,
            payment_id,
            now,
        );
        invoice["line_items"] = Value::Array(lines);
        events.push(Event::new(
            "subscription.charged",
            vec![
                ("subscription", sub.to_json()),
                ("payment", payment_json.clone()),
            ],
        ));
        if sub.paid_count >= sub.total_count {
            sub.status = "completed";
            sub.ended_at = Some(now);
            sub.charge_at = None;
            events.push(Event::new(
                "subscription.completed",
                vec![("subscription", sub.to_json())],
            ));
        }
        events.push(Event::new(
            "invoice.paid",
            vec![
                ("invoice", invoice.clone()),
                ("order", order_json),
                ("payment", payment_json),
            ],
        ));
        self.invoice_ids.push(invoice_id.clone());
        self.invoices.insert(invoice_id, invoice);
        Ok(events)
    }

    /// Charges subscriptions whose `charge_at` has passed (sandbox time); failed charges
    /// make them `pending`, then `halted` after [`CHARGE_ATTEMPTS`].
    pub(super) fn charge_due_subscriptions(&mut self) -> Vec<Event> {
        let now = self.now();
        let due: Vec<String> = self
            .subscription_ids
            .iter()
            .filter(|id| {
                self.subscriptions.get(*id).is_some_and(|s| {
                    matches!(s.status, "active" | "pending" | "authenticated")
                        && s.charge_at.is_some_and(|at| at <= now)
                })
            })
            .cloned()
            .collect();
        let mut events = Vec::new();
        for id in due {
            // A change scheduled for the cycle's end applies before the cycle is charged.
            events.extend(self.apply_due_change(&id));
            let Some(sub) = self.subscriptions.get(&id) else {
                continue;
            };
            let Some(plan) = self.plans.get(&sub.plan_id).cloned() else {
                continue;
            };
            let amount = plan
                .amount
                .saturating_mul(sub.quantity)
                .saturating_add(self.pending_addons_total(&id));
            let succeed = !sub.fail_charges;
            let Ok((payment_id, charge_events)) =
                self.charge(amount, &plan.currency, CheckoutMethod::Card, succeed)
            else {
                continue;
            };
            events.extend(charge_events);
            if succeed {
                events.extend(
                    self.record_charge(&id, &plan, &payment_id)
                        .unwrap_or_default(),
                );
                continue;
            }
            if let Some(sub) = self.subscriptions.get_mut(&id) {
                sub.auth_attempts = sub.auth_attempts.saturating_add(1);
                if sub.auth_attempts >= CHARGE_ATTEMPTS {
                    sub.status = "halted";
                    sub.charge_at = None;
                    events.push(Event::new(
                        "subscription.halted",
                        vec![("subscription", sub.to_json())],
                    ));
                } else {
                    sub.status = "pending";
                    sub.charge_at = Some(now.saturating_add(RETRY_SECS));
                    events.push(Event::new(
                        "subscription.pending",
                        vec![("subscription", sub.to_json())],
                    ));
                }
            }
        }
        events
    }

    /// Sandbox control: make the subscription's next charges fail (or succeed again).
    pub fn set_subscription_charges_fail(
        &mut self,
        id: &str,
        fail: bool,
    ) -> Result<Value, ApiError> {
        let sub = self.subscription_mut(id)?;
        sub.fail_charges = fail;
        Ok(sub.to_json())
    }

    /// `POST /v1/subscriptions/:id/cancel` (`cancel_at_cycle_end` is accepted; the sandbox
    /// cancels at once either way unless it is `1`, when it ends after the current cycle).
    pub fn cancel_subscription(&mut self, id: &str, params: &Params) -> Mutation {
        fields::reject_unknown(params, &["cancel_at_cycle_end"])?;
        let at_cycle_end = fields::boolean(params, "cancel_at_cycle_end")?.unwrap_or(false);
        let now = self.now();
        let sub = self.subscription_mut(id)?;
        if !sub.live()
            && sub.status != "created"
            && sub.status != "halted"
            && sub.status != "paused"
        {
            return Err(ApiError::bad_request(format!(
                "Subscription cannot be cancelled since it is already {}",
                sub.status
            )));
        }
        if at_cycle_end && sub.status == "active" {
            // Razorpay keeps it active until the cycle ends: no further charge.
            sub.total_count = sub.paid_count;
            return Ok((sub.to_json(), Vec::new()));
        }
        sub.status = "cancelled";
        sub.ended_at = Some(now);
        sub.charge_at = None;
        let body = sub.to_json();
        Ok((
            body.clone(),
            vec![Event::new(
                "subscription.cancelled",
                vec![("subscription", body)],
            )],
        ))
    }

    /// `POST /v1/subscriptions/:id/pause` and `/resume` (`pause_at`/`resume_at`: `now`).
    pub fn pause_subscription(&mut self, id: &str, params: &Params, pause: bool) -> Mutation {
        let field = if pause { "pause_at" } else { "resume_at" };
        fields::reject_unknown(params, &[field])?;
        if fields::string(params, field)?.is_some_and(|v| v != "now") {
            return Err(ApiError::invalid_field(
                field,
                format!("The selected {field} is invalid."),
            ));
        }
        let now = self.now();
        let plan = self
            .subscriptions
            .get(id)
            .and_then(|sub| self.plans.get(&sub.plan_id))
            .cloned();
        let sub = self.subscription_mut(id)?;
        let (from, to, name) = if pause {
            ("active", "paused", "subscription.paused")
        } else {
            ("paused", "active", "subscription.resumed")
        };
        if sub.status != from {
            return Err(ApiError::bad_request(format!(
                "Subscription is not {from}, it is {}",
                sub.status
            )));
        }
        sub.status = to;
        // Cycles that passed while paused are skipped: the next charge is at the first cycle
        // boundary after the resume.
        if !pause && let (Some(at), Some(plan)) = (sub.charge_at.filter(|at| *at <= now), plan) {
            sub.charge_at = Some(plan.next_boundary(sub.start_at.unwrap_or(at), now));
        }
        let body = sub.to_json();
        Ok((
            body.clone(),
            vec![Event::new(name, vec![("subscription", body)])],
        ))
    }

    /// `GET /v1/invoices/:id`
    pub fn fetch_invoice(&self, id: &str) -> Result<Value, ApiError> {
        self.invoices
            .get(id)
            .cloned()
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/invoices` (`type`, `payment_id`, `receipt`, `customer_id`,
    /// `subscription_id` filters), subscription and standalone invoices alike.
    pub fn list_invoices(&self, query: &Params) -> Result<Value, ApiError> {
        const FILTERS: [&str; 5] = [
            "type",
            "payment_id",
            "receipt",
            "customer_id",
            "subscription_id",
        ];
        let window = listing::Window::parse(query, &FILTERS)?;
        let mut filters = Vec::new();
        for key in FILTERS {
            if let Some(value) = fields::string(query, key)? {
                filters.push((key, value));
            }
        }
        let items = self
            .invoice_ids
            .iter()
            .rev()
            .filter_map(|id| self.invoices.get(id))
            .filter(|i| filters.iter().all(|(key, value)| i[*key] == json!(value)))
            .filter(|i| window.contains(i["created_at"].as_i64().unwrap_or_default()))
            .cloned();
        Ok(listing::collection(window.page(items)))
    }
}
