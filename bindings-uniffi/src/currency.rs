//! Currencies Razorpay accepts and display formatting of minor-unit amounts
//! (`₹1,234.50`, `¥1,235`, `KD 1.235`), from `checkout_rules::currency`.

use checkout_rules::currency as rules;

/// How the integer part of a formatted amount is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Grouping {
    /// Groups of three: `1,234,567`.
    Thousands,
    /// Indian lakh/crore grouping: `12,34,567`.
    Indian,
}

/// One currency: code, exponent, display symbol and the payable limits.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

impl From<&rules::CurrencyInfo> for CurrencyInfo {
    fn from(c: &rules::CurrencyInfo) -> Self {
        Self {
            code: c.code.clone(),
            exponent: c.exponent,
            symbol: c.symbol.clone(),
            name: c.name.clone(),
            min_amount: c.min_amount,
            amount_step: c.amount_step,
            grouping: match c.grouping {
                rules::Grouping::Indian => Grouping::Indian,
                _ => Grouping::Thousands,
            },
        }
    }
}

/// A currency code or an amount the currency table rejects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum CurrencyError {
    /// The code is not a currency Razorpay accepts (`CURRENCY_UNSUPPORTED`,
    /// `CURRENCY_CODE_INVALID`).
    #[error("{code}: currency {currency:?} is not supported")]
    Unsupported {
        /// Stable machine-readable code.
        code: String,
        /// The rejected currency code.
        currency: String,
    },
    /// The amount is not payable in this currency (`AMOUNT_BELOW_MINIMUM`,
    /// `AMOUNT_NOT_IN_STEP`).
    #[error("{code}: {reason}")]
    InvalidAmount {
        /// Stable machine-readable code.
        code: String,
        /// The currency code.
        currency: String,
        /// The rejected amount in minor units.
        amount: i64,
        /// Why it is rejected.
        reason: String,
    },
}

impl CurrencyError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &str {
        match self {
            Self::Unsupported { code, .. } | Self::InvalidAmount { code, .. } => code,
        }
    }

    fn from_rules(e: rules::CurrencyError, currency: &str, amount: i64) -> Self {
        let code = e.code().to_owned();
        match e {
            rules::CurrencyError::BelowMinimum { .. } | rules::CurrencyError::NotInStep { .. } => {
                Self::InvalidAmount {
                    code,
                    currency: currency.to_owned(),
                    amount,
                    reason: e.to_string(),
                }
            }
            _ => Self::Unsupported {
                code,
                currency: currency.to_owned(),
            },
        }
    }
}

/// The built-in table entry for `code`, if Razorpay accepts that currency.
pub(crate) fn known_currency(code: &str) -> Option<&'static rules::CurrencyInfo> {
    rules::CurrencyTable::razorpay().get(code)
}

/// Every currency Razorpay accepts, in the table's order.
#[uniffi::export]
pub fn list_currencies() -> Vec<CurrencyInfo> {
    rules::CurrencyTable::razorpay()
        .iter()
        .map(CurrencyInfo::from)
        .collect()
}

/// The currency with ISO code `code`, or `null`/`nil`/`None` when Razorpay does not accept it.
#[uniffi::export]
pub fn get_currency(code: String) -> Option<CurrencyInfo> {
    known_currency(&code).map(CurrencyInfo::from)
}

/// Formats `amount_minor` (minor units) of `currency` for display: `₹1,234.50`, `¥1,235`,
/// `KD 1.235`. An unknown code prints with two decimals and the code as symbol.
#[uniffi::export]
pub fn format_minor_units(amount_minor: i64, currency: String) -> String {
    rules::format_minor_units(amount_minor, &currency)
}

/// Checks that `amount` (minor units) can be paid in `currency`: a known currency, at least its
/// minimum and a multiple of its step.
#[uniffi::export]
pub fn check_amount(currency: String, amount: i64) -> Result<(), CurrencyError> {
    rules::CurrencyTable::razorpay()
        .check_amount(&currency, amount)
        .map(|_| ())
        .map_err(|e| CurrencyError::from_rules(e, &currency, amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_checkout_rules() {
        assert_eq!(format_minor_units(123_450, "INR".into()), "₹1,234.50");
        assert_eq!(format_minor_units(1235, "JPY".into()), "¥1,235");
        assert_eq!(format_minor_units(1235, "KWD".into()), "KD 1.235");
    }

    #[test]
    fn table_and_lookup_agree() {
        let table = list_currencies();
        assert!(table.len() > 50);
        let inr = get_currency("INR".into()).unwrap();
        assert_eq!(
            (inr.exponent, inr.min_amount, inr.grouping),
            (2, 100, Grouping::Indian)
        );
        assert!(table.contains(&inr));
        assert_eq!(get_currency("XYZ".into()), None);
    }

    #[test]
    fn check_amount_maps_codes() {
        assert_eq!(check_amount("INR".into(), 100), Ok(()));
        let e = check_amount("INR".into(), 99).unwrap_err();
        assert_eq!(e.code(), "AMOUNT_BELOW_MINIMUM");
        let e = check_amount("KWD".into(), 1001).unwrap_err();
        assert_eq!(e.code(), "AMOUNT_NOT_IN_STEP");
        let e = check_amount("XYZ".into(), 100).unwrap_err();
        assert_eq!(e.code(), "CURRENCY_UNSUPPORTED");
        let e = check_amount("inr".into(), 100).unwrap_err();
        assert!(matches!(e, CurrencyError::Unsupported { .. }));
    }
}
