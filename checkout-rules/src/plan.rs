//! The checkout plan: what to persist when the shopper proceeds to pay.

use serde::{Deserialize, Serialize};

use crate::allocate::largest_remainder;
use crate::report::{CartProblem, CartReport, InvalidItem};
use crate::{Cart, Catalog, CatalogIndex, Policy, ProblemCode, Severity, validate_cart_indexed};

/// The order to persist for a valid cart: locked prices, exact totals, stock to decrement.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckoutPlan {
    /// The cart id, if the cart had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cart_id: Option<String>,
    /// ISO currency code.
    pub currency: String,
    /// One line per catalog item (duplicates merged), in cart order.
    pub lines: Vec<PlannedLine>,
    /// Units summed over lines.
    pub total_quantity: i64,
    /// Σ line subtotals.
    pub subtotal: i64,
    /// Order discount, equal to Σ line discounts.
    pub discount: i64,
    /// `subtotal - discount`, equal to Σ line totals: the amount to charge (send this to
    /// Razorpay as the order amount).
    pub total: i64,
    /// Stock to decrement, for tracked items only, sorted by product and variant id so that
    /// concurrent checkouts lock rows in the same order (no deadlocks).
    pub stock_decrements: Vec<StockDecrement>,
    /// Warnings the shopper should see (a lower price, merged lines).
    pub warnings: Vec<InvalidItem>,
}

/// One line of the plan.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlannedLine {
    /// The cart line id (the first line, when duplicates were merged).
    pub line_id: String,
    /// The product.
    pub product_id: String,
    /// The variant, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<String>,
    /// Units.
    pub quantity: i64,
    /// The locked unit price: the catalog price at validation time.
    pub unit_price: i64,
    /// `quantity × unit_price`.
    pub subtotal: i64,
    /// This line's share of the order discount (largest remainder).
    pub discount: i64,
    /// `subtotal - discount`.
    pub total: i64,
}

/// Units to take out of stock for one catalog item.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StockDecrement {
    /// The product.
    pub product_id: String,
    /// The variant, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<String>,
    /// Units to decrement.
    pub quantity: i64,
}

/// Validate the cart and, when it is valid, plan the order; otherwise return the report.
///
/// Warnings do not stop checkout: the plan charges current prices and merges duplicate lines
/// (the repaired cart). The order discount (`cart.order_discount`) is allocated across lines by
/// largest remainder, ties to the earlier line, so line totals sum exactly to the total.
///
/// ```
/// use checkout_rules::{Cart, CartLine, Catalog, CatalogItem, Policy, plan_checkout};
///
/// let catalog = Catalog::new([
///     CatalogItem::new("tea", 10000, "INR", 40),
///     CatalogItem::new("mug", 20000, "INR", 5),
/// ]);
/// let cart = Cart::new("INR")
///     .line(CartLine::new("l1", "tea", 1, 10000))
///     .line(CartLine::new("l2", "mug", 1, 20000))
///     .order_discount(1000); // ₹10 coupon
/// let plan = plan_checkout(&cart, &catalog, &Policy::default()).expect("valid cart");
/// assert_eq!((plan.subtotal, plan.discount, plan.total), (30000, 1000, 29000));
/// let discounts: Vec<i64> = plan.lines.iter().map(|l| l.discount).collect();
/// assert_eq!(discounts, vec![333, 667]); // 333.33 and 666.67: the larger remainder rounds up
/// assert_eq!(plan.stock_decrements.len(), 2);
/// ```
#[allow(clippy::result_large_err)] // The report *is* the answer on the unhappy path; boxing it
// would only add a deref for every caller.
pub fn plan_checkout(
    cart: &Cart,
    catalog: &Catalog,
    policy: &Policy,
) -> Result<CheckoutPlan, CartReport> {
    plan_checkout_indexed(cart, &CatalogIndex::for_cart(catalog, cart), policy)
}

/// [`plan_checkout`] against a prebuilt [`CatalogIndex`].
#[allow(clippy::result_large_err)] // See `plan_checkout`.
pub fn plan_checkout_indexed(
    cart: &Cart,
    index: &CatalogIndex<'_>,
    policy: &Policy,
) -> Result<CheckoutPlan, CartReport> {
    let report = validate_cart_indexed(cart, index, policy);
    if !report.is_valid {
        return Err(report);
    }
    match build(&report, index) {
        Some(plan) => Ok(plan),
        // Validation already proved every amount fits, so this is unreachable; it keeps
        // "never panic" true even if that invariant were ever broken.
        None => {
            let mut report = report;
            report.cart_problems.push(CartProblem {
                code: ProblemCode::AmountOverflow,
                severity: Severity::Blocking,
                message: "The order amounts could not be computed.".to_owned(),
                actual: None,
                limit: None,
                fix: None,
            });
            report.is_valid = false;
            Err(report)
        }
    }
}

fn build(report: &CartReport, index: &CatalogIndex<'_>) -> Option<CheckoutPlan> {
    let cart = &report.repaired_cart;
    let totals = report.totals.as_ref()?;
    let mut lines = Vec::with_capacity(cart.lines.len());
    let mut decrements = Vec::new();
    for line in &cart.lines {
        let item = index.get(&line.product_id, line.variant_id.as_deref())?;
        let subtotal = line.quantity.checked_mul(item.unit_price)?;
        lines.push(PlannedLine {
            line_id: line.line_id.clone(),
            product_id: line.product_id.clone(),
            variant_id: line.variant_id.clone(),
            quantity: line.quantity,
            unit_price: item.unit_price,
            subtotal,
            discount: 0,
            total: subtotal,
        });
        if item.track_stock {
            decrements.push(StockDecrement {
                product_id: line.product_id.clone(),
                variant_id: line.variant_id.clone(),
                quantity: line.quantity,
            });
        }
    }
    let weights: Vec<i64> = lines.iter().map(|l| l.subtotal).collect();
    let shares = largest_remainder(totals.discount, &weights)?;
    for (line, share) in lines.iter_mut().zip(shares) {
        line.discount = share;
        line.total = line.subtotal.checked_sub(share)?;
    }
    decrements.sort();
    let warnings = report.invalid_items.clone();
    Some(CheckoutPlan {
        cart_id: report.cart_id.clone(),
        currency: cart.currency.clone(),
        lines,
        total_quantity: totals.total_quantity,
        subtotal: totals.subtotal,
        discount: totals.discount,
        total: totals.total,
        stock_decrements: decrements,
        warnings,
    })
}
