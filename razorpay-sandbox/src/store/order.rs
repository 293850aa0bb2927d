//! Orders: `created → attempted → paid`, with `amount_paid`/`amount_due` bookkeeping.

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::{Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// Razorpay's order states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderStatus {
    /// No payment attempted yet.
    Created,
    /// At least one payment was attempted, none has paid the order in full.
    Attempted,
    /// Captured payments cover the order amount.
    Paid,
}

impl OrderStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Attempted => "attempted",
            Self::Paid => "paid",
        }
    }
}

/// One order as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct OrderRec {
    pub id: String,
    pub amount: i64,
    pub currency: String,
    pub receipt: Option<String>,
    pub notes: Map<String, Value>,
    pub status: OrderStatus,
    pub attempts: u32,
    pub amount_paid: i64,
    pub partial_payment: bool,
    pub first_payment_min_amount: Option<i64>,
    /// `payment_capture` given at creation; `None` follows the account setting.
    pub payment_capture: Option<bool>,
    /// Seconds an authorized, uncaptured payment of this order waits before it is refunded
    /// automatically (`payment.capture_options.manual_expiry_period`).
    pub capture_window_secs: i64,
    /// Documented parameters the sandbox keeps and echoes but does not act on
    /// (`method`, `customer_id`, `token`, `bank_account`, `transfers`, …).
    pub passthrough: Map<String, Value>,
    /// `offer_id` given at creation.
    pub offer_id: Option<String>,
    pub created_at: i64,
    pub payment_ids: Vec<String>,
}

impl OrderRec {
    /// What is still to be paid (never negative).
    pub fn amount_due(&self) -> i64 {
        self.amount.saturating_sub(self.amount_paid).max(0)
    }

    /// The order entity exactly as Razorpay's API renders it.
    pub fn to_json(&self) -> Value {
        let mut order = json!({
            "id": self.id,
            "entity": "order",
            "amount": self.amount,
            "amount_paid": self.amount_paid,
            "amount_due": self.amount_due(),
            "currency": self.currency,
            "receipt": self.receipt,
            "offer_id": self.offer_id,
            "status": self.status.as_str(),
            "attempts": self.attempts,
            "notes": notes_json(&self.notes),
            "created_at": self.created_at,
        });
        if let Some(map) = order.as_object_mut() {
            for (key, value) in &self.passthrough {
                map.insert(key.clone(), value.clone());
            }
        }
        if self.partial_payment
            && let Some(map) = order.as_object_mut()
        {
            map.insert("partial_payment".into(), Value::Bool(true));
            map.insert(
                "first_payment_min_amount".into(),
                json!(self.first_payment_min_amount),
            );
        }
        order
    }
}

const CREATE_FIELDS: &[&str] = &[
    "amount",
    "currency",
    "receipt",
    "notes",
    "partial_payment",
    "first_payment_min_amount",
    "payment_capture",
    "payment",
    "offer_id",
    "method",
    "customer_id",
    "token",
    "bank_account",
    "transfers",
    "discount",
    "checkout_config_id",
    "line_items",
    "line_items_total",
];

/// Documented order parameters the sandbox accepts and echoes back without acting on them.
const PASSTHROUGH_FIELDS: &[&str] = &[
    "method",
    "customer_id",
    "token",
    "bank_account",
    "transfers",
    "discount",
    "checkout_config_id",
    "line_items",
    "line_items_total",
];

/// `payment: {capture: "automatic"|"manual", capture_options: {manual_expiry_period, …}}`:
/// the capture setting and the capture window in seconds.
fn payment_options(params: &Params) -> Result<(Option<bool>, Option<i64>), ApiError> {
    let Some(payment) = params.get("payment") else {
        return Ok((None, None));
    };
    let Value::Object(payment) = payment else {
        return Err(ApiError::invalid_field(
            "payment",
            "The payment must be an array.",
        ));
    };
    fields::reject_unknown(payment, &["capture", "capture_options"])?;
    let capture = match fields::string(payment, "capture")?.as_deref() {
        None => None,
        Some("automatic") => Some(true),
        Some("manual") => Some(false),
        Some(_) => {
            return Err(ApiError::invalid_field(
                "payment.capture",
                "The selected payment.capture is invalid.",
            ));
        }
    };
    let window = match payment.get("capture_options") {
        None | Some(Value::Null) => None,
        Some(Value::Object(options)) => {
            fields::reject_unknown(
                options,
                &[
                    "automatic_expiry_period",
                    "manual_expiry_period",
                    "refund_speed",
                ],
            )?;
            let minutes = fields::integer(options, "manual_expiry_period")?;
            match minutes {
                Some(m) if !(12..=7_200).contains(&m) => {
                    return Err(ApiError::invalid_field(
                        "payment.capture_options.manual_expiry_period",
                        "The manual_expiry_period must be between 12 and 7200 minutes.",
                    ));
                }
                Some(m) => Some(m * 60),
                None => None,
            }
        }
        Some(_) => {
            return Err(ApiError::invalid_field(
                "payment.capture_options",
                "The payment.capture_options must be an array.",
            ));
        }
    };
    Ok((capture, window))
}

impl Store {
    /// `POST /v1/orders`
    pub fn create_order(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, CREATE_FIELDS)?;
        let amount = fields::required_integer(params, "amount")?;
        let (currency, rule) = fields::currency(params)?;
        fields::amount_at_least_minimum("amount", amount, &currency, rule)?;
        self.amount_at_most_maximum(amount)?;
        let receipt = fields::receipt(params)?;
        if self.settings.unique_receipts
            && let Some(receipt) = &receipt
            && self
                .orders
                .values()
                .any(|o| o.receipt.as_ref() == Some(receipt))
        {
            return Err(ApiError::invalid_field(
                "receipt",
                "Order receipt should be unique.",
            ));
        }
        let (capture, capture_window) = payment_options(params)?;
        let payment_capture = match (fields::boolean(params, "payment_capture")?, capture) {
            (_, Some(capture)) => Some(capture),
            (legacy, None) => legacy,
        };
        let offer_id = fields::string(params, "offer_id")?;
        let passthrough = params
            .iter()
            .filter(|(key, _)| PASSTHROUGH_FIELDS.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        let notes = fields::notes(params)?;
        let partial_payment = fields::boolean(params, "partial_payment")?.unwrap_or(false);
        let first_payment_min_amount = fields::integer(params, "first_payment_min_amount")?;
        if let Some(first) = first_payment_min_amount {
            if !partial_payment {
                return Err(ApiError::invalid_field(
                    "first_payment_min_amount",
                    "first_payment_min_amount is/are not required and should not be sent",
                ));
            }
            fields::amount_at_least_minimum("first_payment_min_amount", first, &currency, rule)?;
            if first > amount {
                return Err(ApiError::invalid_field(
                    "first_payment_min_amount",
                    "The first_payment_min_amount must be less than or equal to the amount.",
                ));
            }
        }
        let order = OrderRec {
            id: new_id("order"),
            amount,
            currency,
            receipt,
            notes,
            status: OrderStatus::Created,
            attempts: 0,
            amount_paid: 0,
            partial_payment,
            first_payment_min_amount,
            payment_capture,
            capture_window_secs: capture_window.unwrap_or(super::CAPTURE_WINDOW_SECS),
            passthrough,
            offer_id,
            created_at: self.now(),
            payment_ids: Vec::new(),
        };
        let body = order.to_json();
        self.order_ids.push(order.id.clone());
        self.orders.insert(order.id.clone(), order);
        Ok(body)
    }

    /// An order Razorpay creates itself (for a payment link, a subscription invoice):
    /// captured automatically, partial payments as asked. Returns its id.
    pub(super) fn internal_order(
        &mut self,
        amount: i64,
        currency: &str,
        partial_payment: bool,
        receipt: Option<String>,
        notes: Map<String, Value>,
    ) -> String {
        let order = OrderRec {
            id: new_id("order"),
            amount,
            currency: currency.to_string(),
            receipt,
            notes,
            status: OrderStatus::Created,
            attempts: 0,
            amount_paid: 0,
            partial_payment,
            first_payment_min_amount: None,
            payment_capture: Some(true),
            capture_window_secs: super::CAPTURE_WINDOW_SECS,
            passthrough: Map::new(),
            offer_id: None,
            created_at: self.now(),
            payment_ids: Vec::new(),
        };
        let id = order.id.clone();
        self.order_ids.push(id.clone());
        self.orders.insert(id.clone(), order);
        id
    }

    /// Refuses amounts over the account's maximum, with Razorpay's wording.
    pub(super) fn amount_at_most_maximum(&self, amount: i64) -> Result<(), ApiError> {
        if amount > self.settings.max_amount {
            return Err(ApiError::invalid_field(
                "amount",
                "Amount exceeds maximum amount allowed.",
            ));
        }
        Ok(())
    }

    /// `PATCH /v1/orders/:id` — only `notes` can be edited; they replace the old ones.
    pub fn edit_order(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["notes"])?;
        if !params.contains_key("notes") {
            return Err(ApiError::invalid_field(
                "notes",
                "The notes field is required.",
            ));
        }
        let notes = fields::notes(params)?;
        let order = self.orders.get_mut(id).ok_or_else(ApiError::id_not_found)?;
        order.notes = notes;
        Ok(order.to_json())
    }

    /// `GET /v1/orders` with `from`, `to`, `count`, `skip`, `authorized`, `receipt` and, as on
    /// a single order, `expand[]` (`payments`, `payments.card`).
    pub fn list_orders(&self, query: &Params) -> Result<Value, ApiError> {
        let (expand, rest) = fields::split_expand(query, super::ORDER_EXPANDS)?;
        let window = listing::Window::parse(&rest, &["authorized", "receipt"])?;
        let authorized = fields::boolean(&rest, "authorized")?;
        let receipt = fields::string(&rest, "receipt")?;
        let items = self
            .order_ids
            .iter()
            .rev()
            .filter_map(|id| self.orders.get(id))
            .filter(|order| window.contains(order.created_at))
            .filter(|order| {
                receipt
                    .as_ref()
                    .is_none_or(|r| order.receipt.as_ref() == Some(r))
            })
            .filter(|order| {
                authorized.is_none_or(|wanted| self.order_was_authorized(order) == wanted)
            })
            .map(|order| self.order_json_expanded(order, &expand));
        Ok(listing::collection(window.page(items)))
    }

    /// Whether any payment of the order reached `authorized` (and possibly went further).
    fn order_was_authorized(&self, order: &OrderRec) -> bool {
        order
            .payment_ids
            .iter()
            .filter_map(|id| self.payments.get(id))
            .any(|p| p.authorized_at.is_some())
    }
}
