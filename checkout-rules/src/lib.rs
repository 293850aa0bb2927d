//! # checkout-rules
//!
//! Gateway-agnostic cart validation and checkout totals in integer minor units.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod currency;
