//! The Checkout options JSON, built from the server's order and checked the way Razorpay
//! Checkout would reject it.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::CheckoutOptionsError;
use crate::currency::known_currency;

/// Razorpay accepts at most this many `notes` entries.
const MAX_NOTES: usize = 15;
/// Razorpay accepts note values of at most this many characters.
const MAX_NOTE_CHARS: usize = 256;

/// Customer details Checkout fills in ahead of time.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct CheckoutPrefill {
    /// Customer's name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// Customer's email.
    #[uniffi(default)]
    pub email: Option<String>,
    /// Customer's phone number, with country code (`+919000090000`).
    #[uniffi(default)]
    pub contact: Option<String>,
}

/// What the app knows when it opens Checkout: the public key id and the server's order.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
    #[uniffi(default)]
    pub description: Option<String>,
    /// URL of the shop's logo.
    #[uniffi(default)]
    pub image: Option<String>,
    /// Customer details to prefill.
    #[uniffi(default)]
    pub prefill: Option<CheckoutPrefill>,
    /// Notes attached to the payment (at most 15, values at most 256 characters).
    #[uniffi(default)]
    pub notes: HashMap<String, String>,
    /// Brand colour as `#RRGGBB` (or `#RGB`).
    #[uniffi(default)]
    pub theme_color: Option<String>,
}

/// Builds the Razorpay Checkout options JSON from the server's order, after checking each
/// option the way Razorpay Checkout would reject it.
#[uniffi::export]
pub fn checkout_options_json(options: CheckoutOptions) -> Result<String, CheckoutOptionsError> {
    Ok(checkout_options_value(&options)?.to_string())
}

fn checkout_options_value(o: &CheckoutOptions) -> Result<Value, CheckoutOptionsError> {
    let key_id = o.key_id.trim();
    if !(key_id.starts_with("rzp_test_") || key_id.starts_with("rzp_live_"))
        || key_id.len() <= "rzp_test_".len()
    {
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
    let Some(info) = known_currency(currency) else {
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
    if notes.len() > MAX_NOTES {
        return Err(CheckoutOptionsError::option(
            "notes",
            format!("at most {MAX_NOTES} notes are allowed, got {}", notes.len()),
        ));
    }
    // Sorted so that the same options always give the same JSON.
    let mut entries: Vec<_> = notes.iter().collect();
    entries.sort();
    let mut out = Map::new();
    for (k, v) in entries {
        if v.chars().count() > MAX_NOTE_CHARS {
            return Err(CheckoutOptionsError::option(
                "notes",
                format!("note `{k}` is longer than {MAX_NOTE_CHARS} characters"),
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
