//! The app side of Razorpay Checkout: the options the web and mobile SDKs take, and the result
//! they hand back.
//!
//! Flow: the backend creates the order and gives the app its id, amount and currency; the app
//! builds [`CheckoutOptions`] and passes [`CheckoutOptions::to_json`] to
//! `Checkout.open(activity, JSONObject(json))` (Android), `razorpay.open(dict)` (iOS) or
//! `new Razorpay(options)` (web); the SDK hands back a success or a failure payload, which
//! [`parse_checkout_result`] turns into a typed [`CheckoutResult`]; on success the app posts
//! [`CheckoutSuccess::callback_json`] to its backend, which verifies the signature with the key
//! secret (never in the app; see [`verify_payment_signature`](crate::verify_payment_signature)).
//!
//! Every check uses Razorpay's limits from [`crate::limits`] (key-id prefixes, currencies and
//! their minimums, at most 15 notes of 256 characters), the same ones the API client applies.
//! Pure functions, no I/O. The bindings (Kotlin, Swift, Python) take these types as they are.
//!
//! ```
//! use razorpay_core::checkout::{CheckoutOptions, CheckoutResult, parse_checkout_result};
//!
//! let options = CheckoutOptions::new("rzp_test_1DP5mmOlF5G5ag", "order_9A33XWu170gUtm", 50_000, "INR", "Acme Shop")
//!     .description("Order #1001")
//!     .theme_color("#3399cc");
//! assert_eq!(
//!     options.to_json().unwrap(),
//!     r##"{"key":"rzp_test_1DP5mmOlF5G5ag","amount":50000,"currency":"INR","name":"Acme Shop","description":"Order #1001","order_id":"order_9A33XWu170gUtm","theme":{"color":"#3399cc"}}"##
//! );
//!
//! let result = parse_checkout_result(
//!     r#"{"razorpay_payment_id":"pay_29QQoUBi66xm2f","razorpay_order_id":"order_9A33XWu170gUtm","razorpay_signature":"9ef4dffbfd84f1318f6739a3ce19f9d85851857ae648f114332d8401e0949a3d"}"#,
//! ).unwrap();
//! let CheckoutResult::Success { payment } = result else { panic!("a success payload") };
//! assert_eq!(payment.payment_id, "pay_29QQoUBi66xm2f");
//! ```

mod options;
mod result;

pub use options::{CheckoutOptions, CheckoutPrefill};
pub use result::{CheckoutFailure, CheckoutResult, CheckoutSuccess, parse_checkout_result};

/// Errors of the checkout-options builder and the checkout-result parser.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature), with
/// [`code`](Self::code) on the base type like every other error.
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi::export(Display))]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckoutOptionsError {
    /// An option is missing or not what Razorpay Checkout accepts; `field` names it.
    #[error("invalid checkout option `{field}`: {reason}")]
    InvalidOption {
        /// The option's name as in the options JSON (`key`, `order_id`, `amount`, …).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The payload handed back by the SDK is neither a success nor a failure payload.
    #[error("checkout result payload is not valid: {reason}")]
    InvalidPayload {
        /// What is wrong with it.
        reason: String,
    },
}

impl CheckoutOptionsError {
    fn option(field: &str, reason: impl Into<String>) -> Self {
        Self::InvalidOption {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }

    fn payload(reason: impl Into<String>) -> Self {
        Self::InvalidPayload {
            reason: reason.into(),
        }
    }

    /// The stable machine-readable code: `CHECKOUT_OPTION_INVALID` or
    /// `CHECKOUT_PAYLOAD_INVALID`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidOption { .. } => "CHECKOUT_OPTION_INVALID",
            Self::InvalidPayload { .. } => "CHECKOUT_PAYLOAD_INVALID",
        }
    }
}

crate::uniffi_code::export_error_code!(CheckoutOptionsError);

#[cfg(test)]
mod tests;
