//! # checkout-currency
//!
//! Currencies for checkout-kit, in one place: ISO code, exponent (decimal places of the minor
//! unit), display symbol, payable minimum and step, and display formatting of minor-unit
//! amounts. `checkout-rules` (cart totals) and `razorpay-core` (order and Checkout limits) both
//! read this crate, so neither depends on the other for its money facts.
//!
//! [`CurrencyTable::razorpay()`] is the built-in table of the currencies Razorpay accepts
//! (see the `data` module docs for sources). Callers with different limits build their own table
//! with [`CurrencyTable::new`] or clone and edit the built-in one.
//!
//! ```
//! use checkout_currency::{CurrencyTable, format_minor_units};
//!
//! let inr = CurrencyTable::razorpay().get("INR").expect("INR is supported");
//! assert_eq!((inr.exponent, inr.min_amount), (2, 100));
//! assert_eq!(format_minor_units(123450, "INR"), "₹1,234.50");
//! assert_eq!(format_minor_units(1235, "JPY"), "¥1,235");
//! assert_eq!(format_minor_units(1235, "KWD"), "KD 1.235");
//! ```

#![deny(missing_docs)]
// The `uniffi` feature's generated scaffolding is FFI code and needs `unsafe`; the crate's own
// code has none, which every build without the feature (the default) enforces.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]

// The uniffi component `checkout_currency`: its records and enums are the types below, derived under the
// feature; bindings-uniffi links it (Kotlin package and Swift file names: uniffi.toml).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

mod data;
mod error;
mod format;
mod info;
mod table;

pub use error::CurrencyError;
pub use format::{format_minor_units, format_minor_units_in};
pub use info::{CurrencyInfo, Grouping};
pub use table::CurrencyTable;

/// The README's examples, compiled and run as doc tests so they cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
