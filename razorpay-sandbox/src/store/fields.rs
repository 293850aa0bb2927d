//! Server-side checks of request parameters, with Razorpay's error descriptions.
//!
//! The sandbox validates independently of the client so that a client which skipped its own
//! checks would still get the answer Razorpay gives.

use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::currency::{self, CurrencyRule};

/// A JSON request body that must be an object.
pub type Params = Map<String, Value>;

// Razorpay's documented limits, shared with the client's own pre-send validation.
pub use razorpay_core::client::{NOTE_VALUE_MAX_CHARS, NOTES_MAX_KEYS, RECEIPT_MAX_CHARS};

/// Rejects parameters the endpoint does not take, as Razorpay does (`extra_field_sent`).
pub fn reject_unknown(params: &Params, allowed: &[&str]) -> Result<(), ApiError> {
    match params.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(key) => Err(ApiError::extra_field(key)),
        None => Ok(()),
    }
}

/// `expand[]` values (one or many), each one of `allowed`.
pub fn expand(params: &Params, allowed: &[&str]) -> Result<Vec<String>, ApiError> {
    let values: Vec<String> = match params.get("expand[]") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(one)) => vec![one.clone()],
        Some(Value::Array(many)) => many
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<_>>()
            .ok_or_else(|| ApiError::invalid_field("expand", "The expand must be an array."))?,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "expand",
                "The expand must be an array.",
            ));
        }
    };
    match values.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(bad) => Err(ApiError::invalid_field(
            "expand",
            format!("{bad} is not a valid value for expand."),
        )),
        None => Ok(values),
    }
}

/// Splits the `expand` parameters off a list query, in every form clients send them:
/// `expand[]=x` (curl, Razorpay's docs) and `expand[expand]=x` / `expand[expand][0]=x`, which is
/// what the official Node package's `{expand: {"expand[]": x}}` becomes in its query string.
/// Answers the values, each one of `allowed`, and the other parameters.
pub fn split_expand(query: &Params, allowed: &[&str]) -> Result<(Vec<String>, Params), ApiError> {
    let mut rest = Params::new();
    let mut wanted = Vec::new();
    for (key, value) in query {
        if key != "expand[]" && !key.starts_with("expand[expand]") {
            rest.insert(key.clone(), value.clone());
            continue;
        }
        match value {
            Value::String(one) => wanted.push(one.clone()),
            Value::Array(many) => {
                wanted.extend(many.iter().filter_map(Value::as_str).map(str::to_string));
            }
            _ => {}
        }
    }
    match wanted.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(bad) => Err(ApiError::invalid_field(
            "expand",
            format!("{bad} is not a valid value for expand."),
        )),
        None => Ok((wanted, rest)),
    }
}

/// An integer amount in minor units. Razorpay accepts JSON numbers and numeric strings
/// (form-encoded bodies) but never fractions.
pub fn integer(params: &Params, field: &str) -> Result<Option<i64>, ApiError> {
    let not_integer = || ApiError::invalid_field(field, format!("The {field} must be an integer."));
    match params.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().map(Some).ok_or_else(not_integer),
        Some(Value::String(s)) => s.trim().parse::<i64>().map(Some).map_err(|_| not_integer()),
        Some(_) => Err(not_integer()),
    }
}

/// A required integer amount.
pub fn required_integer(params: &Params, field: &str) -> Result<i64, ApiError> {
    integer(params, field)?
        .ok_or_else(|| ApiError::invalid_field(field, format!("The {field} field is required.")))
}

/// An optional string parameter.
pub fn string(params: &Params, field: &str) -> Result<Option<String>, ApiError> {
    match params.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(ApiError::invalid_field(
            field,
            format!("{field}: expected string but provided {other}"),
        )),
    }
}

/// An optional boolean; Razorpay also takes `1`/`0` and their string forms.
pub fn boolean(params: &Params, field: &str) -> Result<Option<bool>, ApiError> {
    match params.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::Number(n)) if n.as_i64() == Some(1) => Ok(Some(true)),
        Some(Value::Number(n)) if n.as_i64() == Some(0) => Ok(Some(false)),
        Some(Value::String(s)) if matches!(s.as_str(), "1" | "true") => Ok(Some(true)),
        Some(Value::String(s)) if matches!(s.as_str(), "0" | "false") => Ok(Some(false)),
        Some(_) => Err(ApiError::invalid_field(
            field,
            format!("The {field} field must be true or false."),
        )),
    }
}

/// A `receipt` of at most 40 characters.
pub fn receipt(params: &Params) -> Result<Option<String>, ApiError> {
    let receipt = string(params, "receipt")?;
    if receipt
        .as_ref()
        .is_some_and(|r| r.chars().count() > RECEIPT_MAX_CHARS)
    {
        return Err(ApiError::invalid_field(
            "receipt",
            format!("The receipt may not be greater than {RECEIPT_MAX_CHARS} characters."),
        ));
    }
    Ok(receipt)
}

/// `notes`: an object of at most 15 keys whose values are at most 256 characters.
/// An empty array is accepted as empty notes, as Razorpay itself sends `[]` for "no notes".
pub fn notes(params: &Params) -> Result<Map<String, Value>, ApiError> {
    let notes = match params.get("notes") {
        None | Some(Value::Null) => return Ok(Map::new()),
        Some(Value::Array(items)) if items.is_empty() => return Ok(Map::new()),
        Some(Value::Object(map)) => map.clone(),
        Some(_) => {
            return Err(ApiError::invalid_field(
                "notes",
                "The notes must be an array.",
            ));
        }
    };
    if notes.len() > NOTES_MAX_KEYS {
        return Err(ApiError::invalid_field(
            "notes",
            format!("Number of fields in notes should be less than or equal to {NOTES_MAX_KEYS}"),
        ));
    }
    for (key, value) in &notes {
        let length = match value {
            Value::String(s) => s.chars().count(),
            Value::Number(_) | Value::Bool(_) | Value::Null => value.to_string().chars().count(),
            _ => {
                return Err(ApiError::invalid_field(
                    "notes",
                    format!("The notes.{key} must be a string."),
                ));
            }
        };
        if length > NOTE_VALUE_MAX_CHARS {
            return Err(ApiError::invalid_field(
                "notes",
                format!(
                    "The notes.{key} may not be greater than {NOTE_VALUE_MAX_CHARS} characters."
                ),
            ));
        }
    }
    Ok(notes)
}

/// A currency Razorpay knows, as an upper-case code with its rule.
pub fn currency(params: &Params) -> Result<(String, CurrencyRule), ApiError> {
    let code = string(params, "currency")?
        .ok_or_else(|| ApiError::invalid_field("currency", "The currency field is required."))?;
    let rule = currency::lookup(&code)
        .ok_or_else(|| ApiError::invalid_field("currency", "The selected currency is invalid."))?;
    Ok((code, rule))
}

/// An amount that is an integer and at least the currency's minimum.
pub fn amount_at_least_minimum(
    field: &str,
    amount: i64,
    code: &str,
    rule: CurrencyRule,
) -> Result<(), ApiError> {
    if amount < rule.min_amount.max(1) {
        return Err(ApiError::invalid_field(
            field,
            format!(
                "The {field} must be at least {}",
                currency::display_amount(code, rule.min_amount.max(1), rule)
            ),
        ));
    }
    if rule.amount_step > 1 && amount % rule.amount_step != 0 {
        return Err(ApiError::invalid_field(
            field,
            format!(
                "The {field} must be a multiple of {} for {code}",
                rule.amount_step
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params(value: Value) -> Params {
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn amounts_must_be_integers() {
        assert_eq!(
            integer(&params(json!({"amount": 500})), "amount"),
            Ok(Some(500))
        );
        assert_eq!(
            integer(&params(json!({"amount": "500"})), "amount"),
            Ok(Some(500))
        );
        let error = integer(&params(json!({"amount": 5.5})), "amount").unwrap_err();
        assert_eq!(error.description(), "The amount must be an integer.");
        assert_eq!(error.body["error"]["field"], "amount");
    }

    #[test]
    fn notes_limits() {
        let many: Map<String, Value> = (0..16).map(|i| (format!("k{i}"), json!("v"))).collect();
        assert!(notes(&params(json!({ "notes": many }))).is_err());
        assert!(notes(&params(json!({ "notes": {"k": "x".repeat(257)} }))).is_err());
        assert_eq!(notes(&params(json!({ "notes": [] }))), Ok(Map::new()));
        assert_eq!(
            notes(&params(json!({ "notes": {"k": "x".repeat(256)} }))).map(|n| n.len()),
            Ok(1)
        );
    }

    #[test]
    fn receipt_limit_counts_characters() {
        assert!(receipt(&params(json!({ "receipt": "₹".repeat(40) }))).is_ok());
        let error = receipt(&params(json!({ "receipt": "r".repeat(41) }))).unwrap_err();
        assert_eq!(
            error.description(),
            "The receipt may not be greater than 40 characters."
        );
    }

    #[test]
    fn unknown_fields_are_rejected_by_name() {
        let error = reject_unknown(&params(json!({"amount": 1, "colour": "red"})), &["amount"])
            .unwrap_err();
        assert_eq!(
            error.description(),
            "colour is/are not required and should not be sent"
        );
        assert_eq!(error.body["error"]["reason"], "extra_field_sent");
        assert_eq!(error.body["error"]["field"], "colour");
    }
}
