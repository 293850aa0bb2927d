//! The shop's rules as a record whose every field may be left out.
//!
//! The one cart type that is converted rather than exported as it is: checkout-rules' `Policy`
//! defaults (no price increase tolerated, any decrease accepted, the gateway minimum applied)
//! are values a uniffi field default cannot spell, so here each field is optional and `None`
//! means checkout-rules' default.

use std::collections::HashMap;

use checkout_rules as rules;
use rules::{AmountLimits, DuplicateLines, PriceTolerance};

use super::CartError;
use crate::currency::CurrencyInfo;

/// The shop's rules. Every field is optional: `Policy()` is checkout-rules' default policy
/// (no price increase tolerated, any decrease accepted, Razorpay's minimum amount applied).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct Policy {
    /// Tolerated price increase; default: none.
    #[uniffi(default)]
    pub price_increase_tolerance: Option<PriceTolerance>,
    /// Tolerated price decrease; default: any (reported as a warning).
    #[uniffi(default)]
    pub price_decrease_tolerance: Option<PriceTolerance>,
    /// Most lines a cart may have.
    #[uniffi(default)]
    pub max_lines: Option<u32>,
    /// Most units a cart may hold in total.
    #[uniffi(default)]
    pub max_total_quantity: Option<i64>,
    /// Per-currency total limits (ISO code → limits).
    #[uniffi(default)]
    pub amount_limits: HashMap<String, AmountLimits>,
    /// Whether the currency's payable minimum applies when no explicit minimum is set;
    /// default: yes.
    #[uniffi(default)]
    pub apply_gateway_minimum: Option<bool>,
    /// Duplicate-line handling; default: merge.
    #[uniffi(default)]
    pub duplicate_lines: Option<DuplicateLines>,
    /// A currency table replacing the built-in Razorpay one.
    #[uniffi(default)]
    pub currencies: Option<Vec<CurrencyInfo>>,
}

impl TryFrom<Policy> for rules::Policy {
    type Error = CartError;

    fn try_from(p: Policy) -> Result<Self, CartError> {
        let currencies = p
            .currencies
            .map(rules::currency::CurrencyTable::new)
            .transpose()?;
        // Start from checkout-rules' defaults and override only what the app set: `Policy` is
        // `#[non_exhaustive]`, so a rule added there keeps its default here.
        let mut policy = rules::Policy::default()
            .max_lines(p.max_lines)
            .max_total_quantity(p.max_total_quantity)
            .currencies(currencies);
        if let Some(tolerance) = p.price_increase_tolerance {
            policy = policy.price_increase_tolerance(tolerance);
        }
        if let Some(tolerance) = p.price_decrease_tolerance {
            policy = policy.price_decrease_tolerance(tolerance);
        }
        if let Some(apply) = p.apply_gateway_minimum {
            policy = policy.apply_gateway_minimum(apply);
        }
        if let Some(duplicates) = p.duplicate_lines {
            policy = policy.duplicate_lines(duplicates);
        }
        Ok(p.amount_limits
            .into_iter()
            .fold(policy, |policy, (currency, limits)| {
                policy.amount_limit(currency, limits)
            }))
    }
}
