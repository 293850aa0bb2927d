//! Currency facts (exponent, minimum amount) from `checkout_rules`' Razorpay table, so the
//! sandbox, the client and cart validation agree on one source.

use checkout_rules::currency::CurrencyTable;

/// What the sandbox needs to know about a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyRule {
    /// Digits after the decimal point (2 for INR, 0 for JPY, 3 for KWD).
    pub exponent: u32,
    /// Smallest amount Razorpay accepts, in minor units.
    pub min_amount: i64,
    /// Amounts must be multiples of this (10 for three-decimal currencies).
    pub amount_step: i64,
}

/// The rule for an ISO code Razorpay supports (exact, upper-case), or `None`.
pub fn lookup(code: &str) -> Option<CurrencyRule> {
    CurrencyTable::razorpay()
        .get(code)
        .map(|info| CurrencyRule {
            exponent: u32::from(info.exponent),
            min_amount: info.min_amount,
            amount_step: info.amount_step,
        })
}

/// `INR 1.00`, the way Razorpay writes amounts in error descriptions.
pub fn display_amount(code: &str, amount: i64, rule: CurrencyRule) -> String {
    let scale = 10_i64.checked_pow(rule.exponent).unwrap_or(1);
    let (major, minor) = (amount / scale, (amount % scale).abs());
    if rule.exponent == 0 {
        format!("{code} {major}")
    } else {
        format!(
            "{code} {major}.{minor:0width$}",
            width = rule.exponent as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_minimums_like_razorpay() {
        let inr = CurrencyRule {
            exponent: 2,
            min_amount: 100,
            amount_step: 1,
        };
        assert_eq!(display_amount("INR", 100, inr), "INR 1.00");
        let kwd = CurrencyRule {
            exponent: 3,
            min_amount: 100,
            amount_step: 10,
        };
        assert_eq!(display_amount("KWD", 1_005, kwd), "KWD 1.005");
        let jpy = CurrencyRule {
            exponent: 0,
            min_amount: 1,
            amount_step: 1,
        };
        assert_eq!(display_amount("JPY", 150, jpy), "JPY 150");
    }

    #[test]
    fn uses_the_shared_razorpay_table() {
        let inr = lookup("INR").expect("INR is supported");
        assert_eq!((inr.exponent, inr.min_amount), (2, 100));
        assert!(lookup("XYZ").is_none());
        assert!(lookup("inr").is_none());
    }
}
