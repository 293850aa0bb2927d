//! App side of a checkout: the currency table and formatting (`checkout-currency`), the options
//! the Razorpay mobile SDKs take and the result they hand back (`razorpay_core::checkout`).
//!
//! The records, enums and errors are the core types themselves, derived in `checkout-currency`
//! and `razorpay-core` (their `uniffi` features). Each export is one call into the crate that
//! owns the rule.

use checkout_currency::{CurrencyError, CurrencyInfo};
use razorpay_core::checkout::{
    CheckoutOptions, CheckoutOptionsError, CheckoutResult, CheckoutSuccess,
};
use razorpay_core::limits;

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
/// minimum and a multiple of its step. The error is checkout-currency's own (`Unsupported`,
/// `BelowMinimum`, `NotInStep`, …).
#[uniffi::export]
pub fn check_amount(currency: String, amount: i64) -> Result<(), CurrencyError> {
    limits::currencies()
        .check_amount(&currency, amount)
        .map(|_| ())
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
        assert!(matches!(e, CurrencyError::Unsupported { ref currency } if currency == "inr"));
        let e = check_amount("INR".into(), 99).unwrap_err();
        assert!(matches!(
            e,
            CurrencyError::BelowMinimum {
                amount: 99,
                min_amount: 100,
                ..
            }
        ));
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
