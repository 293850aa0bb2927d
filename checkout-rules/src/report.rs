//! The validation report.

use serde::{Deserialize, Serialize};

use crate::{Cart, Fix, ProblemCode, Severity};

/// One problem with one cart line. A line may have several (a price change and a stock
/// shortage); each has its own entry, ordered by line and then by code precedence.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InvalidItem {
    /// Stable machine-readable code.
    pub code: ProblemCode,
    /// Blocking or warning.
    pub severity: Severity,
    /// A sentence for the shopper, in English.
    pub message: String,
    /// The line's id.
    pub line_id: String,
    /// The line's position in the submitted cart.
    pub line_index: u64,
    /// The product.
    pub product_id: String,
    /// The variant, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<String>,
    /// Quantity requested: for quantity and stock problems, summed over every line of the
    /// same item; otherwise the line's own quantity.
    pub requested_quantity: i64,
    /// Units that can be sold, when stock limits the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_quantity: Option<i64>,
    /// The rule's limit for quantity problems (minimum, maximum or step).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Unit price the shopper saw (price problems).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_unit_price: Option<i64>,
    /// Current catalog unit price (price problems).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_unit_price: Option<i64>,
    /// `new - old` per unit in minor units (price problems).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<i64>,
    /// `difference` in basis points of the old price, truncated toward zero; absent when the
    /// old price is not positive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference_bps: Option<i64>,
    /// What would fix it.
    pub fix: Fix,
}

/// A problem with the cart as a whole, evaluated on the cart as it would be checked out
/// (after every line fix).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CartProblem {
    /// Stable machine-readable code.
    pub code: ProblemCode,
    /// Blocking or warning (cart problems are always blocking today).
    pub severity: Severity,
    /// A sentence for the shopper, in English.
    pub message: String,
    /// The observed value (total, line count, quantity or discount).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<i64>,
    /// The limit it breaks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// What would fix it; absent when nothing can (an unsupported currency, an overflow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// Totals of a cart in minor units.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// ISO currency code.
    pub currency: String,
    /// Number of lines.
    pub line_count: u64,
    /// Units summed over lines.
    pub total_quantity: i64,
    /// Σ quantity × unit price.
    pub subtotal: i64,
    /// Order discount.
    pub discount: i64,
    /// `subtotal - discount`: the payable amount.
    pub total: i64,
}

/// The result of [`validate_cart`](crate::validate_cart).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CartReport {
    /// The cart id, if the cart had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cart_id: Option<String>,
    /// `true` iff no problem is blocking.
    pub is_valid: bool,
    /// Line problems, ordered by line and then by code precedence.
    pub invalid_items: Vec<InvalidItem>,
    /// Cart-level problems in code precedence order.
    pub cart_problems: Vec<CartProblem>,
    /// What would be charged: the repaired cart at current prices. `None` when an amount
    /// overflows.
    pub totals: Option<Totals>,
    /// The cart as submitted, at the prices the shopper saw, over lines with a positive
    /// quantity. `None` when an amount overflows.
    pub submitted_totals: Option<Totals>,
    /// Every suggested fix, deduplicated: line fixes in `invalid_items` order, then cart-level
    /// fixes in `cart_problems` order.
    pub fixes: Vec<Fix>,
    /// The cart with every automatic fix applied.
    pub repaired_cart: Cart,
}

impl CartReport {
    /// Every problem code in the report (lines first), for quick matching.
    pub fn codes(&self) -> impl Iterator<Item = ProblemCode> + '_ {
        self.invalid_items
            .iter()
            .map(|i| i.code)
            .chain(self.cart_problems.iter().map(|p| p.code))
    }

    /// Whether any problem is blocking.
    pub fn has_blocking(&self) -> bool {
        self.invalid_items
            .iter()
            .map(|i| i.severity)
            .chain(self.cart_problems.iter().map(|p| p.severity))
            .any(|s| s == Severity::Blocking)
    }
}

/// `cart is not ready for checkout: PRICE_INCREASED, INSUFFICIENT_STOCK`: the codes, in report
/// order, so [`plan_checkout`](crate::plan_checkout)'s `Err(report)` reads well in a log.
impl std::fmt::Display for CartReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cart is not ready for checkout")?;
        for (i, code) in self.codes().enumerate() {
            f.write_str(if i == 0 { ": " } else { ", " })?;
            f.write_str(code.as_str())?;
        }
        Ok(())
    }
}

/// A report is what [`plan_checkout`](crate::plan_checkout) fails with, so `?` carries it into
/// any `Box<dyn Error>` (the whole report stays reachable by downcasting).
impl std::error::Error for CartReport {}
