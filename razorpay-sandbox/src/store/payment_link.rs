//! Payment links: `created → partially_paid → paid`, or `cancelled` / `expired`, each paid
//! through an order of its own, with the `payment_link.*` webhooks.

use serde_json::{Map, Value, json};

use super::checkout::{CheckoutMethod, CheckoutRequest, CheckoutResult};
use super::fields::{self, Params};
use super::{Event, Mutation, Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// Razorpay's payment link states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStatus {
    /// Waiting for payment.
    Created,
    /// Part of the amount paid (`accept_partial`).
    PartiallyPaid,
    /// Paid in full.
    Paid,
    /// Cancelled by the merchant.
    Cancelled,
    /// `expire_by` passed before it was paid.
    Expired,
}

impl LinkStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::PartiallyPaid => "partially_paid",
            Self::Paid => "paid",
            Self::Cancelled => "cancelled",
            Self::Expired => "expired",
        }
    }

    fn open(self) -> bool {
        matches!(self, Self::Created | Self::PartiallyPaid)
    }
}

/// One payment link as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct LinkRec {
    pub id: String,
    pub amount: i64,
    pub currency: String,
    pub amount_paid: i64,
    pub accept_partial: bool,
    pub first_min_partial_amount: i64,
    pub description: String,
    pub customer: Map<String, Value>,
    pub notify: Map<String, Value>,
    pub reminder_enable: bool,
    pub reference_id: String,
    pub notes: Map<String, Value>,
    pub expire_by: i64,
    pub expired_at: i64,
    pub cancelled_at: i64,
    pub upi_link: bool,
    pub status: LinkStatus,
    pub order_id: Option<String>,
    /// `(payment_id, amount, method, status, created_at)` of captured payments.
    pub payments: Vec<(String, i64, &'static str, i64)>,
    pub created_at: i64,
    pub updated_at: i64,
    pub user_id: String,
}

impl LinkRec {
    /// The payment link entity as Razorpay's API and webhooks render it.
    pub fn to_json(&self) -> Value {
        let payments = if self.payments.is_empty() {
            Value::Null
        } else {
            Value::Array(
                self.payments
                    .iter()
                    .map(|(id, amount, method, at)| {
                        json!({"amount": amount, "created_at": at, "method": method,
                               "payment_id": id, "status": "captured"})
                    })
                    .collect(),
            )
        };
        json!({
            "accept_partial": self.accept_partial,
            "amount": self.amount,
            "amount_paid": self.amount_paid,
            "cancelled_at": self.cancelled_at,
            "created_at": self.created_at,
            "currency": self.currency,
            "customer": Value::Object(self.customer.clone()),
            "description": self.description,
            "expire_by": self.expire_by,
            "expired_at": self.expired_at,
            "first_min_partial_amount": self.first_min_partial_amount,
            "id": self.id,
            "notes": notes_json(&self.notes),
            "notify": Value::Object(self.notify.clone()),
            "order_id": self.order_id.clone().unwrap_or_default(),
            "payments": payments,
            "reference_id": self.reference_id,
            "reminder_enable": self.reminder_enable,
            "reminders": [],
            "short_url": format!("https://rzp.io/i/{}", &self.id[self.id.len().saturating_sub(7)..]),
            "status": self.status.as_str(),
            "updated_at": self.updated_at,
            "upi_link": self.upi_link,
            "user_id": self.user_id,
        })
    }
}

/// What the browser is redirected back with after paying a link (the callback fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPayment {
    /// `razorpay_payment_id`
    pub payment_id: String,
    /// `razorpay_payment_link_id`
    pub payment_link_id: String,
    /// `razorpay_payment_link_reference_id`
    pub reference_id: String,
    /// `razorpay_payment_link_status`
    pub status: String,
    /// `razorpay_signature`: HMAC-SHA256 of
    /// `payment_link_id|payment_link_reference_id|payment_link_status|payment_id` with the key
    /// secret.
    pub signature: String,
}

impl LinkPayment {
    /// The callback query fields, as Razorpay appends them to the `callback_url`.
    pub fn to_json(&self) -> Value {
        json!({
            "razorpay_payment_id": self.payment_id,
            "razorpay_payment_link_id": self.payment_link_id,
            "razorpay_payment_link_reference_id": self.reference_id,
            "razorpay_payment_link_status": self.status,
            "razorpay_signature": self.signature,
        })
    }
}

const CREATE_FIELDS: &[&str] = &[
    "amount",
    "currency",
    "accept_partial",
    "first_min_partial_amount",
    "description",
    "customer",
    "expire_by",
    "reference_id",
    "notify",
    "reminder_enable",
    "notes",
    "callback_url",
    "callback_method",
    "upi_link",
    "options",
];

/// An optional object parameter whose members are only the given keys.
fn object(params: &Params, field: &str, keys: &[&str]) -> Result<Map<String, Value>, ApiError> {
    match params.get(field) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => {
            fields::reject_unknown(map, keys)?;
            Ok(map.clone())
        }
        Some(_) => Err(ApiError::invalid_field(
            field,
            format!("The {field} must be an array."),
        )),
    }
}

impl Store {
    fn link(&self, id: &str) -> Result<&LinkRec, ApiError> {
        self.links.get(id).ok_or_else(ApiError::id_not_found)
    }

    /// `POST /v1/payment_links`
    pub fn create_payment_link(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, CREATE_FIELDS)?;
        let amount = fields::required_integer(params, "amount")?;
        let mut with_currency = params.clone();
        with_currency
            .entry("currency")
            .or_insert_with(|| json!("INR"));
        let (currency, rule) = fields::currency(&with_currency)?;
        fields::amount_at_least_minimum("amount", amount, &currency, rule)?;
        self.amount_at_most_maximum(amount)?;
        let accept_partial = fields::boolean(params, "accept_partial")?.unwrap_or(false);
        let first_min = fields::integer(params, "first_min_partial_amount")?.unwrap_or(0);
        if first_min != 0 && (!accept_partial || first_min > amount || first_min < 0) {
            return Err(ApiError::invalid_field(
                "first_min_partial_amount",
                "first_min_partial_amount should be less than or equal to amount",
            ));
        }
        let reference_id = fields::string(params, "reference_id")?.unwrap_or_default();
        if reference_id.chars().count() > 40 {
            return Err(ApiError::invalid_field(
                "reference_id",
                "The reference id may not be greater than 40 characters.",
            ));
        }
        if !reference_id.is_empty() && self.links.values().any(|l| l.reference_id == reference_id) {
            return Err(ApiError::bad_request(format!(
                "Payment Link with reference id {reference_id} already exists"
            )));
        }
        let now = self.now();
        let expire_by = fields::integer(params, "expire_by")?.unwrap_or(0);
        if expire_by != 0 && expire_by <= now + 15 * 60 {
            return Err(ApiError::invalid_field(
                "expire_by",
                "expire_by should be at least 15 minutes after current time",
            ));
        }
        let notify = object(params, "notify", &["sms", "email", "whatsapp"])?;
        let link = LinkRec {
            id: new_id("plink"),
            amount,
            currency,
            amount_paid: 0,
            accept_partial,
            first_min_partial_amount: first_min,
            description: fields::string(params, "description")?.unwrap_or_default(),
            customer: object(params, "customer", &["name", "email", "contact"])?,
            notify: if notify.is_empty() {
                [
                    ("email".to_string(), json!(false)),
                    ("sms".to_string(), json!(false)),
                ]
                .into_iter()
                .collect()
            } else {
                notify
            },
            reminder_enable: fields::boolean(params, "reminder_enable")?.unwrap_or(false),
            reference_id,
            notes: fields::notes(params)?,
            expire_by,
            expired_at: 0,
            cancelled_at: 0,
            upi_link: fields::boolean(params, "upi_link")?.unwrap_or(false),
            status: LinkStatus::Created,
            order_id: None,
            payments: Vec::new(),
            created_at: now,
            updated_at: now,
            user_id: String::new(),
        };
        let body = link.to_json();
        self.link_ids.push(link.id.clone());
        self.links.insert(link.id.clone(), link);
        Ok(body)
    }

    /// `GET /v1/payment_links/:id`
    pub fn fetch_payment_link(&self, id: &str) -> Result<Value, ApiError> {
        Ok(self.link(id)?.to_json())
    }

    /// `GET /v1/payment_links`: the `payment_id` and `reference_id` filters and, as on every
    /// list, the `from`/`to`/`count`/`skip` window (the official Node package always sends
    /// `count` and `skip`). The answer is `{"payment_links": […]}`, not a collection.
    pub fn list_payment_links(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &["payment_id", "reference_id"])?;
        let payment_id = fields::string(query, "payment_id")?;
        let reference_id = fields::string(query, "reference_id")?;
        let items = self
            .link_ids
            .iter()
            .rev()
            .filter_map(|id| self.links.get(id))
            .filter(|l| window.contains(l.created_at))
            .filter(|l| reference_id.as_ref().is_none_or(|r| &l.reference_id == r))
            .filter(|l| {
                payment_id
                    .as_ref()
                    .is_none_or(|p| l.payments.iter().any(|(id, ..)| id == p))
            })
            .map(LinkRec::to_json);
        Ok(json!({ "payment_links": window.page(items) }))
    }

    /// `PATCH /v1/payment_links/:id`: `reference_id`, `expire_by`, `reminder_enable`,
    /// `accept_partial`, `notes` of a link not yet paid.
    pub fn edit_payment_link(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(
            params,
            &[
                "reference_id",
                "expire_by",
                "reminder_enable",
                "accept_partial",
                "notes",
            ],
        )?;
        let now = self.now();
        let notes = params
            .contains_key("notes")
            .then(|| fields::notes(params))
            .transpose()?;
        let link = self.links.get_mut(id).ok_or_else(ApiError::id_not_found)?;
        if !link.status.open() {
            return Err(ApiError::bad_request(format!(
                "Update is not allowed for a payment link in {} state",
                link.status.as_str()
            )));
        }
        if let Some(reference_id) = fields::string(params, "reference_id")? {
            link.reference_id = reference_id;
        }
        if let Some(expire_by) = fields::integer(params, "expire_by")? {
            link.expire_by = expire_by;
        }
        if let Some(reminder) = fields::boolean(params, "reminder_enable")? {
            link.reminder_enable = reminder;
        }
        if let Some(partial) = fields::boolean(params, "accept_partial")? {
            link.accept_partial = partial;
        }
        if let Some(notes) = notes {
            link.notes = notes;
        }
        link.updated_at = now;
        Ok(link.to_json())
    }

    /// `POST /v1/payment_links/:id/cancel` (`payment_link.cancelled`).
    pub fn cancel_payment_link(&mut self, id: &str) -> Mutation {
        let now = self.now();
        let link = self.links.get_mut(id).ok_or_else(ApiError::id_not_found)?;
        if !link.status.open() {
            return Err(ApiError::bad_request(format!(
                "Cannot cancel a payment link in {} state",
                link.status.as_str()
            )));
        }
        link.status = LinkStatus::Cancelled;
        link.cancelled_at = now;
        link.updated_at = now;
        let body = link.to_json();
        let event = Event::new(
            "payment_link.cancelled",
            vec![("payment_link", body.clone())],
        );
        Ok((body, vec![event]))
    }

    /// `POST /v1/payment_links/:id/notify_by/:medium`
    pub fn notify_payment_link(&self, id: &str, medium: &str) -> Result<Value, ApiError> {
        let link = self.link(id)?;
        if !matches!(medium, "sms" | "email") {
            return Err(ApiError::invalid_field(
                "medium",
                "not a valid notification medium",
            ));
        }
        if !link.status.open() {
            return Err(ApiError::bad_request(
                "Notification is not allowed for a payment link that is not active",
            ));
        }
        Ok(json!({ "success": true }))
    }

    /// Expires open links whose `expire_by` has passed (`payment_link.expired`).
    pub(super) fn expire_payment_links(&mut self) -> Vec<Event> {
        let now = self.now();
        let mut events = Vec::new();
        for id in &self.link_ids {
            if let Some(link) = self.links.get_mut(id)
                && link.status.open()
                && link.expire_by != 0
                && link.expire_by <= now
            {
                link.status = LinkStatus::Expired;
                link.expired_at = now;
                link.updated_at = now;
                events.push(Event::new(
                    "payment_link.expired",
                    vec![("payment_link", link.to_json())],
                ));
            }
        }
        events
    }

    /// A customer pays a link (sandbox control): the link's order is created on the first
    /// payment, the payment is captured, and `payment_link.partially_paid` or
    /// `payment_link.paid` follows the payment's own events.
    pub fn pay_payment_link(
        &mut self,
        id: &str,
        method: CheckoutMethod,
        amount: Option<i64>,
    ) -> Result<(LinkPayment, Vec<Event>), ApiError> {
        let link = self.link(id)?;
        if !link.status.open() {
            return Err(ApiError::bad_request(format!(
                "The payment link is {}",
                link.status.as_str()
            )));
        }
        let due = link.amount.saturating_sub(link.amount_paid);
        let amount = amount.unwrap_or(due);
        if !link.accept_partial && amount != due {
            return Err(ApiError::invalid_field(
                "amount",
                "The amount must be equal to the payment link amount",
            ));
        }
        if link.amount_paid == 0 && amount < link.first_min_partial_amount {
            return Err(ApiError::invalid_field(
                "amount",
                "The first payment must be at least first_min_partial_amount",
            ));
        }
        let order_id = match &link.order_id {
            Some(order_id) => order_id.clone(),
            None => {
                let (amount, currency, partial) =
                    (link.amount, link.currency.clone(), link.accept_partial);
                let receipt = (!link.reference_id.is_empty()).then(|| link.reference_id.clone());
                let notes = link.notes.clone();
                let order_id = self.internal_order(amount, &currency, partial, receipt, notes);
                if let Some(link) = self.links.get_mut(id) {
                    link.order_id = Some(order_id.clone());
                }
                order_id
            }
        };
        let request = CheckoutRequest::new(&order_id)
            .method(method)
            .amount(amount);
        let (result, mut events) = self.checkout(&request, |_, _| String::new())?;
        let CheckoutResult::Paid {
            razorpay_payment_id: payment_id,
            ..
        } = result
        else {
            return Err(ApiError::server_error());
        };
        let now = self.now();
        let payment_json = self
            .payments
            .get(&payment_id)
            .map(super::PaymentRec::to_webhook_json)
            .unwrap_or_default();
        let order_json = self.fetch_order(&order_id)?;
        let link = self.links.get_mut(id).ok_or_else(ApiError::id_not_found)?;
        link.amount_paid = link.amount_paid.saturating_add(amount);
        link.payments
            .push((payment_id.clone(), amount, method.as_str(), now));
        link.status = if link.amount_paid >= link.amount {
            LinkStatus::Paid
        } else {
            LinkStatus::PartiallyPaid
        };
        link.updated_at = now;
        let name = if link.status == LinkStatus::Paid {
            "payment_link.paid"
        } else {
            "payment_link.partially_paid"
        };
        events.push(Event::new(
            name,
            vec![
                ("payment_link", link.to_json()),
                ("order", order_json),
                ("payment", payment_json),
            ],
        ));
        Ok((
            LinkPayment {
                payment_id,
                payment_link_id: link.id.clone(),
                reference_id: link.reference_id.clone(),
                status: link.status.as_str().to_string(),
                signature: String::new(),
            },
            events,
        ))
    }
}
