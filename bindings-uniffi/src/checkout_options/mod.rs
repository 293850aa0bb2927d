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

mod options;
mod result;

pub use options::{CheckoutOptions, CheckoutPrefill, checkout_options_json};
pub use result::{
    CheckoutFailure, CheckoutResult, CheckoutSuccess, checkout_callback_json, parse_checkout_result,
};

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

#[cfg(test)]
mod tests;
