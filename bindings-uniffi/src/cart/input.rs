//! What the caller hands in: cart, catalog snapshot and policy, as records that read naturally
//! in Kotlin and Swift, converted to `checkout_rules` types.

use std::collections::{BTreeMap, HashMap};

use checkout_rules as rules;

use super::CartError;
use crate::currency::{CurrencyInfo, Grouping};

/// A shopper's cart: lines in one currency and an optional order-level discount.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Cart {
    /// The application's cart id, echoed in the report.
    #[uniffi(default)]
    pub id: Option<String>,
    /// ISO currency of every price in the cart (`INR`).
    pub currency: String,
    /// The lines, in display order.
    pub lines: Vec<CartLine>,
    /// Order-level discount in minor units.
    #[uniffi(default)]
    pub order_discount: i64,
}

/// One cart line, with the unit price the shopper saw.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CartLine {
    /// The line's id (unique in the cart).
    pub line_id: String,
    /// The product.
    pub product_id: String,
    /// The variant, when the product has variants.
    #[uniffi(default)]
    pub variant_id: Option<String>,
    /// Units requested.
    pub quantity: i64,
    /// The unit price the shopper saw, in minor units.
    pub unit_price: i64,
}

/// A snapshot of the products a cart refers to (prices, stock, limits).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Catalog {
    /// The products and variants.
    pub items: Vec<CatalogItem>,
}

/// One product or variant as the shop currently sells it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogItem {
    /// The product id.
    pub product_id: String,
    /// The variant id, when this entry is a variant.
    #[uniffi(default)]
    pub variant_id: Option<String>,
    /// The current unit price in minor units.
    pub unit_price: i64,
    /// The price's ISO currency.
    pub currency: String,
    /// Units on hand.
    pub stock_on_hand: i64,
    /// `false` when the product was deleted.
    #[uniffi(default = true)]
    pub exists: bool,
    /// `false` when the product cannot be bought right now.
    #[uniffi(default = true)]
    pub active: bool,
    /// Whether stock is counted for this item.
    #[uniffi(default = true)]
    pub track_stock: bool,
    /// Whether it may be ordered beyond the stock on hand.
    #[uniffi(default)]
    pub allow_backorder: bool,
    /// Per-order minimum quantity.
    #[uniffi(default)]
    pub min_quantity: Option<i64>,
    /// Per-order maximum quantity.
    #[uniffi(default)]
    pub max_quantity: Option<i64>,
    /// Quantities must be a multiple of this.
    #[uniffi(default)]
    pub quantity_step: Option<i64>,
}

/// How far a price may drift from what the shopper saw before it blocks checkout; the larger
/// of the two bounds applies, and no bound at all means any drift is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct PriceTolerance {
    /// Absolute drift in minor units per unit.
    #[uniffi(default)]
    pub absolute: Option<i64>,
    /// Relative drift in basis points (1/100 of a percent).
    #[uniffi(default)]
    pub basis_points: Option<i64>,
}

/// Minimum and maximum order total for one currency, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct AmountLimits {
    /// Smallest payable total.
    #[uniffi(default)]
    pub min: Option<i64>,
    /// Largest payable total.
    #[uniffi(default)]
    pub max: Option<i64>,
}

/// What to do with several lines for the same product and variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum DuplicateLines {
    /// Merge them into the first (a warning with a merge fix).
    Merge,
    /// Report them as blocking.
    Report,
}

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

impl From<Cart> for rules::Cart {
    fn from(c: Cart) -> Self {
        Self {
            id: c.id,
            currency: c.currency,
            lines: c.lines.into_iter().map(Into::into).collect(),
            order_discount: c.order_discount,
        }
    }
}

impl From<CartLine> for rules::CartLine {
    fn from(l: CartLine) -> Self {
        Self {
            line_id: l.line_id,
            product_id: l.product_id,
            variant_id: l.variant_id,
            quantity: l.quantity,
            unit_price: l.unit_price,
        }
    }
}

impl From<rules::Cart> for Cart {
    fn from(c: rules::Cart) -> Self {
        Self {
            id: c.id,
            currency: c.currency,
            lines: c.lines.into_iter().map(Into::into).collect(),
            order_discount: c.order_discount,
        }
    }
}

impl From<rules::CartLine> for CartLine {
    fn from(l: rules::CartLine) -> Self {
        Self {
            line_id: l.line_id,
            product_id: l.product_id,
            variant_id: l.variant_id,
            quantity: l.quantity,
            unit_price: l.unit_price,
        }
    }
}

impl From<Catalog> for rules::Catalog {
    fn from(c: Catalog) -> Self {
        Self {
            items: c.items.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<CatalogItem> for rules::CatalogItem {
    fn from(i: CatalogItem) -> Self {
        Self {
            product_id: i.product_id,
            variant_id: i.variant_id,
            exists: i.exists,
            active: i.active,
            unit_price: i.unit_price,
            currency: i.currency,
            stock_on_hand: i.stock_on_hand,
            track_stock: i.track_stock,
            allow_backorder: i.allow_backorder,
            min_quantity: i.min_quantity,
            max_quantity: i.max_quantity,
            quantity_step: i.quantity_step,
        }
    }
}

impl From<PriceTolerance> for rules::PriceTolerance {
    fn from(t: PriceTolerance) -> Self {
        Self {
            absolute: t.absolute,
            basis_points: t.basis_points,
        }
    }
}

impl TryFrom<Policy> for rules::Policy {
    type Error = CartError;

    fn try_from(p: Policy) -> Result<Self, CartError> {
        let defaults = rules::Policy::default();
        let currencies = p
            .currencies
            .map(|list| {
                rules::currency::CurrencyTable::new(list.into_iter().map(currency_to_rules))
            })
            .transpose()
            .map_err(|e| CartError::InvalidPolicy {
                code: e.code().to_owned(),
                reason: e.to_string(),
            })?;
        Ok(Self {
            price_increase_tolerance: p
                .price_increase_tolerance
                .map_or(defaults.price_increase_tolerance, Into::into),
            price_decrease_tolerance: p
                .price_decrease_tolerance
                .map_or(defaults.price_decrease_tolerance, Into::into),
            max_lines: p.max_lines,
            max_total_quantity: p.max_total_quantity,
            amount_limits: p
                .amount_limits
                .into_iter()
                .map(|(code, l)| {
                    (
                        code,
                        rules::AmountLimits {
                            min: l.min,
                            max: l.max,
                        },
                    )
                })
                .collect::<BTreeMap<_, _>>(),
            apply_gateway_minimum: p
                .apply_gateway_minimum
                .unwrap_or(defaults.apply_gateway_minimum),
            duplicate_lines: match p.duplicate_lines {
                None => defaults.duplicate_lines,
                Some(DuplicateLines::Merge) => rules::DuplicateLines::Merge,
                Some(DuplicateLines::Report) => rules::DuplicateLines::Report,
            },
            currencies,
        })
    }
}

fn currency_to_rules(c: CurrencyInfo) -> rules::currency::CurrencyInfo {
    rules::currency::CurrencyInfo {
        code: c.code,
        exponent: c.exponent,
        symbol: c.symbol,
        name: c.name,
        min_amount: c.min_amount,
        amount_step: c.amount_step,
        grouping: match c.grouping {
            Grouping::Thousands => rules::currency::Grouping::Thousands,
            Grouping::Indian => rules::currency::Grouping::Indian,
        },
    }
}
