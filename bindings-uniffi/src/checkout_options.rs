//! App side of Razorpay Checkout: the options JSON the mobile SDKs take, and the result they
//! hand back.
//!
//! Flow in an app: the backend creates the order and returns its id, amount and currency; the
//! app builds the options with [`checkout_options_json`] and passes them to
//! `Checkout.open(activity, JSONObject(json))` (Android) or `razorpay.open(dict)` (iOS); the SDK
//! calls back with a success payload or a failure payload, which [`parse_checkout_result`] turns
//! into a typed [`CheckoutResult`]; on success the app posts [`checkout_callback_json`] to its
//! backend, which verifies the signature with the key secret (never in the app).
//!
//! Pure functions, no I/O: they only validate and convert, so the same checks run in Kotlin,
//! Swift and Python.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::currency::known_currency;

/// Razorpay accepts at most this many `notes` entries.
const MAX_NOTES: usize = 15;
/// Razorpay accepts note values of at most this many characters.
const MAX_NOTE_CHARS: usize = 256;

/// Errors of the checkout-options builder and the checkout-result parser.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum CheckoutOptionsError {
    /// An option is missing or not what Razorpay Checkout accepts; `field` names it.
    #[error("{code}: invalid checkout option `{field}`: {reason}")]
    InvalidOption {
        /// Always `CHECKOUT_OPTION_INVALID`.
        code: String,
        /// The option's name as in the options JSON (`key`, `order_id`, `amount`, …).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The payload handed back by the SDK is neither a success nor a failure payload.
    #[error("{code}: checkout result payload is not valid: {reason}")]
    InvalidPayload {
        /// Always `CHECKOUT_PAYLOAD_INVALID`.
        code: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl CheckoutOptionsError {
    fn option(field: &str, reason: impl Into<String>) -> Self {
        Self::InvalidOption {
            code: "CHECKOUT_OPTION_INVALID".to_owned(),
            field: field.to_owned(),
            reason: reason.into(),
        }
    }

    fn payload(reason: impl Into<String>) -> Self {
        Self::InvalidPayload {
            code: "CHECKOUT_PAYLOAD_INVALID".to_owned(),
            reason: reason.into(),
        }
    }

    /// The stable machine-readable code.
    pub fn code(&self) -> &str {
        match self {
            Self::InvalidOption { code, .. } | Self::InvalidPayload { code, .. } => code,
        }
    }
}

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

/// What Checkout hands the app when the payment succeeded: the three values the backend
/// verifies (`razorpay_order_id|razorpay_payment_id` signed with the key secret).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckoutSuccess {
    /// `razorpay_payment_id`.
    pub payment_id: String,
    /// `razorpay_order_id`.
    pub order_id: String,
    /// `razorpay_signature`.
    pub signature: String,
}

/// What Checkout hands the app when the payment failed or was cancelled: Razorpay's error body.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckoutFailure {
    /// Razorpay's error code (`BAD_REQUEST_ERROR`, `GATEWAY_ERROR`, …).
    pub code: String,
    /// Human-readable description to show the customer.
    pub description: String,
    /// Where it failed (`customer`, `issuer_bank`, …).
    pub source: Option<String>,
    /// The payment step (`payment_authentication`, …).
    pub step: Option<String>,
    /// The exact reason, for code (`payment_cancelled`, `invalid_otp`, …).
    pub reason: Option<String>,
    /// The request field at fault, if any.
    pub field: Option<String>,
    /// `metadata.payment_id`, when a payment was attempted.
    pub payment_id: Option<String>,
    /// `metadata.order_id`.
    pub order_id: Option<String>,
    /// The whole `metadata` object; non-string values are kept as JSON text.
    pub metadata: HashMap<String, String>,
}

/// The outcome of a Checkout session.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum CheckoutResult {
    /// The payment went through; send it to the backend to verify.
    Success {
        /// The signed ids.
        payment: CheckoutSuccess,
    },
    /// The payment failed or the customer cancelled.
    Failure {
        /// Razorpay's error body.
        error: CheckoutFailure,
    },
}

/// Reads the payload the Razorpay SDK handed the app: the success data
/// (`{"razorpay_payment_id", "razorpay_order_id", "razorpay_signature"}`) or the failure
/// response (`{"error": {"code", "description", "source", "step", "reason", "metadata"}}`,
/// also accepted without the `error` wrapper as the iOS SDK gives it).
#[uniffi::export]
pub fn parse_checkout_result(payload_json: String) -> Result<CheckoutResult, CheckoutOptionsError> {
    let value: Value = serde_json::from_str(&payload_json)
        .map_err(|e| CheckoutOptionsError::payload(format!("not JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(CheckoutOptionsError::payload("expected a JSON object"));
    };
    if obj.contains_key("razorpay_payment_id") {
        return parse_success(&obj).map(|payment| CheckoutResult::Success { payment });
    }
    let error = match obj.get("error") {
        Some(Value::Object(e)) => e,
        Some(_) => return Err(CheckoutOptionsError::payload("`error` must be an object")),
        None if obj.contains_key("code") => &obj,
        None => {
            return Err(CheckoutOptionsError::payload(
                "neither razorpay_payment_id nor an error object",
            ));
        }
    };
    parse_failure(error).map(|error| CheckoutResult::Failure { error })
}

fn parse_success(obj: &Map<String, Value>) -> Result<CheckoutSuccess, CheckoutOptionsError> {
    let field = |name: &str| match obj.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
        _ => Err(CheckoutOptionsError::payload(format!(
            "`{name}` must be a non-empty string"
        ))),
    };
    Ok(CheckoutSuccess {
        payment_id: field("razorpay_payment_id")?,
        order_id: field("razorpay_order_id")?,
        signature: field("razorpay_signature")?,
    })
}

fn parse_failure(e: &Map<String, Value>) -> Result<CheckoutFailure, CheckoutOptionsError> {
    // Razorpay sends `null` or "NA" for fields that do not apply.
    let text = |name: &str| match e.get(name) {
        Some(Value::String(s)) if !s.is_empty() && s != "NA" => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let code = text("code").ok_or_else(|| CheckoutOptionsError::payload("`error.code` missing"))?;
    let metadata: HashMap<String, String> = match e.get("metadata") {
        Some(Value::Object(m)) => m
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| match v {
                Value::String(s) => (k.clone(), s.clone()),
                other => (k.clone(), other.to_string()),
            })
            .collect(),
        _ => HashMap::new(),
    };
    Ok(CheckoutFailure {
        description: text("description").unwrap_or_default(),
        source: text("source"),
        step: text("step"),
        reason: text("reason"),
        field: text("field"),
        payment_id: metadata.get("payment_id").cloned(),
        order_id: metadata.get("order_id").cloned(),
        metadata,
        code,
    })
}

/// The JSON body the app posts to its backend after a successful checkout, with Razorpay's
/// field names (`razorpay_payment_id`, `razorpay_order_id`, `razorpay_signature`).
#[uniffi::export]
pub fn checkout_callback_json(success: CheckoutSuccess) -> String {
    let mut out = Map::new();
    out.insert("razorpay_payment_id".into(), success.payment_id.into());
    out.insert("razorpay_order_id".into(), success.order_id.into());
    out.insert("razorpay_signature".into(), success.signature.into());
    Value::Object(out).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> CheckoutOptions {
        CheckoutOptions {
            key_id: "rzp_test_1DP5mmOlF5G5ag".into(),
            order_id: "order_9A33XWu170gUtm".into(),
            amount: 123_450,
            currency: "INR".into(),
            name: "Acme Shop".into(),
            description: Some("Order #1001".into()),
            image: None,
            prefill: Some(CheckoutPrefill {
                name: Some("Gaurav Kumar".into()),
                email: Some("gaurav.kumar@example.com".into()),
                contact: None,
            }),
            notes: HashMap::from([("shop_order".into(), "1001".into())]),
            theme_color: Some("#3399cc".into()),
        }
    }

    #[test]
    fn builds_the_options_razorpay_checkout_takes() {
        let json = checkout_options_json(options()).unwrap();
        assert_eq!(
            json,
            r##"{"key":"rzp_test_1DP5mmOlF5G5ag","amount":123450,"currency":"INR","name":"Acme Shop","description":"Order #1001","order_id":"order_9A33XWu170gUtm","prefill":{"name":"Gaurav Kumar","email":"gaurav.kumar@example.com"},"notes":{"shop_order":"1001"},"theme":{"color":"#3399cc"}}"##
        );
    }

    #[test]
    fn optional_parts_are_left_out() {
        let o = CheckoutOptions {
            description: None,
            prefill: Some(CheckoutPrefill::default()),
            notes: HashMap::new(),
            theme_color: Some("  ".into()),
            ..options()
        };
        let v: Value = serde_json::from_str(&checkout_options_json(o).unwrap()).unwrap();
        for absent in ["description", "image", "prefill", "notes", "theme"] {
            assert!(v.get(absent).is_none(), "{absent} should be absent");
        }
    }

    fn field_of(err: CheckoutOptionsError) -> String {
        assert_eq!(err.code(), "CHECKOUT_OPTION_INVALID");
        match err {
            CheckoutOptionsError::InvalidOption { field, .. } => field,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn rejects_what_checkout_would_reject() {
        let cases: Vec<(CheckoutOptions, &str)> = vec![
            (
                CheckoutOptions {
                    key_id: "secret123".into(),
                    ..options()
                },
                "key",
            ),
            (
                CheckoutOptions {
                    key_id: "rzp_test_".into(),
                    ..options()
                },
                "key",
            ),
            (
                CheckoutOptions {
                    order_id: "pay_123".into(),
                    ..options()
                },
                "order_id",
            ),
            (
                CheckoutOptions {
                    amount: 0,
                    ..options()
                },
                "amount",
            ),
            (
                CheckoutOptions {
                    amount: -5,
                    ..options()
                },
                "amount",
            ),
            (
                CheckoutOptions {
                    amount: 99,
                    ..options()
                },
                "amount",
            ),
            (
                CheckoutOptions {
                    currency: "XYZ".into(),
                    ..options()
                },
                "currency",
            ),
            (
                CheckoutOptions {
                    name: " ".into(),
                    ..options()
                },
                "name",
            ),
            (
                CheckoutOptions {
                    theme_color: Some("blue".into()),
                    ..options()
                },
                "theme.color",
            ),
            (
                CheckoutOptions {
                    theme_color: Some("#12345g".into()),
                    ..options()
                },
                "theme.color",
            ),
            (
                CheckoutOptions {
                    notes: (0..16).map(|i| (format!("k{i}"), "v".into())).collect(),
                    ..options()
                },
                "notes",
            ),
            (
                CheckoutOptions {
                    notes: HashMap::from([("k".into(), "x".repeat(257))]),
                    ..options()
                },
                "notes",
            ),
        ];
        for (o, field) in cases {
            assert_eq!(field_of(checkout_options_json(o).unwrap_err()), field);
        }
    }

    #[test]
    fn parses_the_success_payload() {
        let r = parse_checkout_result(
            r#"{"razorpay_payment_id":"pay_29QQoUBi66xm2f","razorpay_order_id":"order_9A33XWu170gUtm","razorpay_signature":"9ef4dffbfd84f1318f6739a3ce19f9d85851857ae648f114332d8401e0949a3d"}"#.into(),
        )
        .unwrap();
        let CheckoutResult::Success { payment } = r else {
            panic!("expected success")
        };
        assert_eq!(payment.payment_id, "pay_29QQoUBi66xm2f");
        assert_eq!(payment.order_id, "order_9A33XWu170gUtm");
        assert_eq!(
            checkout_callback_json(payment),
            r#"{"razorpay_payment_id":"pay_29QQoUBi66xm2f","razorpay_order_id":"order_9A33XWu170gUtm","razorpay_signature":"9ef4dffbfd84f1318f6739a3ce19f9d85851857ae648f114332d8401e0949a3d"}"#
        );
    }

    #[test]
    fn parses_the_failure_payload_with_and_without_wrapper() {
        let body = r#"{"code":"BAD_REQUEST_ERROR","description":"Authentication failed due to incorrect otp","field":null,"source":"customer","step":"payment_authentication","reason":"invalid_otp","metadata":{"payment_id":"pay_EDNBKIP31Y4jl8","order_id":"order_DBJKIP31Y4jl8"}}"#;
        for payload in [format!(r#"{{"error":{body}}}"#), body.to_owned()] {
            let CheckoutResult::Failure { error } = parse_checkout_result(payload).unwrap() else {
                panic!("expected failure")
            };
            assert_eq!(error.code, "BAD_REQUEST_ERROR");
            assert_eq!(error.reason.as_deref(), Some("invalid_otp"));
            assert_eq!(error.step.as_deref(), Some("payment_authentication"));
            assert_eq!(error.source.as_deref(), Some("customer"));
            assert_eq!(error.field, None);
            assert_eq!(error.payment_id.as_deref(), Some("pay_EDNBKIP31Y4jl8"));
            assert_eq!(error.order_id.as_deref(), Some("order_DBJKIP31Y4jl8"));
            assert_eq!(error.metadata.len(), 2);
        }
    }

    #[test]
    fn rejects_payloads_that_are_neither() {
        for bad in [
            "",
            "Payment Cancelled",
            "[]",
            "{}",
            r#"{"error":"x"}"#,
            r#"{"razorpay_payment_id":"pay_1"}"#,
            r#"{"razorpay_payment_id":"pay_1","razorpay_order_id":"order_1","razorpay_signature":""}"#,
            r#"{"error":{"description":"no code"}}"#,
        ] {
            let err = parse_checkout_result(bad.into()).unwrap_err();
            assert_eq!(err.code(), "CHECKOUT_PAYLOAD_INVALID", "{bad}");
        }
    }
}
