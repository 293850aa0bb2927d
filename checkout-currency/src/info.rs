//! One currency's definition.

use serde::{Deserialize, Serialize};

use crate::CurrencyError;

/// How the integer part of a formatted amount is grouped.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Grouping {
    /// Groups of three: `1,234,567`.
    #[default]
    Thousands,
    /// Indian lakh/crore grouping: the last three digits, then groups of two: `12,34,567`.
    Indian,
}

/// One currency: code, exponent, display symbol and the payable limits.
///
/// Amounts are always `i64` minor units: `exponent` is the number of decimal places, so
/// ₹1.00 is `100` (exponent 2), ¥1 is `1` (exponent 0) and 1.000 KD is `1000` (exponent 3).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CurrencyInfo {
    /// ISO 4217 alphabetic code, upper case (`"INR"`).
    pub code: String,
    /// Decimal places of the minor unit (INR 2, JPY 0, KWD 3).
    pub exponent: u8,
    /// Display symbol (`"₹"`, `"$"`, `"KD"`).
    pub symbol: String,
    /// English name, for messages and pickers.
    pub name: String,
    /// Smallest payable amount in minor units (INR: 100 paise).
    pub min_amount: i64,
    /// Payable amounts must be a multiple of this many minor units (1 for most currencies;
    /// 10 for three-decimal currencies, whose last digit Razorpay requires to be 0).
    #[serde(default = "one")]
    #[cfg_attr(feature = "ts", ts(as = "Option<i64>", optional))]
    pub amount_step: i64,
    /// Digit grouping used by [`format`](Self::format).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<Grouping>", optional))]
    pub grouping: Grouping,
}

fn one() -> i64 {
    1
}

impl CurrencyInfo {
    /// A currency with the documented Razorpay defaults: minimum one major unit, step 1
    /// (10 for three-decimal currencies), thousands grouping.
    ///
    /// Fails when the code is not three upper-case ASCII letters or the exponent exceeds 18.
    pub fn new(
        code: impl Into<String>,
        exponent: u8,
        symbol: impl Into<String>,
        name: impl Into<String>,
    ) -> Result<Self, CurrencyError> {
        let code = code.into();
        let min_amount = 10i64
            .checked_pow(u32::from(exponent))
            .filter(|_| exponent <= 18)
            .ok_or_else(|| CurrencyError::ExponentTooLarge {
                currency: code.clone(),
                exponent,
            })?;
        let info = Self {
            code,
            exponent,
            symbol: symbol.into(),
            name: name.into(),
            min_amount,
            amount_step: if exponent == 3 { 10 } else { 1 },
            grouping: Grouping::Thousands,
        };
        info.validate()?;
        Ok(info)
    }

    /// Number of minor units in one major unit (`10^exponent`), or `None` if the exponent is
    /// too large for `i64`.
    pub fn minor_per_major(&self) -> Option<i64> {
        10i64.checked_pow(u32::from(self.exponent))
    }

    /// Check that the definition is usable: ISO-shaped code, exponent ≤ 18, non-negative
    /// minimum, positive step.
    pub fn validate(&self) -> Result<(), CurrencyError> {
        if !is_iso_code(&self.code) {
            return Err(CurrencyError::InvalidCode {
                currency: self.code.clone(),
            });
        }
        if self.exponent > 18 {
            return Err(CurrencyError::ExponentTooLarge {
                currency: self.code.clone(),
                exponent: self.exponent,
            });
        }
        if self.min_amount < 0 {
            return Err(CurrencyError::InvalidLimit {
                currency: self.code.clone(),
                reason: "minAmount must not be negative".to_owned(),
            });
        }
        if self.amount_step < 1 {
            return Err(CurrencyError::InvalidLimit {
                currency: self.code.clone(),
                reason: "amountStep must be at least 1".to_owned(),
            });
        }
        Ok(())
    }

    /// Check a payable amount (for example an order amount before sending it to Razorpay):
    /// at least `min_amount` and a multiple of `amount_step`.
    pub fn check_amount(&self, amount: i64) -> Result<(), CurrencyError> {
        if amount < self.min_amount {
            return Err(CurrencyError::BelowMinimum {
                currency: self.code.clone(),
                amount,
                min_amount: self.min_amount,
            });
        }
        // `checked_rem` is None only for a zero step or i64::MIN % -1; both mean "not in step".
        if self.amount_step != 1 && amount.checked_rem(self.amount_step) != Some(0) {
            return Err(CurrencyError::NotInStep {
                currency: self.code.clone(),
                amount,
                amount_step: self.amount_step,
            });
        }
        Ok(())
    }

    /// Format an amount in minor units for display: `₹1,234.50`, `¥1,235`, `KD 1.235`.
    /// See [`format_minor_units`](crate::format_minor_units) for the rules.
    pub fn format(&self, amount_minor: i64) -> String {
        crate::format::format_with(amount_minor, &self.symbol, self.exponent, self.grouping)
    }
}

/// ISO 4217 alphabetic codes are exactly three upper-case ASCII letters.
pub(crate) fn is_iso_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_applies_razorpay_defaults() {
        let kwd = CurrencyInfo::new("KWD", 3, "KD", "Kuwaiti Dinar").unwrap();
        assert_eq!((kwd.min_amount, kwd.amount_step), (1000, 10));
        let jpy = CurrencyInfo::new("JPY", 0, "¥", "Yen").unwrap();
        assert_eq!((jpy.min_amount, jpy.amount_step), (1, 1));
    }

    #[test]
    fn new_rejects_bad_codes_and_exponents() {
        let err = CurrencyInfo::new("inr", 2, "₹", "x").unwrap_err();
        assert_eq!(err.code(), "CURRENCY_CODE_INVALID");
        let err = CurrencyInfo::new("INRR", 2, "₹", "x").unwrap_err();
        assert_eq!(err.code(), "CURRENCY_CODE_INVALID");
        let err = CurrencyInfo::new("XXX", 19, "x", "x").unwrap_err();
        assert_eq!(err.code(), "CURRENCY_EXPONENT_TOO_LARGE");
        let err = CurrencyInfo::new("XXX", 255, "x", "x").unwrap_err();
        assert_eq!(err.code(), "CURRENCY_EXPONENT_TOO_LARGE");
    }

    #[test]
    fn validate_rejects_bad_limits() {
        let mut c = CurrencyInfo::new("USD", 2, "$", "Dollar").unwrap();
        c.min_amount = -1;
        assert_eq!(c.validate().unwrap_err().code(), "CURRENCY_LIMIT_INVALID");
        c.min_amount = 100;
        c.amount_step = 0;
        assert_eq!(c.validate().unwrap_err().code(), "CURRENCY_LIMIT_INVALID");
    }

    #[test]
    fn check_amount_enforces_minimum_and_step() {
        let kwd = CurrencyInfo::new("KWD", 3, "KD", "Kuwaiti Dinar").unwrap();
        assert!(kwd.check_amount(99990).is_ok());
        assert_eq!(
            kwd.check_amount(99991).unwrap_err().code(),
            "AMOUNT_NOT_IN_STEP"
        );
        assert_eq!(
            kwd.check_amount(990).unwrap_err().code(),
            "AMOUNT_BELOW_MINIMUM"
        );
        assert_eq!(
            kwd.check_amount(i64::MIN).unwrap_err().code(),
            "AMOUNT_BELOW_MINIMUM"
        );
        assert!(kwd.check_amount(i64::MAX - 7).is_ok());
        let mut odd = kwd.clone();
        odd.amount_step = 0; // only reachable by editing the public field
        assert_eq!(
            odd.check_amount(5000).unwrap_err().code(),
            "AMOUNT_NOT_IN_STEP"
        );
    }

    #[test]
    fn json_is_camel_case_and_defaults_optional_fields() {
        let c: CurrencyInfo = serde_json::from_str(
            r#"{"code":"USD","exponent":2,"symbol":"$","name":"Dollar","minAmount":50}"#,
        )
        .unwrap();
        assert_eq!(
            (c.min_amount, c.amount_step, c.grouping),
            (50, 1, Grouping::Thousands)
        );
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("\"minAmount\":50") && json.contains("\"amountStep\":1"));
    }
}
