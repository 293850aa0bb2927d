//! The Checkout options JSON, built from the server's order and checked the way Razorpay
//! Checkout would reject it.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::CheckoutOptionsError;
use crate::limits::{self, NOTE_VALUE_MAX_CHARS, NOTES_MAX_KEYS};

/// Customer details Checkout fills in ahead of time.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckoutPrefill {
    /// Customer's name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Customer's email.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Customer's phone number, with country code (`+919000090000`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub contact: Option<String>,
}

/// What the app knows when it opens Checkout: the public key id and the server's order.
///
/// Built with [`new`](Self::new) and the chained setters; [`to_json`](Self::to_json) checks
/// every option and writes the JSON the SDKs take. `#[non_exhaustive]` so that options can be
/// added: Rust code outside this crate builds it with [`new`](Self::new) and the setters, while
/// Kotlin, Swift and Python still build it field by field (a uniffi record, the `uniffi`
/// feature, whose conversion lives in this crate).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckoutOptions {
    /// The public key id (`rzp_test_…` or `rzp_live_…`). Never the key secret.
    pub key_id: String,
    /// The Razorpay order id the backend created (`order_…`).
    pub order_id: String,
    /// The order amount in minor units (paise for INR), exactly as the order has it.
    pub amount: i64,
    /// ISO currency code of the order (`INR`).
    pub currency: String,
    /// The shop's name shown in Checkout.
    pub name: String,
    /// A line about the purchase.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub description: Option<String>,
    /// URL of the shop's logo.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub image: Option<String>,
    /// Customer details to prefill.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub prefill: Option<CheckoutPrefill>,
    /// Notes attached to the payment (at most [`NOTES_MAX_KEYS`], values at most
    /// [`NOTE_VALUE_MAX_CHARS`] characters). Written sorted by key.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub notes: HashMap<String, String>,
    /// Brand colour as `#RRGGBB` (or `#RGB`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub theme_color: Option<String>,
}

impl CheckoutOptions {
    /// The required options: public key id, the order's id, amount (minor units) and currency,
    /// and the shop's name. Nothing is checked until [`to_json`](Self::to_json).
    pub fn new(
        key_id: impl Into<String>,
        order_id: impl Into<String>,
        amount: i64,
        currency: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        Self {
            key_id: key_id.into(),
            order_id: order_id.into(),
            amount,
            currency: currency.into(),
            name: name.into(),
            description: None,
            image: None,
            prefill: None,
            notes: HashMap::new(),
            theme_color: None,
        }
    }

    /// A line about the purchase.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// URL of the shop's logo.
    pub fn image(mut self, image: impl Into<String>) -> Self {
        self.image = Some(image.into());
        self
    }

    /// Customer details to prefill.
    pub fn prefill(mut self, prefill: CheckoutPrefill) -> Self {
        self.prefill = Some(prefill);
        self
    }

    /// Adds one note (replacing a note with the same key).
    pub fn note(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.notes.insert(key.into(), value.into());
        self
    }

    /// Brand colour as `#RRGGBB` or `#RGB`.
    pub fn theme_color(mut self, color: impl Into<String>) -> Self {
        self.theme_color = Some(color.into());
        self
    }

    /// The options JSON Razorpay Checkout takes, after checking each option the way Checkout
    /// would reject it: a key id (not a secret), an `order_…` id, a currency Razorpay accepts
    /// and an amount at least its minimum and in its step, a shop name, at most 15 notes of
    /// 256 characters, a hex colour. Optional parts that are blank are left out.
    pub fn to_json(&self) -> Result<String, CheckoutOptionsError> {
        Ok(self.to_value()?.to_string())
    }

    /// [`to_json`](Self::to_json) as a JSON value.
    pub fn to_value(&self) -> Result<Value, CheckoutOptionsError> {
        checkout_options_value(self)
    }
}

fn checkout_options_value(o: &CheckoutOptions) -> Result<Value, CheckoutOptionsError> {
    let key_id = o.key_id.trim();
    if !limits::is_key_id(key_id) {
        return Err(CheckoutOptionsError::option(
            "key",
            "expected a key id starting with rzp_test_ or rzp_live_",
        ));
    }
    let order_id = o.order_id.trim();
    if order_id.len() <= "order_".len() || !order_id.starts_with("order_") {
        return Err(CheckoutOptionsError::option(
            "order_id",
            "expected a Razorpay order id starting with order_",
        ));
    }
    let currency = o.currency.trim();
    let Some(info) = limits::currency(currency) else {
        return Err(CheckoutOptionsError::option(
            "currency",
            format!("`{currency}` is not a currency Razorpay accepts"),
        ));
    };
    if o.amount <= 0 {
        return Err(CheckoutOptionsError::option(
            "amount",
            "must be a positive amount in minor units",
        ));
    }
    // Below the minimum or off-step amounts are refused by Checkout itself.
    info.check_amount(o.amount)
        .map_err(|e| CheckoutOptionsError::option("amount", e.to_string()))?;
    if o.name.trim().is_empty() {
        return Err(CheckoutOptionsError::option("name", "must not be empty"));
    }

    let mut out = Map::new();
    out.insert("key".into(), key_id.into());
    out.insert("amount".into(), o.amount.into());
    out.insert("currency".into(), currency.into());
    out.insert("name".into(), o.name.trim().into());
    if let Some(d) = non_empty(&o.description) {
        out.insert("description".into(), d.into());
    }
    if let Some(i) = non_empty(&o.image) {
        out.insert("image".into(), i.into());
    }
    out.insert("order_id".into(), order_id.into());
    if let Some(p) = &o.prefill {
        let mut prefill = Map::new();
        for (k, v) in [
            ("name", &p.name),
            ("email", &p.email),
            ("contact", &p.contact),
        ] {
            if let Some(v) = non_empty(v) {
                prefill.insert(k.into(), v.into());
            }
        }
        if !prefill.is_empty() {
            out.insert("prefill".into(), Value::Object(prefill));
        }
    }
    if !o.notes.is_empty() {
        out.insert("notes".into(), notes_value(&o.notes)?);
    }
    if let Some(color) = non_empty(&o.theme_color) {
        if !is_hex_color(color) {
            return Err(CheckoutOptionsError::option(
                "theme.color",
                "expected a colour as #RRGGBB or #RGB",
            ));
        }
        let mut theme = Map::new();
        theme.insert("color".into(), color.into());
        out.insert("theme".into(), Value::Object(theme));
    }
    Ok(Value::Object(out))
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn notes_value(notes: &HashMap<String, String>) -> Result<Value, CheckoutOptionsError> {
    if notes.len() > NOTES_MAX_KEYS {
        return Err(CheckoutOptionsError::option(
            "notes",
            format!(
                "at most {NOTES_MAX_KEYS} notes are allowed, got {}",
                notes.len()
            ),
        ));
    }
    // Sorted so that the same options always give the same JSON.
    let mut entries: Vec<_> = notes.iter().collect();
    entries.sort();
    let mut out = Map::new();
    for (k, v) in entries {
        if v.chars().count() > NOTE_VALUE_MAX_CHARS {
            return Err(CheckoutOptionsError::option(
                "notes",
                format!("note `{k}` is longer than {NOTE_VALUE_MAX_CHARS} characters"),
            ));
        }
        out.insert(k.clone(), v.clone().into());
    }
    Ok(Value::Object(out))
}

fn is_hex_color(s: &str) -> bool {
    let Some(hex) = s.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}
