//! Problem codes and severities.

use serde::{Deserialize, Serialize};

/// Stable machine-readable problem codes (SCREAMING_SNAKE on the wire).
///
/// The declaration order is the precedence order: within one line (and among cart-level
/// problems) problems are listed in this order. See the crate docs for the suppression rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum ProblemCode {
    // ---- line problems that remove the line (only the first applicable one is reported) ----
    /// A later line reuses an earlier line's `lineId`.
    DuplicateLineId,
    /// The product or variant is not in the catalog, or is marked as deleted.
    ProductNotFound,
    /// The product exists but cannot be bought.
    ProductInactive,
    /// The catalog prices the product in another currency than the cart's.
    CurrencyMismatch,
    /// The catalog price is negative.
    PriceInvalid,
    /// The quantity is zero or negative.
    QuantityInvalid,
    /// Stock is tracked, back-orders are not allowed and nothing is on hand.
    OutOfStock,
    /// Quantity × unit price (or the summed quantity) does not fit in an `i64`; also used at
    /// cart level when the subtotal does not fit.
    AmountOverflow,
    // ---- quantity rules, checked on the quantity summed over lines of the same item ----
    /// Fewer units on hand than requested.
    InsufficientStock,
    /// More than the per-order maximum.
    QuantityAboveMaximum,
    /// Fewer than the per-order minimum.
    QuantityBelowMinimum,
    /// Not a multiple of the quantity step.
    QuantityNotInStep,
    // ---- price drift, per line ----
    /// The unit price went up since the shopper added the line.
    PriceIncreased,
    /// The unit price went down since the shopper added the line.
    PriceDecreased,
    /// Another line holds the same product and variant.
    DuplicateLine,
    // ---- cart-level problems ----
    /// The cart's currency is not in the currency table.
    CurrencyUnsupported,
    /// No line is left to buy.
    EmptyCart,
    /// More lines than the policy allows.
    TooManyLines,
    /// More units than the policy allows.
    TotalQuantityAboveMaximum,
    /// The order discount is negative or larger than the subtotal.
    DiscountInvalid,
    /// The payable total is below the currency's or policy's minimum.
    TotalBelowMinimum,
    /// The payable total is above the policy's maximum.
    TotalAboveMaximum,
}

// Problem codes cross uniffi as their stable strings (`OUT_OF_STOCK`, …), as in JSON and Node,
// so an app built against an older library still reads a code added later.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(ProblemCode, String, {
    lower: |code| code.as_str().to_owned(),
    try_lift: |text| Ok(serde_json::from_value(serde_json::Value::String(text))?),
});

impl ProblemCode {
    /// The wire form, e.g. `"OUT_OF_STOCK"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DuplicateLineId => "DUPLICATE_LINE_ID",
            Self::ProductNotFound => "PRODUCT_NOT_FOUND",
            Self::ProductInactive => "PRODUCT_INACTIVE",
            Self::CurrencyMismatch => "CURRENCY_MISMATCH",
            Self::PriceInvalid => "PRICE_INVALID",
            Self::QuantityInvalid => "QUANTITY_INVALID",
            Self::OutOfStock => "OUT_OF_STOCK",
            Self::AmountOverflow => "AMOUNT_OVERFLOW",
            Self::InsufficientStock => "INSUFFICIENT_STOCK",
            Self::QuantityAboveMaximum => "QUANTITY_ABOVE_MAXIMUM",
            Self::QuantityBelowMinimum => "QUANTITY_BELOW_MINIMUM",
            Self::QuantityNotInStep => "QUANTITY_NOT_IN_STEP",
            Self::PriceIncreased => "PRICE_INCREASED",
            Self::PriceDecreased => "PRICE_DECREASED",
            Self::DuplicateLine => "DUPLICATE_LINE",
            Self::CurrencyUnsupported => "CURRENCY_UNSUPPORTED",
            Self::EmptyCart => "EMPTY_CART",
            Self::TooManyLines => "TOO_MANY_LINES",
            Self::TotalQuantityAboveMaximum => "TOTAL_QUANTITY_ABOVE_MAXIMUM",
            Self::DiscountInvalid => "DISCOUNT_INVALID",
            Self::TotalBelowMinimum => "TOTAL_BELOW_MINIMUM",
            Self::TotalAboveMaximum => "TOTAL_ABOVE_MAXIMUM",
        }
    }
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a problem stops checkout.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Checkout cannot proceed until the problem is fixed.
    Blocking,
    /// Checkout may proceed; the shopper should be told (e.g. a lower price).
    Warning,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_form_matches_as_str() {
        let all = [
            ProblemCode::DuplicateLineId,
            ProblemCode::ProductNotFound,
            ProblemCode::ProductInactive,
            ProblemCode::CurrencyMismatch,
            ProblemCode::PriceInvalid,
            ProblemCode::QuantityInvalid,
            ProblemCode::OutOfStock,
            ProblemCode::AmountOverflow,
            ProblemCode::InsufficientStock,
            ProblemCode::QuantityAboveMaximum,
            ProblemCode::QuantityBelowMinimum,
            ProblemCode::QuantityNotInStep,
            ProblemCode::PriceIncreased,
            ProblemCode::PriceDecreased,
            ProblemCode::DuplicateLine,
            ProblemCode::CurrencyUnsupported,
            ProblemCode::EmptyCart,
            ProblemCode::TooManyLines,
            ProblemCode::TotalQuantityAboveMaximum,
            ProblemCode::DiscountInvalid,
            ProblemCode::TotalBelowMinimum,
            ProblemCode::TotalAboveMaximum,
        ];
        for code in all {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ProblemCode>(&json).unwrap(), code);
        }
        assert!(
            all.windows(2).all(|w| w[0] < w[1]),
            "precedence follows declaration order"
        );
    }
}
