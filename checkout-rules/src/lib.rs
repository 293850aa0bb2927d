//! # checkout-rules
//!
//! Gateway-agnostic cart validation and checkout totals in integer minor units.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod allocate;
mod batch;
mod cart;
mod catalog;
pub mod currency;
mod fix;
mod plan;
mod policy;
mod problem;
mod report;
mod validate;

pub use batch::validate_carts;
pub use cart::{Cart, CartLine};
pub use catalog::{Catalog, CatalogIndex, CatalogItem};
pub use fix::{Fix, apply_fixes};
pub use plan::{CheckoutPlan, PlannedLine, StockDecrement, plan_checkout, plan_checkout_indexed};
pub use policy::{AmountLimits, DuplicateLines, Policy, PriceTolerance};
pub use problem::{ProblemCode, Severity};
pub use report::{CartProblem, CartReport, InvalidItem, Totals};
pub use validate::{validate_cart, validate_cart_indexed};
