//! checkout-rules' own types, exported as they are.
//!
//! `#[uniffi::remote]` implements uniffi's traits on the checkout-rules types themselves, so no
//! mirror record and no conversion exists: every declaration below is checked by the compiler
//! against the real type (uniffi's generated code builds and matches the real struct or enum),
//! so a field added, removed or renamed in checkout-rules fails this crate's build instead of
//! drifting. They live here rather than as derives in checkout-rules so that the whole API stays
//! one uniffi namespace: one `checkout_kit` module, one `dev.checkoutkit` package, one Swift
//! `CheckoutKit` module.

use checkout_rules::{
    AmountLimits, Cart, CartLine, CartProblem, CartReport, Catalog, CatalogItem, CheckoutPlan,
    DuplicateLines, Fix, InvalidItem, PlannedLine, PriceTolerance, ProblemCode, Severity,
    StockDecrement, Totals,
};

/// A shopper's cart: lines in one currency and an optional order-level discount (minor units).
#[uniffi::remote(Record)]
pub struct Cart {
    #[uniffi(default)]
    pub id: Option<String>,
    pub currency: String,
    pub lines: Vec<CartLine>,
    #[uniffi(default)]
    pub order_discount: i64,
}

/// One cart line, with the unit price the shopper saw.
#[uniffi::remote(Record)]
pub struct CartLine {
    pub line_id: String,
    pub product_id: String,
    #[uniffi(default)]
    pub variant_id: Option<String>,
    pub quantity: i64,
    pub unit_price: i64,
}

/// A snapshot of the products a cart refers to (prices, stock, limits).
#[uniffi::remote(Record)]
pub struct Catalog {
    pub items: Vec<CatalogItem>,
}

/// One product or variant as the shop currently sells it.
#[uniffi::remote(Record)]
pub struct CatalogItem {
    pub product_id: String,
    #[uniffi(default)]
    pub variant_id: Option<String>,
    #[uniffi(default = true)]
    pub exists: bool,
    #[uniffi(default = true)]
    pub active: bool,
    pub unit_price: i64,
    pub currency: String,
    pub stock_on_hand: i64,
    #[uniffi(default = true)]
    pub track_stock: bool,
    #[uniffi(default)]
    pub allow_backorder: bool,
    #[uniffi(default)]
    pub min_quantity: Option<i64>,
    #[uniffi(default)]
    pub max_quantity: Option<i64>,
    #[uniffi(default)]
    pub quantity_step: Option<i64>,
}

/// How far a price may drift before it blocks checkout (absolute minor units, basis points).
#[uniffi::remote(Record)]
pub struct PriceTolerance {
    #[uniffi(default)]
    pub absolute: Option<i64>,
    #[uniffi(default)]
    pub basis_points: Option<i64>,
}

/// Minimum and maximum order total for one currency, in minor units.
#[uniffi::remote(Record)]
pub struct AmountLimits {
    #[uniffi(default)]
    pub min: Option<i64>,
    #[uniffi(default)]
    pub max: Option<i64>,
}

/// What to do with several lines for the same product and variant.
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum DuplicateLines {
    Merge,
    Report,
}

/// Whether a problem stops checkout.
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum Severity {
    Blocking,
    Warning,
}

// Problem codes cross as their stable strings (`OUT_OF_STOCK`, …), the same as in JSON and Node,
// so an app built against an older library still reads a code added later.
uniffi::custom_type!(ProblemCode, String, {
    remote,
    lower: |code| code.as_str().to_owned(),
    try_lift: |text| Ok(serde_json::from_value(serde_json::Value::String(text))?),
});

/// A problem with one line; `fix` says how to resolve it.
#[uniffi::remote(Record)]
pub struct InvalidItem {
    pub code: ProblemCode,
    pub severity: Severity,
    pub message: String,
    pub line_id: String,
    pub line_index: u64,
    pub product_id: String,
    pub variant_id: Option<String>,
    pub requested_quantity: i64,
    pub available_quantity: Option<i64>,
    pub limit: Option<i64>,
    pub old_unit_price: Option<i64>,
    pub new_unit_price: Option<i64>,
    pub difference: Option<i64>,
    pub difference_bps: Option<i64>,
    pub fix: Fix,
}

/// A problem with the cart as a whole.
#[uniffi::remote(Record)]
pub struct CartProblem {
    pub code: ProblemCode,
    pub severity: Severity,
    pub message: String,
    pub actual: Option<i64>,
    pub limit: Option<i64>,
    pub fix: Option<Fix>,
}

/// Cart totals in minor units.
#[uniffi::remote(Record)]
pub struct Totals {
    pub currency: String,
    pub line_count: u64,
    pub total_quantity: i64,
    pub subtotal: i64,
    pub discount: i64,
    pub total: i64,
}

/// The result of validating a cart: problems, totals and the cart with the automatic fixes.
#[uniffi::remote(Record)]
pub struct CartReport {
    pub cart_id: Option<String>,
    pub is_valid: bool,
    pub invalid_items: Vec<InvalidItem>,
    pub cart_problems: Vec<CartProblem>,
    pub totals: Option<Totals>,
    pub submitted_totals: Option<Totals>,
    pub fixes: Vec<Fix>,
    pub repaired_cart: Cart,
}

/// One line of a checkout plan, with its share of the discount.
#[uniffi::remote(Record)]
pub struct PlannedLine {
    pub line_id: String,
    pub product_id: String,
    pub variant_id: Option<String>,
    pub quantity: i64,
    pub unit_price: i64,
    pub subtotal: i64,
    pub discount: i64,
    pub total: i64,
}

/// Stock to reserve or decrement when the order is placed.
#[uniffi::remote(Record)]
pub struct StockDecrement {
    pub product_id: String,
    pub variant_id: Option<String>,
    pub quantity: i64,
}

/// What to charge: lines at current prices, totals, stock to decrement and warnings.
#[uniffi::remote(Record)]
pub struct CheckoutPlan {
    pub cart_id: Option<String>,
    pub currency: String,
    pub lines: Vec<PlannedLine>,
    pub total_quantity: i64,
    pub subtotal: i64,
    pub discount: i64,
    pub total: i64,
    pub stock_decrements: Vec<StockDecrement>,
    pub warnings: Vec<InvalidItem>,
}

/// A change that resolves a problem; the automatic ones are already applied in `repaired_cart`.
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum Fix {
    RemoveLine {
        line_id: String,
        line_index: u64,
    },
    SetQuantity {
        line_id: String,
        line_index: u64,
        quantity: i64,
    },
    AcceptNewPrice {
        line_id: String,
        line_index: u64,
        unit_price: i64,
    },
    MergeLines {
        line_id: String,
        line_index: u64,
        into_line_id: String,
        into_line_index: u64,
    },
    SetDiscount {
        order_discount: i64,
    },
    AddItems {
        minimum_additional_amount: i64,
    },
    ReduceTotal {
        minimum_reduction: i64,
    },
    RemoveLines {
        count: i64,
    },
    ReduceQuantity {
        minimum_reduction: i64,
    },
}
