//! Node.js bindings for checkout-kit (`@checkout-kit/node`). All logic stays in the Rust
//! crates; this layer only converts arguments and results.
//!
//! Every export is built with `catch_unwind`, and every failure reaches JavaScript as an `Error`
//! with a stable `code` (see `src/error.rs`).
#![deny(missing_docs)]
// napi registers exports only outside `cfg(test)`; `clippy --all-targets` still checks a test
// build of the library, in which every export would look unused.
#![cfg_attr(test, allow(dead_code))]

mod client;
mod convert;
mod currency;
mod error;
mod fast_path;
mod hot;
mod oauth;
mod onboarding;
mod reconcile;
mod rules;
mod signature;
mod webhook;
