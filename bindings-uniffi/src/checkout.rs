//! App side of a checkout: the currency table and formatting (`checkout-currency`), the options
//! the Razorpay mobile SDKs take and the result they hand back (`razorpay_core::checkout`).
//!
//! The records and enums are the core types themselves: `#[uniffi::remote]` implements uniffi's
//! traits on them, and the compiler checks each declaration below against the real type (a field
//! added, removed or renamed in the core fails this crate's build). Each export is one call into
//! the crate that owns the rule.

use std::collections::HashMap;

use checkout_currency::{CurrencyInfo, Grouping};
use razorpay_core::checkout::{
    CheckoutFailure, CheckoutOptions, CheckoutOptionsError, CheckoutPrefill, CheckoutResult,
    CheckoutSuccess,
};
use razorpay_core::limits;

/// How the integer part of a formatted amount is grouped.
#[uniffi::remote(Enum)]
pub enum Grouping {
    /// Groups of three: `1,234,567`.
    Thousands,
    /// Indian lakh/crore grouping: `12,34,567`.
    Indian,
}

/// One currency: code, exponent, display symbol and the payable limits.
#[uniffi::remote(Record)]
pub struct CurrencyInfo {
    /// ISO 4217 code (`INR`).
    pub code: String,
    /// Decimal places of the minor unit (INR 2, JPY 0, KWD 3).
    pub exponent: u8,
    /// Display symbol (`₹`, `$`, `KD`).
    pub symbol: String,
    /// English name.
    pub name: String,
    /// Smallest payable amount in minor units (INR: 100 paise).
    pub min_amount: i64,
    /// Payable amounts must be a multiple of this many minor units.
    pub amount_step: i64,
    /// Digit grouping used when formatting.
    pub grouping: Grouping,
}

/// Customer details Checkout fills in ahead of time.
#[uniffi::remote(Record)]
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
#[uniffi::remote(Record)]
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

/// What Checkout hands the app when the payment succeeded: the three values the backend
/// verifies.
#[uniffi::remote(Record)]
pub struct CheckoutSuccess {
    /// `razorpay_payment_id`.
    pub payment_id: String,
    /// `razorpay_order_id`.
    pub order_id: String,
    /// `razorpay_signature`.
    pub signature: String,
}

/// What Checkout hands the app when the payment failed or was cancelled: Razorpay's error body.
#[uniffi::remote(Record)]
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
#[uniffi::remote(Enum)]
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

/// Errors of the checkout-options builder and the checkout-result parser.
#[uniffi::remote(Error)]
pub enum CheckoutOptionsError {
    /// An option is missing or not what Razorpay Checkout accepts; `field` names it.
    InvalidOption {
        /// Always `CHECKOUT_OPTION_INVALID`.
        code: String,
        /// The option's name as in the options JSON (`key`, `order_id`, `amount`, …).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The payload handed back by the SDK is neither a success nor a failure payload.
    InvalidPayload {
        /// Always `CHECKOUT_PAYLOAD_INVALID`.
        code: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Every currency Razorpay accepts, in the table's order.
#[uniffi::export]
pub fn list_currencies() -> Vec<CurrencyInfo> {
    limits::currencies().iter().cloned().collect()
}

/// The currency with ISO code `code`, or `null`/`nil`/`None` when Razorpay does not accept it.
#[uniffi::export]
pub fn get_currency(code: String) -> Option<CurrencyInfo> {
    limits::currency(&code).cloned()
}

/// Formats `amount_minor` (minor units) of `currency` for display: `₹1,234.50`, `¥1,235`,
/// `KD 1.235`. An unknown code prints with two decimals and the code as symbol.
#[uniffi::export]
pub fn format_minor_units(amount_minor: i64, currency: String) -> String {
    checkout_currency::format_minor_units(amount_minor, &currency)
}

/// Checks that `amount` (minor units) can be paid in `currency`: a known currency, at least its
/// minimum and a multiple of its step.
#[uniffi::export]
pub fn check_amount(currency: String, amount: i64) -> Result<(), CurrencyError> {
    limits::currencies()
        .check_amount(&currency, amount)
        .map(|_| ())
        .map_err(|e| CurrencyError::from_core(e, &currency, amount))
}

/// Builds the Razorpay Checkout options JSON from the server's order, after checking each
/// option the way Razorpay Checkout would reject it ([`CheckoutOptions::to_json`]).
#[uniffi::export]
pub fn checkout_options_json(options: CheckoutOptions) -> Result<String, CheckoutOptionsError> {
    options.to_json()
}

/// Reads the payload the Razorpay SDK handed the app: the success data or the failure response
/// (with or without the `error` wrapper).
#[uniffi::export]
pub fn parse_checkout_result(payload_json: String) -> Result<CheckoutResult, CheckoutOptionsError> {
    razorpay_core::checkout::parse_checkout_result(&payload_json)
}

/// The JSON body the app posts to its backend after a successful checkout
/// (`razorpay_payment_id`, `razorpay_order_id`, `razorpay_signature`).
#[uniffi::export]
pub fn checkout_callback_json(success: CheckoutSuccess) -> String {
    success.callback_json()
}

/// A currency code or an amount the currency table rejects: the core
/// [`CurrencyError`](checkout_currency::CurrencyError) grouped into the two cases an app
/// branches on. `code()` is on the base type in every language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum CurrencyError {
    /// The code is not a currency Razorpay accepts.
    #[error("{kind}: currency {currency:?} is not supported")]
    Unsupported {
        /// Also `code()`: `CURRENCY_UNSUPPORTED` or `CURRENCY_CODE_INVALID`.
        kind: String,
        /// The rejected currency code.
        currency: String,
    },
    /// The amount is not payable in this currency.
    #[error("{kind}: {reason}")]
    InvalidAmount {
        /// Also `code()`: `AMOUNT_BELOW_MINIMUM` or `AMOUNT_NOT_IN_STEP`.
        kind: String,
        /// The currency code.
        currency: String,
        /// The rejected amount in minor units.
        amount: i64,
        /// Why it is rejected.
        reason: String,
    },
}

#[uniffi::export]
impl CurrencyError {
    /// The stable machine-readable code, the one `checkout_currency`'s `CurrencyError::code`
    /// gives.
    pub fn code(&self) -> String {
        match self {
            Self::Unsupported { kind, .. } | Self::InvalidAmount { kind, .. } => kind.clone(),
        }
    }
}

impl CurrencyError {
    fn from_core(e: checkout_currency::CurrencyError, currency: &str, amount: i64) -> Self {
        let kind = e.code().to_owned();
        match e {
            checkout_currency::CurrencyError::BelowMinimum { .. }
            | checkout_currency::CurrencyError::NotInStep { .. } => Self::InvalidAmount {
                kind,
                currency: currency.to_owned(),
                amount,
                reason: e.to_string(),
            },
            _ => Self::Unsupported {
                kind,
                currency: currency.to_owned(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_read_the_one_table() {
        assert_eq!(format_minor_units(123_450, "INR".into()), "₹1,234.50");
        let inr = get_currency("INR".into()).unwrap();
        assert_eq!((inr.exponent, inr.min_amount), (2, 100));
        assert_eq!(list_currencies().len(), limits::currencies().len());
        assert_eq!(get_currency("XYZ".into()), None);
    }

    #[test]
    fn check_amount_maps_codes() {
        assert_eq!(check_amount("INR".into(), 100), Ok(()));
        let e = check_amount("INR".into(), 99).unwrap_err();
        assert_eq!(e.code(), "AMOUNT_BELOW_MINIMUM");
        let e = check_amount("KWD".into(), 1001).unwrap_err();
        assert_eq!(e.code(), "AMOUNT_NOT_IN_STEP");
        let e = check_amount("inr".into(), 100).unwrap_err();
        assert!(matches!(e, CurrencyError::Unsupported { .. }));
    }

    #[test]
    fn checkout_exports_call_the_core() {
        let options = CheckoutOptions::new("rzp_test_1", "order_1", 100, "INR", "S");
        assert_eq!(checkout_options_json(options.clone()), options.to_json());
        let bad = checkout_options_json(CheckoutOptions::new("secret", "order_1", 100, "INR", "S"));
        assert_eq!(bad.unwrap_err().code(), "CHECKOUT_OPTION_INVALID");
        assert_eq!(
            parse_checkout_result("{}".into()).unwrap_err().code(),
            "CHECKOUT_PAYLOAD_INVALID"
        );
    }
}
