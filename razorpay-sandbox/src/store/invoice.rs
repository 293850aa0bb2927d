//! Standalone invoices: `draft → issued → partially_paid → paid`, or `cancelled`,
//! `expired` (on sandbox time, `invoice.expired`), `deleted` (drafts only). Issuing creates
//! the invoice's order; a sandbox control pays it through the simulated Checkout
//! (`payment.*`, `order.paid`, `invoice.partially_paid` / `invoice.paid`).

use serde_json::{Map, Value, json};

use super::checkout::{CheckoutMethod, CheckoutRequest, CheckoutResult};
use super::customer::CustomerRec;
use super::fields::{self, Params};
use super::{Event, Store, notes_json};
use crate::api_error::ApiError;
use crate::ids::{new_id, random_base62};

/// Most line items one invoice takes (every input is bounded).
const MAX_LINE_ITEMS: usize = 50;
/// Largest quantity on one line.
const MAX_QUANTITY: i64 = 100_000;

/// Parameters of `POST /v1/invoices`; `PATCH` takes the same minus `type` and `draft`.
const CREATE_FIELDS: &[&str] = &[
    "type",
    "draft",
    "description",
    "customer_id",
    "customer",
    "line_items",
    "expire_by",
    "sms_notify",
    "email_notify",
    "partial_payment",
    "first_payment_min_amount",
    "currency",
    "receipt",
    "invoice_number",
    "notes",
    "date",
    "terms",
    "comment",
];

/// Fields one line item takes.
const LINE_FIELDS: &[&str] = &[
    "id",
    "item_id",
    "name",
    "description",
    "amount",
    "currency",
    "quantity",
    "unit",
    "hsn_code",
    "sac_code",
    "tax_rate",
    "tax_inclusive",
    "tax_id",
    "tax_group_id",
];

/// One invoice line.
#[derive(Debug, Clone)]
pub struct LineRec {
    pub id: String,
    pub item_id: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub amount: i64,
    pub currency: String,
    pub quantity: i64,
}

impl LineRec {
    fn gross(&self) -> Option<i64> {
        self.amount.checked_mul(self.quantity)
    }

    fn to_json(&self) -> Value {
        let gross = self.gross().unwrap_or(i64::MAX);
        json!({
            "id": self.id, "item_id": self.item_id, "ref_id": null, "ref_type": null,
            "name": self.name, "description": self.description, "amount": self.amount,
            "unit_amount": self.amount, "gross_amount": gross, "tax_amount": 0,
            "taxable_amount": gross, "net_amount": gross, "currency": self.currency,
            "type": "invoice", "tax_inclusive": false, "hsn_code": null, "sac_code": null,
            "tax_rate": null, "unit": null, "quantity": self.quantity, "taxes": [],
        })
    }
}

/// One standalone invoice.
#[derive(Debug, Clone)]
pub struct InvoiceRec {
    pub id: String,
    pub status: &'static str,
    pub receipt: Option<String>,
    pub invoice_number: Option<String>,
    pub customer_id: Option<String>,
    pub customer_details: Value,
    pub order_id: Option<String>,
    pub lines: Vec<LineRec>,
    pub payment_id: Option<String>,
    pub expire_by: Option<i64>,
    pub issued_at: Option<i64>,
    pub paid_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub expired_at: Option<i64>,
    pub sms_notify: bool,
    pub email_notify: bool,
    pub sms_status: Option<&'static str>,
    pub email_status: Option<&'static str>,
    pub date: Option<i64>,
    pub terms: Option<String>,
    pub comment: Option<String>,
    pub partial_payment: bool,
    pub first_payment_min_amount: Option<i64>,
    pub amount_paid: i64,
    pub currency: String,
    pub description: Option<String>,
    pub notes: Map<String, Value>,
    pub short_url: Option<String>,
    pub created_at: i64,
}

impl InvoiceRec {
    /// Sum of the lines (`None` on overflow).
    fn amount(&self) -> Option<i64> {
        self.lines
            .iter()
            .try_fold(0_i64, |sum, line| sum.checked_add(line.gross()?))
    }

    /// Shaped like Razorpay's invoice samples.
    pub fn to_json(&self) -> Value {
        let amount = self.amount().unwrap_or(i64::MAX);
        let symbol = match self.currency.as_str() {
            "INR" => "₹",
            "USD" | "SGD" => "$",
            "MYR" => "RM",
            other => other,
        };
        json!({
            "id": self.id, "entity": "invoice", "receipt": self.receipt,
            "invoice_number": self.invoice_number, "customer_id": self.customer_id,
            "customer_details": self.customer_details, "order_id": self.order_id,
            "line_items": self.lines.iter().map(LineRec::to_json).collect::<Vec<_>>(),
            "payment_id": self.payment_id, "status": self.status, "expire_by": self.expire_by,
            "issued_at": self.issued_at, "paid_at": self.paid_at,
            "cancelled_at": self.cancelled_at, "expired_at": self.expired_at,
            "sms_status": self.sms_status, "email_status": self.email_status,
            "date": self.date, "terms": self.terms, "partial_payment": self.partial_payment,
            "gross_amount": amount, "tax_amount": 0, "taxable_amount": amount,
            "amount": amount, "amount_paid": self.amount_paid,
            "amount_due": amount.saturating_sub(self.amount_paid), "currency": self.currency,
            "currency_symbol": symbol, "description": self.description,
            "notes": notes_json(&self.notes), "comment": self.comment,
            "short_url": self.short_url, "view_less": true, "billing_start": null,
            "billing_end": null, "type": "invoice", "group_taxes_discounts": false,
            "created_at": self.created_at, "idempotency_key": null,
        })
    }
}

/// What the invoice's payment page hands the `callback_url` after a payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoicePayment {
    /// `razorpay_payment_id`
    pub payment_id: String,
    /// `razorpay_invoice_id`
    pub invoice_id: String,
    /// `razorpay_invoice_receipt` (empty when the invoice has none)
    pub receipt: String,
    /// `razorpay_invoice_status`: `paid` or `partially_paid`
    pub status: String,
    /// `razorpay_signature`: HMAC-SHA256 of `invoice_id|receipt|status|payment_id`.
    pub signature: String,
}

impl InvoicePayment {
    /// The callback fields.
    pub fn to_json(&self) -> Value {
        json!({
            "razorpay_payment_id": self.payment_id,
            "razorpay_invoice_id": self.invoice_id,
            "razorpay_invoice_receipt": self.receipt,
            "razorpay_invoice_status": self.status,
            "razorpay_signature": self.signature,
        })
    }
}

/// A billing or shipping address of an invoice's customer.
fn address(value: Option<&Value>, kind: &str) -> Result<Value, ApiError> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(Value::Null);
    };
    let Value::Object(map) = value else {
        return Err(ApiError::invalid_field(
            kind,
            format!("The {kind} must be an array."),
        ));
    };
    fields::reject_unknown(
        map,
        &["line1", "line2", "zipcode", "city", "state", "country"],
    )?;
    let text = |key: &str| match map.get(key) {
        Some(Value::Number(n)) => Ok(Value::String(n.to_string())),
        Some(Value::String(s)) => Ok(Value::String(s.clone())),
        None | Some(Value::Null) => Ok(Value::Null),
        Some(_) => Err(ApiError::invalid_field(
            key,
            format!("The {key} must be a string."),
        )),
    };
    Ok(json!({
        "id": new_id("addr"), "type": kind, "primary": true, "line1": text("line1")?,
        "line2": text("line2")?, "zipcode": text("zipcode")?, "city": text("city")?,
        "state": text("state")?, "country": text("country")?,
    }))
}

fn customer_details(customer: &CustomerRec, billing: Value, shipping: Value) -> Value {
    json!({
        "id": customer.id, "name": customer.name, "email": customer.email,
        "contact": customer.contact, "gstin": customer.gstin, "billing_address": billing,
        "shipping_address": shipping, "customer_name": customer.name,
        "customer_email": customer.email, "customer_contact": customer.contact,
    })
}

fn phone(map: &Params) -> Result<Option<String>, ApiError> {
    match map.get("contact") {
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        _ => fields::string(map, "contact"),
    }
}

impl Store {
    /// `customer_id` or a `customer` object (a new customer, as Razorpay creates one).
    fn invoice_customer(&mut self, params: &Params) -> Result<Option<(String, Value)>, ApiError> {
        if let Some(id) = fields::string(params, "customer_id")? {
            let customer = self.customers.get(&id).ok_or_else(ApiError::id_not_found)?;
            return Ok(Some((
                id,
                customer_details(customer, Value::Null, Value::Null),
            )));
        }
        let Some(value) = params.get("customer").filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        let Value::Object(map) = value else {
            return Err(ApiError::invalid_field(
                "customer",
                "The customer must be an array.",
            ));
        };
        fields::reject_unknown(
            map,
            &[
                "name",
                "email",
                "contact",
                "gstin",
                "billing_address",
                "shipping_address",
            ],
        )?;
        let customer = CustomerRec {
            id: new_id("cust"),
            name: fields::string(map, "name")?,
            email: fields::string(map, "email")?,
            contact: phone(map)?,
            gstin: fields::string(map, "gstin")?,
            notes: Map::new(),
            created_at: self.now(),
            position: 0,
        };
        let details = customer_details(
            &customer,
            address(map.get("billing_address"), "billing_address")?,
            address(map.get("shipping_address"), "shipping_address")?,
        );
        let id = customer.id.clone();
        self.add_customer(customer);
        Ok(Some((id, details)))
    }

    /// One line: an existing `item_id` (its name and price) or an ad-hoc line.
    fn invoice_line(&self, line: &Value, currency: &str) -> Result<LineRec, ApiError> {
        let Value::Object(map) = line else {
            return Err(ApiError::invalid_field(
                "line_items",
                "The line items must be an array.",
            ));
        };
        fields::reject_unknown(map, LINE_FIELDS)?;
        let quantity = fields::integer(map, "quantity")?.unwrap_or(1);
        if !(1..=MAX_QUANTITY).contains(&quantity) {
            return Err(ApiError::invalid_field(
                "quantity",
                "The quantity must be at least 1.",
            ));
        }
        let (item_id, name, description, amount, line_currency) =
            match fields::string(map, "item_id")? {
                Some(item_id) => {
                    let item = self.item(&item_id)?;
                    (
                        Some(item_id.clone()),
                        item.name.clone(),
                        item.description.clone(),
                        item.amount,
                        item.currency.clone(),
                    )
                }
                None => {
                    let name = fields::string(map, "name")?.ok_or_else(|| {
                        ApiError::invalid_field("name", "The name field is required.")
                    })?;
                    let mut priced = map.clone();
                    priced.entry("currency").or_insert_with(|| json!(currency));
                    let (amount, line_currency) = self.item_amount(&priced)?;
                    (
                        None,
                        name,
                        fields::string(map, "description")?,
                        amount,
                        line_currency,
                    )
                }
            };
        if line_currency != currency {
            return Err(ApiError::invalid_field(
                "currency",
                "Currency of all items should be the same as that of the invoice.",
            ));
        }
        Ok(LineRec {
            id: new_id("li"),
            item_id,
            name,
            description,
            amount,
            currency: line_currency,
            quantity,
        })
    }

    /// Applies `line_items` to `lines`: entries with an `id` edit that line, others add one.
    fn apply_lines(
        &self,
        params: &Params,
        lines: &mut Vec<LineRec>,
        currency: &str,
    ) -> Result<(), ApiError> {
        let entries = match params.get("line_items") {
            None | Some(Value::Null) => return Ok(()),
            Some(Value::Array(entries)) => entries,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "line_items",
                    "The line items must be an array.",
                ));
            }
        };
        if lines.len().saturating_add(entries.len()) > MAX_LINE_ITEMS {
            return Err(ApiError::invalid_field(
                "line_items",
                format!("The line items may not have more than {MAX_LINE_ITEMS} items."),
            ));
        }
        for entry in entries {
            let existing = entry
                .get("id")
                .and_then(Value::as_str)
                .map(|id| {
                    lines
                        .iter()
                        .position(|l| l.id == id)
                        .ok_or_else(ApiError::id_not_found)
                })
                .transpose()?;
            match existing {
                Some(index) => {
                    let Value::Object(map) = entry else { continue };
                    let line = &lines[index];
                    let mut merged: Params = map.clone();
                    merged.remove("id");
                    merged.entry("name").or_insert_with(|| json!(line.name));
                    merged
                        .entry("description")
                        .or_insert_with(|| json!(line.description));
                    merged.entry("amount").or_insert_with(|| json!(line.amount));
                    merged
                        .entry("quantity")
                        .or_insert_with(|| json!(line.quantity));
                    let mut edited = self.invoice_line(&Value::Object(merged), currency)?;
                    edited.id = line.id.clone();
                    lines[index] = edited;
                }
                None => lines.push(self.invoice_line(entry, currency)?),
            }
        }
        Ok(())
    }

    /// Checks the invoice total against the currency minimum and the account maximum.
    fn check_invoice_amount(&self, invoice: &InvoiceRec) -> Result<(), ApiError> {
        let amount = invoice.amount().ok_or_else(|| {
            ApiError::invalid_field("amount", "Amount exceeds maximum amount allowed.")
        })?;
        if let Some(rule) = crate::currency::lookup(&invoice.currency) {
            fields::amount_at_least_minimum("amount", amount, &invoice.currency, rule)?;
        }
        self.amount_at_most_maximum(amount)
    }

    /// Renders the invoice where `GET /v1/invoices[/:id]` reads (next to subscription ones).
    fn publish_invoice(&mut self, invoice: InvoiceRec) -> Value {
        let body = invoice.to_json();
        if !self.invoices.contains_key(&invoice.id) {
            self.invoice_ids.push(invoice.id.clone());
        }
        self.invoices.insert(invoice.id.clone(), body.clone());
        self.billing.invoices.insert(invoice.id.clone(), invoice);
        body
    }

    fn standalone_invoice(&self, id: &str) -> Result<InvoiceRec, ApiError> {
        match self.billing.invoices.get(id) {
            Some(invoice) => Ok(invoice.clone()),
            // A subscription's invoice exists but cannot be changed through these calls.
            None if self.invoices.contains_key(id) => Err(ApiError::bad_request(
                "Operation not allowed for an invoice of a subscription",
            )),
            None => Err(ApiError::id_not_found()),
        }
    }

    /// `POST /v1/invoices`: a draft with `draft: 1`, otherwise issued at once.
    pub fn create_invoice(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, CREATE_FIELDS)?;
        match fields::string(params, "type")?.as_deref() {
            Some("invoice") => {}
            None => {
                return Err(ApiError::invalid_field(
                    "type",
                    "The type field is required.",
                ));
            }
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "type",
                    "The selected type is invalid.",
                ));
            }
        }
        let draft = fields::boolean(params, "draft")?.unwrap_or(false);
        let currency = fields::string(params, "currency")?.unwrap_or_else(|| "INR".into());
        if crate::currency::lookup(&currency).is_none() {
            return Err(ApiError::invalid_field(
                "currency",
                "The selected currency is invalid.",
            ));
        }
        let mut lines = Vec::new();
        self.apply_lines(params, &mut lines, &currency)?;
        if lines.is_empty() {
            return Err(ApiError::invalid_field(
                "line_items",
                "The line items field is required.",
            ));
        }
        let now = self.now();
        let mut invoice = InvoiceRec {
            id: new_id("inv"),
            status: "draft",
            receipt: fields::receipt(params)?,
            invoice_number: fields::string(params, "invoice_number")?,
            customer_id: None,
            customer_details: Value::Null,
            order_id: None,
            lines,
            payment_id: None,
            expire_by: None,
            issued_at: None,
            paid_at: None,
            cancelled_at: None,
            expired_at: None,
            sms_notify: true,
            email_notify: true,
            sms_status: None,
            email_status: None,
            date: fields::integer(params, "date")?,
            terms: None,
            comment: None,
            partial_payment: false,
            first_payment_min_amount: None,
            amount_paid: 0,
            currency,
            description: None,
            notes: Map::new(),
            short_url: None,
            created_at: now,
        };
        self.apply_invoice_fields(&mut invoice, params)?;
        self.check_invoice_amount(&invoice)?;
        if let Some((id, details)) = self.invoice_customer(params)? {
            invoice.customer_id = Some(id);
            invoice.customer_details = details;
        }
        if !draft {
            self.issue(&mut invoice)?;
        }
        Ok(self.publish_invoice(invoice))
    }

    /// The scalar fields `create` and `update` share.
    fn apply_invoice_fields(
        &self,
        invoice: &mut InvoiceRec,
        params: &Params,
    ) -> Result<(), ApiError> {
        if let Some(expire_by) = fields::integer(params, "expire_by")? {
            if expire_by <= self.now() {
                return Err(ApiError::invalid_field(
                    "expire_by",
                    "expire_by should be at least 15 minutes after current time",
                ));
            }
            invoice.expire_by = Some(expire_by);
        }
        if let Some(flag) = fields::boolean(params, "sms_notify")? {
            invoice.sms_notify = flag;
        }
        if let Some(flag) = fields::boolean(params, "email_notify")? {
            invoice.email_notify = flag;
        }
        if let Some(flag) = fields::boolean(params, "partial_payment")? {
            invoice.partial_payment = flag;
        }
        if let Some(min) = fields::integer(params, "first_payment_min_amount")? {
            invoice.first_payment_min_amount = Some(min);
        }
        for (key, slot) in [
            ("description", &mut invoice.description),
            ("terms", &mut invoice.terms),
            ("comment", &mut invoice.comment),
        ] {
            if let Some(value) = fields::string(params, key)? {
                *slot = Some(value);
            }
        }
        if params.contains_key("notes") {
            invoice.notes = fields::notes(params)?;
        }
        Ok(())
    }

    /// `draft → issued`: the invoice gets its order, short URL and notification statuses.
    fn issue(&mut self, invoice: &mut InvoiceRec) -> Result<(), ApiError> {
        if invoice.customer_id.is_none() {
            return Err(ApiError::invalid_field(
                "customer",
                "Customer details are required to issue an invoice.",
            ));
        }
        let amount = invoice.amount().unwrap_or(i64::MAX);
        let order_id = self.internal_order(
            amount,
            &invoice.currency,
            invoice.partial_payment,
            invoice.receipt.clone(),
            Map::new(),
        );
        if let Some(order) = self.orders.get_mut(&order_id) {
            order.first_payment_min_amount = invoice.first_payment_min_amount;
        }
        let now = self.now();
        invoice.order_id = Some(order_id);
        invoice.status = "issued";
        invoice.issued_at = Some(now);
        invoice.date = invoice.date.or(Some(now));
        invoice.short_url = Some(format!("https://rzp.io/i/{}", random_base62(7)));
        invoice.sms_status = invoice.sms_notify.then_some("pending");
        invoice.email_status = invoice.email_notify.then_some("pending");
        Ok(())
    }

    /// `PATCH /v1/invoices/:id` (drafts).
    pub fn update_invoice(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        let allowed: Vec<&str> = CREATE_FIELDS
            .iter()
            .copied()
            .filter(|f| !matches!(*f, "type" | "draft"))
            .collect();
        fields::reject_unknown(params, &allowed)?;
        let mut invoice = self.standalone_invoice(id)?;
        if invoice.status != "draft" {
            return Err(ApiError::bad_request(format!(
                "Invoice cannot be updated as it is in {} status",
                invoice.status
            )));
        }
        if let Some(currency) = fields::string(params, "currency")? {
            if crate::currency::lookup(&currency).is_none() {
                return Err(ApiError::invalid_field(
                    "currency",
                    "The selected currency is invalid.",
                ));
            }
            invoice.currency = currency;
        }
        let currency = invoice.currency.clone();
        self.apply_lines(params, &mut invoice.lines, &currency)?;
        self.apply_invoice_fields(&mut invoice, params)?;
        if params.contains_key("receipt") {
            invoice.receipt = fields::receipt(params)?;
        }
        if let Some(number) = fields::string(params, "invoice_number")? {
            invoice.invoice_number = Some(number);
        }
        if let Some(date) = fields::integer(params, "date")? {
            invoice.date = Some(date);
        }
        self.check_invoice_amount(&invoice)?;
        if let Some((cid, details)) = self.invoice_customer(params)? {
            invoice.customer_id = Some(cid);
            invoice.customer_details = details;
        }
        Ok(self.publish_invoice(invoice))
    }

    /// `POST /v1/invoices/:id/issue`
    pub fn issue_invoice(&mut self, id: &str) -> Result<Value, ApiError> {
        let mut invoice = self.standalone_invoice(id)?;
        if invoice.status != "draft" {
            return Err(ApiError::bad_request(format!(
                "Invoice is not in draft state, it is {}",
                invoice.status
            )));
        }
        self.issue(&mut invoice)?;
        Ok(self.publish_invoice(invoice))
    }

    /// `POST /v1/invoices/:id/cancel` (issued, not yet paid).
    pub fn cancel_invoice(&mut self, id: &str) -> Result<Value, ApiError> {
        let mut invoice = self.standalone_invoice(id)?;
        if invoice.status != "issued" {
            return Err(ApiError::bad_request(format!(
                "Invoice cannot be cancelled as it is in {} status",
                invoice.status
            )));
        }
        invoice.status = "cancelled";
        invoice.cancelled_at = Some(self.now());
        Ok(self.publish_invoice(invoice))
    }

    /// `DELETE /v1/invoices/:id` (drafts): `[]`.
    pub fn delete_invoice(&mut self, id: &str) -> Result<Value, ApiError> {
        let invoice = self.standalone_invoice(id)?;
        if invoice.status != "draft" {
            return Err(ApiError::bad_request(
                "Only an invoice in draft state can be deleted",
            ));
        }
        self.billing.invoices.remove(id);
        self.invoices.remove(id);
        self.invoice_ids.retain(|i| i != id);
        Ok(json!([]))
    }

    /// `POST /v1/invoices/:id/notify_by/:medium` (`sms` or `email`): `{"success": true}`.
    pub fn notify_invoice(&mut self, id: &str, medium: &str) -> Result<Value, ApiError> {
        let mut invoice = self.standalone_invoice(id)?;
        if !matches!(medium, "sms" | "email") {
            return Err(ApiError::invalid_field(
                "medium",
                "not a valid notification medium",
            ));
        }
        if !matches!(invoice.status, "issued" | "partially_paid") {
            return Err(ApiError::bad_request(format!(
                "Notification cannot be sent for an invoice in {} status",
                invoice.status
            )));
        }
        if medium == "sms" {
            invoice.sms_status = Some("sent");
        } else {
            invoice.email_status = Some("sent");
        }
        self.publish_invoice(invoice);
        Ok(json!({ "success": true }))
    }

    /// Sandbox control: the customer pays the invoice (all that is due unless `amount` is
    /// given, for invoices that take partial payments). `sign` signs the callback fields.
    pub fn pay_invoice(
        &mut self,
        id: &str,
        method: CheckoutMethod,
        amount: Option<i64>,
        sign: impl Fn(&str, &str, &str, &str) -> String,
    ) -> Result<(InvoicePayment, Vec<Event>), ApiError> {
        let mut invoice = self.standalone_invoice(id)?;
        let order_id = match (invoice.status, &invoice.order_id) {
            ("issued" | "partially_paid", Some(order_id)) => order_id.clone(),
            (status, _) => {
                return Err(ApiError::bad_request(format!(
                    "Invoice is not payable in {status} status"
                )));
            }
        };
        let mut request = CheckoutRequest::new(&order_id).method(method);
        request.amount = amount;
        let (result, mut events) = self.checkout(&request, |_, _| String::new())?;
        // The control only simulates successful payments, which always answer `Paid`.
        let CheckoutResult::Paid {
            razorpay_payment_id: payment_id,
            ..
        } = result
        else {
            return Err(ApiError::server_error());
        };
        let paid = self.payments.get_mut(&payment_id).map(|p| {
            p.invoice_id = Some(id.to_string());
            p.amount
        });
        // The payment entity in this attempt's webhooks already names its invoice.
        for event in &mut events {
            if let Some(entity) = event
                .payload
                .get_mut("payment")
                .and_then(|p| p.get_mut("entity"))
                .and_then(Value::as_object_mut)
                .filter(|e| e.get("id") == Some(&json!(payment_id)))
            {
                entity.insert("invoice_id".into(), json!(id));
            }
        }
        let now = self.now();
        invoice.amount_paid = invoice.amount_paid.saturating_add(paid.unwrap_or_default());
        invoice.payment_id = Some(payment_id.clone());
        let total = invoice.amount().unwrap_or(i64::MAX);
        let name = if invoice.amount_paid >= total {
            invoice.status = "paid";
            invoice.paid_at = Some(now);
            "invoice.paid"
        } else {
            invoice.status = "partially_paid";
            "invoice.partially_paid"
        };
        let body = self.publish_invoice(invoice.clone());
        let payment_json = self
            .payments
            .get(&payment_id)
            .map(super::PaymentRec::to_webhook_json)
            .unwrap_or_default();
        events.push(Event::new(
            name,
            vec![
                ("payment", payment_json),
                ("order", self.fetch_order(&order_id)?),
                ("invoice", body),
            ],
        ));
        let receipt = invoice.receipt.clone().unwrap_or_default();
        Ok((
            InvoicePayment {
                signature: sign(id, &receipt, invoice.status, &payment_id),
                payment_id,
                invoice_id: id.to_string(),
                receipt,
                status: invoice.status.to_string(),
            },
            events,
        ))
    }

    /// Expires issued invoices whose `expire_by` passed on sandbox time (`invoice.expired`).
    pub(super) fn expire_invoices(&mut self) -> Vec<Event> {
        let now = self.now();
        let mut due: Vec<InvoiceRec> = self
            .billing
            .invoices
            .values()
            .filter(|i| matches!(i.status, "issued" | "partially_paid"))
            .filter(|i| i.expire_by.is_some_and(|at| at <= now))
            .cloned()
            .collect();
        due.sort_by_key(|i| i.created_at);
        let mut events = Vec::new();
        for mut invoice in due {
            invoice.status = "expired";
            invoice.expired_at = Some(now);
            let body = self.publish_invoice(invoice);
            events.push(Event::new("invoice.expired", vec![("invoice", body)]));
        }
        events
    }
}
