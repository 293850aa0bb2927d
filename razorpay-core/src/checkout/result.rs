//! The payload the Razorpay SDK hands back (success or failure), and the callback body the
//! app posts to its backend.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::CheckoutOptionsError;

/// What Checkout hands the app when the payment succeeded: the three values the backend
/// verifies (`razorpay_order_id|razorpay_payment_id` signed with the key secret).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutSuccess {
    /// `razorpay_payment_id`.
    pub payment_id: String,
    /// `razorpay_order_id`.
    pub order_id: String,
    /// `razorpay_signature`.
    pub signature: String,
}

/// What Checkout hands the app when the payment failed or was cancelled: Razorpay's error body.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, PartialEq, Eq)]
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
pub fn parse_checkout_result(payload_json: &str) -> Result<CheckoutResult, CheckoutOptionsError> {
    let value: Value = serde_json::from_str(payload_json)
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

impl CheckoutSuccess {
    /// The JSON body the app posts to its backend after a successful checkout, with Razorpay's
    /// field names (`razorpay_payment_id`, `razorpay_order_id`, `razorpay_signature`): the
    /// body the backend's callback handler verifies.
    pub fn callback_json(&self) -> String {
        let mut out = Map::new();
        out.insert("razorpay_payment_id".into(), self.payment_id.clone().into());
        out.insert("razorpay_order_id".into(), self.order_id.clone().into());
        out.insert("razorpay_signature".into(), self.signature.clone().into());
        Value::Object(out).to_string()
    }
}
