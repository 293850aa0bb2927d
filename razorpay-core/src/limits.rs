//! Razorpay's documented limits, in one place. The order and refund builders, the API table's
//! checks, the Checkout options builder ([`crate::checkout`]) and the sandbox all read these, so
//! a limit cannot differ between them. Pure data: no I/O.
//!
//! Currency limits (exponent, minimum payable amount, the three-decimal step) come from the
//! `checkout-currency` crate, which `checkout-rules` reads too; this module names the table
//! Razorpay applies.
//!
//! ```
//! use razorpay_core::limits;
//!
//! assert_eq!(limits::currency("INR").map(|c| c.min_amount), Some(100));
//! assert!(limits::is_key_id("rzp_test_1DP5mmOlF5G5ag"));
//! assert!(!limits::is_key_id("rzp_test_")); // a prefix alone is not a key
//! ```

pub use checkout_currency::{CurrencyInfo, CurrencyTable};

/// Longest `receipt` Razorpay accepts, in characters.
pub const RECEIPT_MAX_CHARS: usize = 40;
/// Most keys `notes` may hold.
pub const NOTES_MAX_KEYS: usize = 15;
/// Longest value of one note, in characters.
pub const NOTE_VALUE_MAX_CHARS: usize = 256;
/// Largest page of a list call.
pub const LIST_MAX_COUNT: u32 = 100;
/// Prefix of a test-mode key id.
pub const TEST_KEY_PREFIX: &str = "rzp_test_";
/// Prefix of a live-mode key id.
pub const LIVE_KEY_PREFIX: &str = "rzp_live_";

/// The currencies Razorpay accepts, with their exponents, minimums (one major unit) and steps.
pub fn currencies() -> &'static CurrencyTable {
    CurrencyTable::razorpay()
}

/// The currency `code` (upper case) if Razorpay accepts it.
pub fn currency(code: &str) -> Option<&'static CurrencyInfo> {
    currencies().get(code)
}

/// Whether `key_id` is a public key id Checkout takes: `rzp_test_` or `rzp_live_` followed by
/// at least one character. A key secret has neither prefix, so this also keeps a secret out of
/// the options an app ships.
pub fn is_key_id(key_id: &str) -> bool {
    [TEST_KEY_PREFIX, LIVE_KEY_PREFIX].iter().any(|prefix| {
        key_id
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_shared_one() {
        // One owner: checkout-rules' default policy and this module read the same table.
        assert!(std::ptr::eq(currencies(), CurrencyTable::razorpay()));
        let kwd = currency("KWD").unwrap();
        assert_eq!(
            (kwd.exponent, kwd.min_amount, kwd.amount_step),
            (3, 1000, 10)
        );
        assert!(currency("inr").is_none());
    }

    #[test]
    fn key_ids_need_a_prefix_and_a_body() {
        for ok in ["rzp_test_1DP5mmOlF5G5ag", "rzp_live_x"] {
            assert!(is_key_id(ok), "{ok}");
        }
        for bad in [
            "",
            "rzp_test_",
            "rzp_live_",
            "secret123",
            "RZP_TEST_x",
            "rzp_xyz_1",
        ] {
            assert!(!is_key_id(bad), "{bad}");
        }
    }
}
