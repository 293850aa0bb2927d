//! The shop's rules: price drift tolerance, cart limits, payable limits, duplicate handling.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::currency::CurrencyTable;

/// How far a unit price may move (in one direction) before the change blocks checkout.
///
/// A change is *within* tolerance when it satisfies every limit that is set: at most
/// `absolute` minor units and at most `basis_points` of the price the shopper saw
/// (100 bp = 1 %). With neither set, any change is within tolerance. Negative limits count as 0.
/// A change within tolerance is a warning (the shopper pays the current price); beyond it,
/// the problem is blocking until the shopper accepts the new price.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriceTolerance {
    /// Largest tolerated change per unit, in minor units.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absolute: Option<i64>,
    /// Largest tolerated change per unit, in basis points of the price the shopper saw.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_points: Option<i64>,
}

impl PriceTolerance {
    /// No change is tolerated: every change blocks.
    pub const ZERO: Self = Self {
        absolute: Some(0),
        basis_points: None,
    };
    /// Every change is tolerated (reported as a warning).
    pub const UNLIMITED: Self = Self {
        absolute: None,
        basis_points: None,
    };

    /// Tolerate up to `minor_units` per unit.
    pub fn absolute(minor_units: i64) -> Self {
        Self {
            absolute: Some(minor_units),
            basis_points: None,
        }
    }

    /// Tolerate up to `basis_points` of the seen price.
    pub fn basis_points(basis_points: i64) -> Self {
        Self {
            absolute: None,
            basis_points: Some(basis_points),
        }
    }
}

/// Payable limits for one currency, in minor units.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AmountLimits {
    /// Smallest payable total; overrides the currency table's minimum.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Largest payable total.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

/// What to do with two lines for the same product and variant.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum DuplicateLines {
    /// Merge them (DUPLICATE_LINE is a warning; the plan holds one line).
    #[default]
    Merge,
    /// Report them (DUPLICATE_LINE is blocking until the shopper merges them).
    Report,
}

/// The shop's checkout rules. Every field has a default, so `{}` is a valid policy:
/// price increases block, decreases are warnings, no line or quantity limits, the gateway
/// minimum of the currency table applies, duplicate lines are merged, Razorpay's currencies.
/// An unknown field is an error, so a misspelt rule cannot silently fall back to its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// Tolerance for prices that went up since the shopper added the line.
    #[cfg_attr(feature = "ts", ts(as = "Option<PriceTolerance>", optional))]
    pub price_increase_tolerance: PriceTolerance,
    /// Tolerance for prices that went down.
    #[cfg_attr(feature = "ts", ts(as = "Option<PriceTolerance>", optional))]
    pub price_decrease_tolerance: PriceTolerance,
    /// Most lines a cart may have (after merging duplicates and removing dead lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max_lines: Option<u32>,
    /// Most units a cart may hold, summed over lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub max_total_quantity: Option<i64>,
    /// Payable limits per currency code.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<BTreeMap<String, AmountLimits>>", optional)
    )]
    pub amount_limits: BTreeMap<String, AmountLimits>,
    /// Apply the currency table's `min_amount` (Razorpay: 100 paise for INR) when
    /// `amount_limits` sets no minimum for the cart's currency.
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub apply_gateway_minimum: bool,
    /// Merge or report duplicate lines.
    #[cfg_attr(feature = "ts", ts(as = "Option<DuplicateLines>", optional))]
    pub duplicate_lines: DuplicateLines,
    /// Currency table; `None` means [`CurrencyTable::razorpay`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<Vec<crate::currency::CurrencyInfo>>", optional)
    )]
    pub currencies: Option<CurrencyTable>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            price_increase_tolerance: PriceTolerance::ZERO,
            price_decrease_tolerance: PriceTolerance::UNLIMITED,
            max_lines: None,
            max_total_quantity: None,
            amount_limits: BTreeMap::new(),
            apply_gateway_minimum: true,
            duplicate_lines: DuplicateLines::Merge,
            currencies: None,
        }
    }
}

impl Policy {
    /// Builder: the tolerance for prices that went up.
    pub fn price_increase_tolerance(mut self, tolerance: PriceTolerance) -> Self {
        self.price_increase_tolerance = tolerance;
        self
    }

    /// Builder: the tolerance for prices that went down.
    pub fn price_decrease_tolerance(mut self, tolerance: PriceTolerance) -> Self {
        self.price_decrease_tolerance = tolerance;
        self
    }

    /// Builder: the most lines a cart may have (`None`: no limit).
    pub fn max_lines(mut self, max_lines: impl Into<Option<u32>>) -> Self {
        self.max_lines = max_lines.into();
        self
    }

    /// Builder: the most units a cart may hold (`None`: no limit).
    pub fn max_total_quantity(mut self, max_total_quantity: impl Into<Option<i64>>) -> Self {
        self.max_total_quantity = max_total_quantity.into();
        self
    }

    /// Builder: the payable limits for one currency (added to
    /// [`amount_limits`](Self::amount_limits), replacing that currency's limits).
    pub fn amount_limit(mut self, currency: impl Into<String>, limits: AmountLimits) -> Self {
        self.amount_limits.insert(currency.into(), limits);
        self
    }

    /// Builder: whether the currency table's minimum applies when no explicit minimum is set.
    pub fn apply_gateway_minimum(mut self, apply_gateway_minimum: bool) -> Self {
        self.apply_gateway_minimum = apply_gateway_minimum;
        self
    }

    /// Builder: merge or report duplicate lines.
    pub fn duplicate_lines(mut self, duplicate_lines: DuplicateLines) -> Self {
        self.duplicate_lines = duplicate_lines;
        self
    }

    /// Builder: the currency table (`None`: [`CurrencyTable::razorpay`]).
    pub fn currencies(mut self, currencies: impl Into<Option<CurrencyTable>>) -> Self {
        self.currencies = currencies.into();
        self
    }

    /// The currency table in effect.
    pub fn currency_table(&self) -> &CurrencyTable {
        self.currencies
            .as_ref()
            .unwrap_or_else(|| CurrencyTable::razorpay())
    }

    /// The payable minimum and maximum for `currency`, after defaults.
    pub fn limits_for(&self, currency: &str) -> AmountLimits {
        let explicit = self
            .amount_limits
            .get(currency)
            .copied()
            .unwrap_or_default();
        let gateway_min = self
            .apply_gateway_minimum
            .then(|| self.currency_table().get(currency).map(|c| c.min_amount))
            .flatten();
        AmountLimits {
            min: explicit.min.or(gateway_min),
            max: explicit.max,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_json_is_the_default_policy() {
        let p: Policy = serde_json::from_str("{}").unwrap();
        assert_eq!(p, Policy::default());
        assert_eq!(p.limits_for("INR").min, Some(100));
        assert_eq!(p.limits_for("XYZ").min, None);
    }

    #[test]
    fn explicit_limits_override_gateway_minimum() {
        let p: Policy = serde_json::from_str(
            r#"{"amountLimits":{"INR":{"min":5000,"max":50000000}},"applyGatewayMinimum":false}"#,
        )
        .unwrap();
        assert_eq!(
            p.limits_for("INR"),
            AmountLimits {
                min: Some(5000),
                max: Some(50_000_000)
            }
        );
        assert_eq!(p.limits_for("USD").min, None);
    }

    #[test]
    fn a_misspelt_rule_is_an_error_not_a_silently_missing_rule() {
        // `priceIncrease` instead of `priceIncreaseTolerance` would otherwise leave every price
        // rise blocking without anyone noticing.
        let err = serde_json::from_str::<Policy>(r#"{"priceIncrease":{"basisPoints":500}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `priceIncrease`"), "{err}");
        assert!(serde_json::from_str::<PriceTolerance>(r#"{"percent":5}"#).is_err());
        assert!(serde_json::from_str::<AmountLimits>(r#"{"minimum":100}"#).is_err());
    }
}
