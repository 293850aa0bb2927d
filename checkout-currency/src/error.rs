//! Errors raised when building a currency table or checking an amount against it.

/// A currency definition or an amount that the currency table rejects.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature), with `code()` on the
/// base type. The currency's ISO code is the field `currency`: a field called `code` would hide
/// the `code()` method in Python.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi::export(Display))]
#[non_exhaustive]
pub enum CurrencyError {
    /// The code is not three upper-case ASCII letters (ISO 4217 alphabetic form).
    #[error("currency code {currency:?} is not three upper-case ASCII letters")]
    InvalidCode {
        /// The rejected code.
        currency: String,
    },
    /// The exponent is larger than 18, the most an `i64` amount can carry.
    #[error("currency {currency} has exponent {exponent}; at most 18 decimal places are supported")]
    ExponentTooLarge {
        /// The currency code.
        currency: String,
        /// The rejected exponent.
        exponent: u8,
    },
    /// `min_amount` is negative or `amount_step` is not positive.
    #[error("currency {currency} has an invalid limit: {reason}")]
    InvalidLimit {
        /// The currency code.
        currency: String,
        /// Which limit is wrong and why.
        reason: String,
    },
    /// The same code appears twice in one table.
    #[error("currency {currency} appears more than once in the table")]
    Duplicate {
        /// The repeated code.
        currency: String,
    },
    /// The code is well-formed but not in the table.
    #[error("currency {currency} is not supported")]
    Unsupported {
        /// The unknown code.
        currency: String,
    },
    /// The amount is below the currency's payable minimum.
    #[error("amount {amount} is below the minimum of {min_amount} minor units for {currency}")]
    BelowMinimum {
        /// The currency code.
        currency: String,
        /// The rejected amount in minor units.
        amount: i64,
        /// The currency's minimum in minor units.
        min_amount: i64,
    },
    /// The amount is not a multiple of the currency's step (for example Razorpay requires the
    /// last of the three decimals of KWD, BHD, OMR … to be 0).
    #[error("amount {amount} {currency} is not a multiple of {amount_step} minor units")]
    NotInStep {
        /// The currency code.
        currency: String,
        /// The rejected amount in minor units.
        amount: i64,
        /// The step the amount must be a multiple of.
        amount_step: i64,
    },
}

impl CurrencyError {
    /// Stable machine-readable code (SCREAMING_SNAKE).
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidCode { .. } => "CURRENCY_CODE_INVALID",
            Self::ExponentTooLarge { .. } => "CURRENCY_EXPONENT_TOO_LARGE",
            Self::InvalidLimit { .. } => "CURRENCY_LIMIT_INVALID",
            Self::Duplicate { .. } => "CURRENCY_DUPLICATE",
            Self::Unsupported { .. } => "CURRENCY_UNSUPPORTED",
            Self::BelowMinimum { .. } => "AMOUNT_BELOW_MINIMUM",
            Self::NotInStep { .. } => "AMOUNT_NOT_IN_STEP",
        }
    }
}

// uniffi cannot return `&'static str`: the foreign `code()` is this owned copy of `code`.
#[cfg(feature = "uniffi")]
#[uniffi::export]
impl CurrencyError {
    #[uniffi::method(name = "code")]
    fn code_for_ffi(&self) -> String {
        self.code().to_owned()
    }
}
