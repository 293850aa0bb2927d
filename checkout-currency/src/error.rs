//! Errors raised when building a currency table or checking an amount against it.

/// A currency definition or an amount that the currency table rejects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CurrencyError {
    /// The code is not three upper-case ASCII letters (ISO 4217 alphabetic form).
    #[error("currency code {code:?} is not three upper-case ASCII letters")]
    InvalidCode {
        /// The rejected code.
        code: String,
    },
    /// The exponent is larger than 18, the most an `i64` amount can carry.
    #[error("currency {code} has exponent {exponent}; at most 18 decimal places are supported")]
    ExponentTooLarge {
        /// The currency code.
        code: String,
        /// The rejected exponent.
        exponent: u8,
    },
    /// `min_amount` is negative or `amount_step` is not positive.
    #[error("currency {code} has an invalid limit: {reason}")]
    InvalidLimit {
        /// The currency code.
        code: String,
        /// Which limit is wrong and why.
        reason: &'static str,
    },
    /// The same code appears twice in one table.
    #[error("currency {code} appears more than once in the table")]
    Duplicate {
        /// The repeated code.
        code: String,
    },
    /// The code is well-formed but not in the table.
    #[error("currency {code} is not supported")]
    Unsupported {
        /// The unknown code.
        code: String,
    },
    /// The amount is below the currency's payable minimum.
    #[error("amount {amount} is below the minimum of {min_amount} minor units for {code}")]
    BelowMinimum {
        /// The currency code.
        code: String,
        /// The rejected amount in minor units.
        amount: i64,
        /// The currency's minimum in minor units.
        min_amount: i64,
    },
    /// The amount is not a multiple of the currency's step (for example Razorpay requires the
    /// last of the three decimals of KWD, BHD, OMR … to be 0).
    #[error("amount {amount} {code} is not a multiple of {amount_step} minor units")]
    NotInStep {
        /// The currency code.
        code: String,
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
