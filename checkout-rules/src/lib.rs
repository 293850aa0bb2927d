//! # checkout-rules
//!
//! Gateway-agnostic cart validation and checkout totals in integer minor units. The shop's
//! backend calls it when the shopper clicks "Proceed to checkout" and again when it creates
//! the order: it says exactly what is wrong with the cart, how to fix each problem (as data),
//! what the repaired cart would cost, and — for a valid cart — the order to persist. Pure,
//! deterministic logic: no I/O, no clock, no randomness, no panics.
//!
//! ## Worked example: cart JSON in, report JSON out
//!
//! ```
//! use checkout_rules::{Cart, Catalog, Policy, validate_cart};
//! use serde_json::json;
//!
//! // What the browser sent: the prices the shopper saw, in paise.
//! let cart: Cart = serde_json::from_value(json!({
//!     "currency": "INR",
//!     "lines": [
//!         { "lineId": "l1", "productId": "tea", "quantity": 2, "unitPrice": 25000 },
//!         { "lineId": "l2", "productId": "mug", "quantity": 5, "unitPrice": 39900 }
//!     ]
//! }))?;
//! // What the database says now: tea costs more, only 3 mugs are left.
//! let catalog: Catalog = serde_json::from_value(json!({ "items": [
//!     { "productId": "tea", "unitPrice": 27500, "currency": "INR", "stockOnHand": 40 },
//!     { "productId": "mug", "unitPrice": 39900, "currency": "INR", "stockOnHand": 3 }
//! ]}))?;
//!
//! let report = validate_cart(&cart, &catalog, &Policy::default());
//!
//! assert_eq!(serde_json::to_value(&report)?, json!({
//!     "isValid": false,
//!     "invalidItems": [
//!         {
//!             "code": "PRICE_INCREASED", "severity": "blocking",
//!             "message": "The price changed from ₹250.00 to ₹275.00. You will pay ₹275.00 each.",
//!             "lineId": "l1", "lineIndex": 0, "productId": "tea", "requestedQuantity": 2,
//!             "oldUnitPrice": 25000, "newUnitPrice": 27500,
//!             "difference": 2500, "differenceBps": 1000,
//!             "fix": { "kind": "ACCEPT_NEW_PRICE", "lineId": "l1", "lineIndex": 0, "unitPrice": 27500 }
//!         },
//!         {
//!             "code": "INSUFFICIENT_STOCK", "severity": "blocking",
//!             "message": "Only 3 left in stock; you asked for 5. The quantity will be set to 3.",
//!             "lineId": "l2", "lineIndex": 1, "productId": "mug",
//!             "requestedQuantity": 5, "availableQuantity": 3,
//!             "fix": { "kind": "SET_QUANTITY", "lineId": "l2", "lineIndex": 1, "quantity": 3 }
//!         }
//!     ],
//!     "cartProblems": [],
//!     "totals": {
//!         "currency": "INR", "lineCount": 2, "totalQuantity": 5,
//!         "subtotal": 174700, "discount": 0, "total": 174700
//!     },
//!     "submittedTotals": {
//!         "currency": "INR", "lineCount": 2, "totalQuantity": 7,
//!         "subtotal": 249500, "discount": 0, "total": 249500
//!     },
//!     "fixes": [
//!         { "kind": "ACCEPT_NEW_PRICE", "lineId": "l1", "lineIndex": 0, "unitPrice": 27500 },
//!         { "kind": "SET_QUANTITY", "lineId": "l2", "lineIndex": 1, "quantity": 3 }
//!     ],
//!     "repairedCart": {
//!         "currency": "INR",
//!         "lines": [
//!             { "lineId": "l1", "productId": "tea", "quantity": 2, "unitPrice": 27500 },
//!             { "lineId": "l2", "productId": "mug", "quantity": 3, "unitPrice": 39900 }
//!         ]
//!     }
//! }));
//!
//! // Once the shopper accepts, the repaired cart is valid and can be planned.
//! let plan = checkout_rules::plan_checkout(&report.repaired_cart, &catalog, &Policy::default())
//!     .expect("the repaired cart is valid");
//! assert_eq!(plan.total, 174700); // ₹1,747.00: send this amount to Razorpay.
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Inputs
//!
//! * [`Cart`]: currency, lines (line id, product id, optional variant id, quantity *as sent* —
//!   zero, negative and absurd quantities are representable so they can be reported — and the
//!   unit price the shopper saw), optional `orderDiscount`.
//! * [`Catalog`]: the snapshot of each referenced product/variant: exists, active, unit price
//!   and currency, stock on hand, whether stock is tracked and back-orders allowed, minimum,
//!   maximum and step of the quantity per order.
//! * [`Policy`]: price drift tolerance (increases and decreases separately, absolute and/or
//!   basis points, per unit), maximum lines, maximum total quantity, payable minimum and maximum
//!   per currency (Razorpay's minimum, e.g. 100 paise for INR, applies by default), whether
//!   duplicate lines are merged or reported, and the [`currency::CurrencyTable`].
//!
//! All three are serde types with camelCase JSON, so bindings pass JSON straight through.
//!
//! ## Rules and precedence
//!
//! Codes are stable SCREAMING_SNAKE strings ([`ProblemCode`]). For each line, in order:
//!
//! 1. **Reasons to remove the line** — only the *first* that applies is reported, with a
//!    `REMOVE_LINE` fix, and nothing else is checked for that line: `DUPLICATE_LINE_ID` (a
//!    later line reusing a line id), `PRODUCT_NOT_FOUND` (missing from the snapshot or
//!    `exists: false` — so a removed product reports only `PRODUCT_NOT_FOUND`),
//!    `PRODUCT_INACTIVE`, `CURRENCY_MISMATCH`, `PRICE_INVALID` (negative catalog price),
//!    `QUANTITY_INVALID` (zero or negative).
//! 2. **Quantity rules**, on the quantity *summed over every remaining line of the same
//!    product and variant*: `OUT_OF_STOCK` (nothing on hand; removes every such line and
//!    suppresses everything else for them), then `INSUFFICIENT_STOCK`, `QUANTITY_ABOVE_MAXIMUM`,
//!    `QUANTITY_BELOW_MINIMUM`, `QUANTITY_NOT_IN_STEP` — every rule the requested quantity
//!    breaks is reported, on the item's first line, sharing one `SET_QUANTITY` fix: the quantity
//!    closest to the request that satisfies them all (clamped, then rounded down to the step, or
//!    up when down would fall below the minimum). When no quantity satisfies them all, only the
//!    first broken rule is reported and the lines are removed. `AMOUNT_OVERFLOW` (quantity ×
//!    price beyond `i64`) removes the lines too.
//! 3. **Duplicates**: each later line for the same item gets `DUPLICATE_LINE` with a
//!    `MERGE_LINES` fix into the first line — a warning when the policy merges, blocking when
//!    it reports.
//! 4. **Price drift**, per line: `PRICE_INCREASED` / `PRICE_DECREASED` with old and new unit
//!    price, difference in minor units and basis points, and an `ACCEPT_NEW_PRICE` fix.
//!    Within the policy's tolerance it is a warning (the shopper pays the current price);
//!    beyond it, blocking. By default any increase blocks and any decrease is a warning.
//!
//! Then, on the cart as it would be checked out (every line fix applied): `CURRENCY_UNSUPPORTED`,
//! `EMPTY_CART`, `TOO_MANY_LINES`, `TOTAL_QUANTITY_ABOVE_MAXIMUM`, `AMOUNT_OVERFLOW` (subtotal
//! beyond `i64`; suppresses the checks below), `DISCOUNT_INVALID` (negative or above the
//! subtotal; `SET_DISCOUNT` clamps it), `TOTAL_BELOW_MINIMUM`, `TOTAL_ABOVE_MAXIMUM`. An empty
//! cart is reported as `EMPTY_CART`, not as below the minimum. Cart-level problems are blocking;
//! their fixes (`ADD_ITEMS`, `REDUCE_TOTAL`, `REMOVE_LINES`, `REDUCE_QUANTITY`) describe a
//! decision left to the shopper.
//!
//! `invalidItems` are ordered by line, then by code precedence (the declaration order of
//! [`ProblemCode`]); `isValid` is true iff no problem is blocking. Identical input gives an
//! identical report, whatever the order of catalog entries (a key repeated in the snapshot
//! resolves to the entry that sorts first).
//!
//! ## Fixes and the repaired cart
//!
//! Every line problem carries an automatic [`Fix`]; [`apply_fixes`] applies them (prices, then
//! merges, then quantities, then removals, then the discount) and the report already contains
//! the result as `repairedCart`, with its `totals` (what would be charged). Validating the
//! repaired cart reports no line problem; only cart-level limits that need the shopper's
//! decision can remain. `submittedTotals` are the cart as sent, at the prices the shopper saw.
//!
//! ## Planning the order
//!
//! [`plan_checkout`] returns the [`CheckoutPlan`] for a valid cart — locked unit prices, line
//! totals, subtotal, discount, total, and the stock decrements to apply — or the report when it
//! is not valid. The order discount is allocated across lines by largest remainder
//! ([`allocate::largest_remainder`]) with ties to the earlier line, so line totals always sum
//! exactly to the total.
//!
//! ## Many carts
//!
//! [`validate_carts`] checks many carts against one snapshot (after a price or stock change,
//! which open carts break), indexing the catalog once and using every core.
//!
//! ## Money
//!
//! Amounts are `i64` minor units of the cart's ISO currency (paise for INR, whole yen for JPY,
//! thousandths for KWD). All arithmetic is checked or widened; an amount that does not fit is
//! reported as `AMOUNT_OVERFLOW`, never wrapped. [`currency`] (the `checkout-currency` crate,
//! shared with `razorpay-core`) holds the currency table and display formatting (`₹1,234.50`).
#![deny(missing_docs)]
// The `uniffi` feature's generated scaffolding is FFI code and needs `unsafe`; the crate's own
// code has none, which every build without the feature (the default) enforces.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]

// The uniffi component `checkout_rules`: its records and enums are the types below, derived under the
// feature; bindings-uniffi links it (Kotlin package and Swift file names: uniffi.toml).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod allocate;
mod batch;
mod cart;
mod catalog;
mod fix;
mod plan;
mod policy;
mod problem;
mod report;
mod validate;

/// Currencies: the table the [`Policy`] takes and display formatting; the `checkout-currency`
/// crate, which `razorpay-core` reads too.
pub use checkout_currency as currency;

pub use batch::validate_carts;
pub use cart::{Cart, CartLine};
pub use catalog::{Catalog, CatalogIndex, CatalogItem};
pub use fix::{Fix, apply_fixes};
pub use plan::{CheckoutPlan, PlannedLine, StockDecrement, plan_checkout, plan_checkout_indexed};
pub use policy::{AmountLimits, DuplicateLines, Policy, PriceTolerance};
pub use problem::{ProblemCode, Severity};
pub use report::{CartProblem, CartReport, InvalidItem, Totals};
pub use validate::{validate_cart, validate_cart_indexed};

/// The README's examples, compiled and run as doc tests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
