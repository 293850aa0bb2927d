//! Virtual accounts (Smart Collect): an account number and/or UPI id a customer pays into by
//! bank transfer or UPI, `active → closed` (on demand or when `close_by` passes). Allowed
//! payers (TPV) restrict who may pay. A sandbox control stands in for the customer's bank:
//! a captured payment and `virtual_account.credited` with the transfer's details.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::{Event, Mutation, Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::{new_id, random_base62, random_digits};

/// The receiver kinds Razorpay creates.
const RECEIVER_TYPES: &[&str] = &["bank_account", "vpa", "qr_code"];

/// Largest number of allowed payers kept per account (bounded, like every remembered set).
pub const MAX_ALLOWED_PAYERS: usize = 10;

/// One virtual account as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct VirtualAccountRec {
    id: String,
    name: String,
    open: bool,
    description: Option<String>,
    amount_expected: Option<i64>,
    notes: Map<String, Value>,
    amount_paid: i64,
    customer_id: Option<String>,
    receivers: Vec<Value>,
    allowed_payers: Vec<Value>,
    close_by: Option<i64>,
    closed_at: Option<i64>,
    payment_ids: Vec<String>,
    created_at: i64,
}

impl VirtualAccountRec {
    /// The virtual account entity as Razorpay's API and webhooks render it.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "entity": "virtual_account",
            "status": if self.open { "active" } else { "closed" },
            "description": self.description,
            "amount_expected": self.amount_expected,
            "notes": notes_json(&self.notes),
            "amount_paid": self.amount_paid,
            "customer_id": self.customer_id,
            "receivers": self.receivers,
            "allowed_payers": self.allowed_payers,
            "close_by": self.close_by,
            "closed_at": self.closed_at,
            "created_at": self.created_at,
        })
    }

    fn has_receiver(&self, kind: &str) -> bool {
        self.receivers.iter().any(|r| r["entity"] == kind)
    }
}

/// The virtual accounts of one account, and the transfers that paid them.
#[derive(Debug, Default)]
pub struct VirtualAccounts {
    by_id: HashMap<String, VirtualAccountRec>,
    ids: Vec<String>,
    /// Payment id → its `bank_transfer` (or `upi_transfer`) entity.
    transfers: HashMap<String, Value>,
}

/// The receivers asked for by `{"types": [...], "vpa": {"descriptor": ...}}`.
fn receivers(params: &Params, name: &str, now: i64) -> Result<Vec<Value>, ApiError> {
    let spec = match params.get("receivers") {
        Some(Value::Object(spec)) => spec,
        None | Some(Value::Null) => {
            return Err(ApiError::invalid_field(
                "receivers",
                "The receivers field is required.",
            ));
        }
        Some(_) => {
            return Err(ApiError::invalid_field(
                "receivers",
                "The receivers must be an array.",
            ));
        }
    };
    fields::reject_unknown(spec, &["types", "vpa", "qr_code"])?;
    let types: Vec<&str> = match spec.get("types") {
        Some(Value::Array(types)) if !types.is_empty() => types
            .iter()
            .map(Value::as_str)
            .collect::<Option<_>>()
            .ok_or_else(|| ApiError::invalid_field("types", "The types must be strings."))?,
        _ => {
            return Err(ApiError::invalid_field(
                "types",
                "The receivers.types field is required.",
            ));
        }
    };
    let mut out: Vec<Value> = Vec::new();
    for kind in types {
        if !RECEIVER_TYPES.contains(&kind) {
            return Err(ApiError::invalid_field(
                "types",
                format!("Invalid receiver type: {kind}"),
            ));
        }
        if out.iter().any(|r| r["entity"] == kind) {
            continue;
        }
        out.push(match kind {
            "bank_account" => json!({
                "id": new_id("ba"), "entity": "bank_account", "ifsc": "RATN0VAAPIS",
                "bank_name": "RBL Bank", "name": name, "notes": [],
                "account_number": format!("2223330{}", random_digits(9)),
            }),
            "vpa" => {
                let descriptor = spec
                    .get("vpa")
                    .and_then(|v| v.get("descriptor"))
                    .and_then(Value::as_str)
                    .map_or_else(|| random_base62(10).to_ascii_lowercase(), str::to_string);
                if !(descriptor.len() <= 20
                    && descriptor.bytes().all(|b| b.is_ascii_alphanumeric()))
                {
                    return Err(ApiError::invalid_field(
                        "descriptor",
                        "The descriptor must be alphanumeric and at most 20 characters.",
                    ));
                }
                let username = format!("rpy.payto00000{descriptor}");
                json!({
                    "id": new_id("vpa"), "entity": "vpa", "username": username,
                    "handle": "icici", "address": format!("{username}@icici"),
                })
            }
            _ => {
                let reference = random_base62(14);
                json!({
                    "id": format!("qr_{reference}"), "entity": "qr_code", "reference": reference,
                    "short_url": format!("https://rzp.io/i/{}", random_base62(7)),
                    "created_at": now,
                })
            }
        });
    }
    Ok(out)
}

/// One allowed payer: `{"type": "bank_account", "bank_account": {"ifsc", "account_number"}}`.
fn allowed_payer(value: &Value) -> Result<Value, ApiError> {
    let invalid = || {
        ApiError::invalid_field(
            "allowed_payers",
            "An allowed payer is a bank_account with ifsc and account_number.",
        )
    };
    let payer = value.as_object().ok_or_else(invalid)?;
    fields::reject_unknown(payer, &["type", "bank_account"])?;
    if payer.get("type").and_then(Value::as_str) != Some("bank_account") {
        return Err(ApiError::invalid_field(
            "type",
            "The selected type is invalid.",
        ));
    }
    let account = payer
        .get("bank_account")
        .and_then(Value::as_object)
        .ok_or_else(invalid)?;
    fields::reject_unknown(account, &["ifsc", "account_number"])?;
    let (Some(ifsc), Some(number)) = (
        fields::string(account, "ifsc")?,
        fields::string(account, "account_number")?,
    ) else {
        return Err(invalid());
    };
    Ok(json!({
        "type": "bank_account", "id": new_id("ba"),
        "bank_account": { "ifsc": ifsc, "account_number": number },
    }))
}

fn same_payer(a: &Value, b: &Value) -> bool {
    a["bank_account"]["ifsc"] == b["bank_account"]["ifsc"]
        && a["bank_account"]["account_number"] == b["bank_account"]["account_number"]
}

const CREATE_FIELDS: &[&str] = &[
    "receivers",
    "allowed_payers",
    "description",
    "customer_id",
    "name",
    "notes",
    "close_by",
    "amount_expected",
];

impl Store {
    fn virtual_account(&self, id: &str) -> Result<&VirtualAccountRec, ApiError> {
        self.money
            .virtual_accounts
            .by_id
            .get(id)
            .ok_or_else(ApiError::id_not_found)
    }

    fn virtual_account_mut(&mut self, id: &str) -> Result<&mut VirtualAccountRec, ApiError> {
        self.money
            .virtual_accounts
            .by_id
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `POST /v1/virtual_accounts`
    pub fn create_virtual_account(&mut self, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, CREATE_FIELDS)?;
        let name = fields::string(params, "name")?.unwrap_or_else(|| "Acme Corp".into());
        let now = self.now();
        let receivers = receivers(params, &name, now)?;
        let allowed_payers = match params.get("allowed_payers") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(payers)) if payers.len() <= MAX_ALLOWED_PAYERS => {
                payers.iter().map(allowed_payer).collect::<Result<_, _>>()?
            }
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "allowed_payers",
                    format!("The allowed_payers must be an array of at most {MAX_ALLOWED_PAYERS}."),
                ));
            }
        };
        let amount_expected = fields::integer(params, "amount_expected")?;
        if let Some(amount) = amount_expected {
            if amount < 100 {
                return Err(ApiError::invalid_field(
                    "amount_expected",
                    "The amount expected must be at least 100.",
                ));
            }
            self.amount_at_most_maximum(amount)?;
        }
        let customer_id = fields::string(params, "customer_id")?;
        if let Some(customer) = &customer_id {
            self.fetch_customer(customer)?;
        }
        let account = VirtualAccountRec {
            id: new_id("va"),
            name,
            open: true,
            description: fields::string(params, "description")?,
            amount_expected,
            notes: fields::notes(params)?,
            amount_paid: 0,
            customer_id,
            receivers,
            allowed_payers,
            close_by: self.close_by(params)?,
            closed_at: None,
            payment_ids: Vec::new(),
            created_at: now,
        };
        let body = account.to_json();
        let book = &mut self.money.virtual_accounts;
        book.ids.push(account.id.clone());
        book.by_id.insert(account.id.clone(), account);
        Ok(body)
    }

    /// `GET /v1/virtual_accounts/:id`
    pub fn fetch_virtual_account(&self, id: &str) -> Result<Value, ApiError> {
        Ok(self.virtual_account(id)?.to_json())
    }

    /// `GET /v1/virtual_accounts` with the window, newest first.
    pub fn list_virtual_accounts(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let book = &self.money.virtual_accounts;
        let items = book
            .ids
            .iter()
            .rev()
            .filter_map(|id| book.by_id.get(id))
            .filter(|a| window.contains(a.created_at))
            .map(VirtualAccountRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `GET /v1/virtual_accounts/:id/payments`, newest first.
    pub fn virtual_account_payments(&self, id: &str, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let items = self
            .virtual_account(id)?
            .payment_ids
            .iter()
            .rev()
            .filter_map(|pid| self.payments.get(pid))
            .filter(|p| window.contains(p.created_at))
            .map(super::PaymentRec::to_json);
        Ok(listing::collection(window.page(items)))
    }

    /// `GET /v1/payments/:id/bank_transfer`
    pub fn payment_bank_transfer(&self, payment_id: &str) -> Result<Value, ApiError> {
        self.payment(payment_id)?;
        self.money
            .virtual_accounts
            .transfers
            .get(payment_id)
            .filter(|t| t["entity"] == "bank_transfer")
            .cloned()
            .ok_or_else(|| ApiError::bad_request("The payment is not a bank transfer"))
    }

    /// `POST /v1/virtual_accounts/:id/close` (`virtual_account.closed`).
    pub fn close_virtual_account(&mut self, id: &str) -> Mutation {
        let now = self.now();
        let account = self.virtual_account_mut(id)?;
        if !account.open {
            return Err(ApiError::bad_request(
                "The virtual account is already closed",
            ));
        }
        account.open = false;
        account.closed_at = Some(now);
        let body = account.to_json();
        Ok((
            body.clone(),
            vec![Event::new(
                "virtual_account.closed",
                vec![("virtual_account", body)],
            )],
        ))
    }

    /// `POST /v1/virtual_accounts/:id/receivers`: adds receiver types the account lacks.
    pub fn add_virtual_account_receivers(
        &mut self,
        id: &str,
        params: &Params,
    ) -> Result<Value, ApiError> {
        fields::reject_unknown(params, &["types", "vpa", "qr_code"])?;
        let now = self.now();
        let account = self.virtual_account(id)?;
        if !account.open {
            return Err(ApiError::bad_request(
                "Receivers cannot be added to a closed virtual account",
            ));
        }
        let mut wrapped = Params::new();
        wrapped.insert("receivers".into(), Value::Object(params.clone()));
        let added = receivers(&wrapped, &account.name, now)?;
        if let Some(kind) = added
            .iter()
            .map(|r| r["entity"].as_str().unwrap_or_default())
            .find(|kind| account.has_receiver(kind))
        {
            return Err(ApiError::bad_request(format!(
                "The virtual account already has a {kind} receiver"
            )));
        }
        let account = self.virtual_account_mut(id)?;
        account.receivers.extend(added);
        Ok(account.to_json())
    }

    /// `POST /v1/virtual_accounts/:id/allowed_payers`
    pub fn add_allowed_payer(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        let payer = allowed_payer(&Value::Object(params.clone()))?;
        let account = self.virtual_account_mut(id)?;
        if !account.has_receiver("bank_account") {
            return Err(ApiError::bad_request(
                "Account validation is only applicable on bank account as a receiver type",
            ));
        }
        if account.allowed_payers.iter().any(|p| same_payer(p, &payer)) {
            return Err(ApiError::bad_request(
                "The allowed payer already exists for the virtual account",
            ));
        }
        if account.allowed_payers.len() >= MAX_ALLOWED_PAYERS {
            return Err(ApiError::bad_request(format!(
                "Only {MAX_ALLOWED_PAYERS} allowed payer accounts can be added."
            )));
        }
        account.allowed_payers.push(payer);
        Ok(account.to_json())
    }

    /// `DELETE /v1/virtual_accounts/:id/allowed_payers/:payer_id`
    pub fn delete_allowed_payer(&mut self, id: &str, payer_id: &str) -> Result<(), ApiError> {
        let account = self.virtual_account_mut(id)?;
        let before = account.allowed_payers.len();
        account.allowed_payers.retain(|p| p["id"] != payer_id);
        if account.allowed_payers.len() == before {
            return Err(ApiError::id_not_found());
        }
        Ok(())
    }

    /// Sandbox control: the customer's bank credits the account: `bank_transfer` (`mode`
    /// `NEFT`, `RTGS` or `IMPS`, from `payer` `{ifsc, account_number}`, which must be an
    /// allowed payer when the account has any) or `upi` (from `payer_vpa`). Answers the
    /// payment; sends `payment.authorized`, `payment.captured`, `virtual_account.credited`.
    pub fn credit_virtual_account(&mut self, id: &str, params: &Params) -> Mutation {
        fields::reject_unknown(params, &["amount", "method", "mode", "payer", "payer_vpa"])?;
        let amount = fields::required_integer(params, "amount")?;
        if amount < 100 {
            return Err(ApiError::invalid_field(
                "amount",
                "The amount must be at least 100.",
            ));
        }
        self.amount_at_most_maximum(amount)?;
        let method = match fields::string(params, "method")?.as_deref() {
            None | Some("bank_transfer") => "bank_transfer",
            Some("upi") => "upi",
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "method",
                    "The method must be one of bank_transfer, upi.",
                ));
            }
        };
        let mode = fields::string(params, "mode")?.unwrap_or_else(|| "NEFT".into());
        if !["NEFT", "RTGS", "IMPS"].contains(&mode.as_str()) {
            return Err(ApiError::invalid_field(
                "mode",
                "The mode must be one of NEFT, RTGS, IMPS.",
            ));
        }
        let account = self.virtual_account(id)?;
        if !account.open {
            return Err(ApiError::bad_request(
                "Payments cannot be made to a closed virtual account",
            ));
        }
        let receiver = if method == "upi" {
            "vpa"
        } else {
            "bank_account"
        };
        if !account.has_receiver(receiver) {
            return Err(ApiError::bad_request(format!(
                "The virtual account has no {receiver} receiver"
            )));
        }
        let paid = account
            .amount_paid
            .checked_add(amount)
            .ok_or_else(|| ApiError::bad_request("The amount paid would overflow"))?;
        let payer = match params.get("payer") {
            None | Some(Value::Null) => account
                .allowed_payers
                .first()
                .map(|p| p["bank_account"].clone())
                .unwrap_or_else(
                    || json!({"ifsc": "UTIB0003098", "account_number": "765432123456789"}),
                ),
            Some(payer) => {
                let wrapped = json!({"type": "bank_account", "bank_account": payer});
                allowed_payer(&wrapped)?["bank_account"].clone()
            }
        };
        if method == "bank_transfer"
            && !account.allowed_payers.is_empty()
            && !account
                .allowed_payers
                .iter()
                .any(|p| p["bank_account"] == payer)
        {
            return Err(ApiError::bad_request(
                "The payer is not an allowed payer of this virtual account",
            ));
        }
        let payer_vpa = fields::string(params, "payer_vpa")?
            .unwrap_or_else(|| "gaurav.kumar@exampleupi".into());
        let notes = account.notes.clone();
        let (payment_id, mut events) = self.credit_payment(method, amount, "INR", notes);
        let account = self.virtual_account_mut(id)?;
        account.amount_paid = paid;
        account.payment_ids.push(payment_id.clone());
        let account_json = account.to_json();
        let (kind, transfer) = if method == "upi" {
            (
                "upi_transfer",
                json!({
                    "id": new_id("ut"), "entity": "upi_transfer", "amount": amount,
                    "payer_vpa": payer_vpa, "payer_account": null, "payer_bank": "Razorpay",
                    "payer_ifsc": null, "payment_id": payment_id,
                    "npci_reference_id": random_digits(12), "virtual_account_id": id,
                    "virtual_account": account_json,
                }),
            )
        } else {
            (
                "bank_transfer",
                json!({
                    "id": new_id("bt"), "entity": "bank_transfer", "payment_id": payment_id,
                    "mode": mode, "bank_reference": random_digits(12), "amount": amount,
                    "payer_bank_account": {
                        "id": new_id("ba"), "entity": "bank_account", "ifsc": payer["ifsc"],
                        "bank_name": "Axis Bank", "name": "Gaurav Kumar", "notes": [],
                        "account_number": payer["account_number"],
                    },
                    "virtual_account_id": id, "virtual_account": account_json,
                }),
            )
        };
        self.money
            .virtual_accounts
            .transfers
            .insert(payment_id.clone(), transfer.clone());
        let payment = self.payment(&payment_id)?;
        events.push(Event::new(
            "virtual_account.credited",
            vec![
                ("payment", payment.to_webhook_json()),
                ("virtual_account", account_json),
                (kind, transfer),
            ],
        ));
        Ok((payment.to_json(), events))
    }

    /// Accounts whose `close_by` passed are closed (called from the store's tick).
    pub(super) fn close_expired_virtual_accounts(&mut self) -> Vec<Event> {
        let now = self.now();
        let book = &mut self.money.virtual_accounts;
        let mut events = Vec::new();
        for id in &book.ids {
            let Some(account) = book.by_id.get_mut(id) else {
                continue;
            };
            if account.open && account.close_by.is_some_and(|at| at <= now) {
                account.open = false;
                account.closed_at = Some(now);
                events.push(Event::new(
                    "virtual_account.closed",
                    vec![("virtual_account", account.to_json())],
                ));
            }
        }
        events
    }
}
