//! What comes back: the validation report and the checkout plan, as records.

use checkout_rules as rules;

use super::fix::Fix;
use super::input::Cart;

/// Whether a problem stops checkout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Severity {
    /// Checkout cannot proceed until it is fixed.
    Blocking,
    /// Checkout may proceed; tell the shopper (e.g. a lower price).
    Warning,
}

impl From<rules::Severity> for Severity {
    fn from(s: rules::Severity) -> Self {
        match s {
            rules::Severity::Blocking => Self::Blocking,
            rules::Severity::Warning => Self::Warning,
        }
    }
}

/// A problem with one line.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct InvalidItem {
    /// Stable problem code (`OUT_OF_STOCK`, `PRICE_INCREASED`, …).
    pub code: String,
    /// Whether it blocks checkout.
    pub severity: Severity,
    /// An English sentence for logs and fallbacks; apps should localise from `code`.
    pub message: String,
    /// The line's id.
    pub line_id: String,
    /// The line's position in the submitted cart.
    pub line_index: u64,
    /// The product.
    pub product_id: String,
    /// The variant.
    pub variant_id: Option<String>,
    /// Units the line asked for.
    pub requested_quantity: i64,
    /// Units that can be had, when stock limits the line.
    pub available_quantity: Option<i64>,
    /// The limit that was broken (max, min or step).
    pub limit: Option<i64>,
    /// The price the shopper saw.
    pub old_unit_price: Option<i64>,
    /// The catalog's current price.
    pub new_unit_price: Option<i64>,
    /// `new - old` per unit.
    pub difference: Option<i64>,
    /// The difference in basis points of the old price.
    pub difference_bps: Option<i64>,
    /// The suggested fix.
    pub fix: Fix,
}

/// A problem with the cart as a whole.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CartProblem {
    /// Stable problem code (`EMPTY_CART`, `TOTAL_BELOW_MINIMUM`, …).
    pub code: String,
    /// Whether it blocks checkout.
    pub severity: Severity,
    /// An English sentence for logs and fallbacks.
    pub message: String,
    /// The offending value.
    pub actual: Option<i64>,
    /// The limit it broke.
    pub limit: Option<i64>,
    /// The suggested fix, if any.
    pub fix: Option<Fix>,
}

/// Cart totals in minor units.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Totals {
    /// ISO currency.
    pub currency: String,
    /// Number of lines.
    pub line_count: u64,
    /// Units over all lines.
    pub total_quantity: i64,
    /// Sum of quantity × unit price.
    pub subtotal: i64,
    /// Order discount applied.
    pub discount: i64,
    /// What will be charged.
    pub total: i64,
}

/// The result of validating a cart: `is_valid` and `invalid_items` as the shop's front end
/// expects, cart-level problems, totals and the cart with every automatic fix applied.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CartReport {
    /// The cart's id, when it had one.
    pub cart_id: Option<String>,
    /// `true` when nothing blocks checkout (warnings may remain).
    pub is_valid: bool,
    /// Line problems.
    pub invalid_items: Vec<InvalidItem>,
    /// Cart-level problems.
    pub cart_problems: Vec<CartProblem>,
    /// Totals at current catalog prices of the repaired cart.
    pub totals: Option<Totals>,
    /// Totals of the cart as submitted (prices the shopper saw).
    pub submitted_totals: Option<Totals>,
    /// Every suggested fix, in order.
    pub fixes: Vec<Fix>,
    /// The cart with the automatic fixes applied.
    pub repaired_cart: Cart,
}

/// One line of a checkout plan, with its share of the discount.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PlannedLine {
    /// The line's id.
    pub line_id: String,
    /// The product.
    pub product_id: String,
    /// The variant.
    pub variant_id: Option<String>,
    /// Units.
    pub quantity: i64,
    /// Current unit price.
    pub unit_price: i64,
    /// quantity × unit price.
    pub subtotal: i64,
    /// This line's share of the order discount.
    pub discount: i64,
    /// subtotal − discount.
    pub total: i64,
}

/// Stock to reserve or decrement when the order is placed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StockDecrement {
    /// The product.
    pub product_id: String,
    /// The variant.
    pub variant_id: Option<String>,
    /// Units.
    pub quantity: i64,
}

/// What to charge: lines at current prices, totals, and the stock to decrement.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckoutPlan {
    /// The cart's id.
    pub cart_id: Option<String>,
    /// ISO currency.
    pub currency: String,
    /// The lines to charge.
    pub lines: Vec<PlannedLine>,
    /// Units over all lines.
    pub total_quantity: i64,
    /// Sum of line subtotals.
    pub subtotal: i64,
    /// Order discount.
    pub discount: i64,
    /// The amount for the Razorpay order, in minor units.
    pub total: i64,
    /// Stock to decrement.
    pub stock_decrements: Vec<StockDecrement>,
    /// Warnings the shopper should see (e.g. a lower price).
    pub warnings: Vec<InvalidItem>,
}

impl From<rules::InvalidItem> for InvalidItem {
    fn from(i: rules::InvalidItem) -> Self {
        Self {
            code: i.code.as_str().to_owned(),
            severity: i.severity.into(),
            message: i.message,
            line_id: i.line_id,
            line_index: i.line_index,
            product_id: i.product_id,
            variant_id: i.variant_id,
            requested_quantity: i.requested_quantity,
            available_quantity: i.available_quantity,
            limit: i.limit,
            old_unit_price: i.old_unit_price,
            new_unit_price: i.new_unit_price,
            difference: i.difference,
            difference_bps: i.difference_bps,
            fix: i.fix.into(),
        }
    }
}

impl From<rules::CartProblem> for CartProblem {
    fn from(p: rules::CartProblem) -> Self {
        Self {
            code: p.code.as_str().to_owned(),
            severity: p.severity.into(),
            message: p.message,
            actual: p.actual,
            limit: p.limit,
            fix: p.fix.map(Into::into),
        }
    }
}

impl From<rules::Totals> for Totals {
    fn from(t: rules::Totals) -> Self {
        Self {
            currency: t.currency,
            line_count: t.line_count,
            total_quantity: t.total_quantity,
            subtotal: t.subtotal,
            discount: t.discount,
            total: t.total,
        }
    }
}

impl From<rules::CartReport> for CartReport {
    fn from(r: rules::CartReport) -> Self {
        Self {
            cart_id: r.cart_id,
            is_valid: r.is_valid,
            invalid_items: r.invalid_items.into_iter().map(Into::into).collect(),
            cart_problems: r.cart_problems.into_iter().map(Into::into).collect(),
            totals: r.totals.map(Into::into),
            submitted_totals: r.submitted_totals.map(Into::into),
            fixes: r.fixes.into_iter().map(Into::into).collect(),
            repaired_cart: r.repaired_cart.into(),
        }
    }
}

impl From<rules::CheckoutPlan> for CheckoutPlan {
    fn from(p: rules::CheckoutPlan) -> Self {
        Self {
            cart_id: p.cart_id,
            currency: p.currency,
            lines: p
                .lines
                .into_iter()
                .map(|l| PlannedLine {
                    line_id: l.line_id,
                    product_id: l.product_id,
                    variant_id: l.variant_id,
                    quantity: l.quantity,
                    unit_price: l.unit_price,
                    subtotal: l.subtotal,
                    discount: l.discount,
                    total: l.total,
                })
                .collect(),
            total_quantity: p.total_quantity,
            subtotal: p.subtotal,
            discount: p.discount,
            total: p.total,
            stock_decrements: p
                .stock_decrements
                .into_iter()
                .map(|s| StockDecrement {
                    product_id: s.product_id,
                    variant_id: s.variant_id,
                    quantity: s.quantity,
                })
                .collect(),
            warnings: p.warnings.into_iter().map(Into::into).collect(),
        }
    }
}
