//! uniffi bindings for checkout-kit: one Rust core for Kotlin (`dev.checkoutkit`), Swift
//! (`CheckoutKit`) and Python (`checkout_kit`).
//!
//! This crate only converts: every rule lives in `razorpay-core`, `checkout-rules` and
//! `checkout-currency`, including the app-side helpers of [`checkout`] (the options the Razorpay
//! mobile SDKs take and what they hand back, `razorpay_core::checkout`).
//!
//! Each area has its error enum with an exported `code()` on its base type (the same
//! strings the Rust crates' `code()` return). The errors are the core crates' own, crossing as
//! they are (`SignatureError`, `WebhookError`, `ReconcileError`, `ClientError`,
//! `ValidationError`, `OAuthError`, `OnboardingError`, `CheckoutOptionsError`, `CurrencyError`);
//! only `CartError` is declared here. Variants carry only their details. No variant has
//! a field called `code` (in Python it would hide the method) or `message` (the generated
//! Kotlin exception already owns that name). Each also exports its `Display`: the Rust message
//! (code first in `CartError`) is Kotlin's `toString()` and Swift's `description`. Nothing here
//! panics on input: every failure is a typed error that surfaces as a typed exception.
//!
//! `RazorpayClient` and the key-secret functions are for servers only: a key secret must never
//! ship inside a mobile app.
#![deny(missing_docs)]

uniffi::setup_scaffolding!("checkout_kit");

pub mod cart;
pub mod checkout;
pub mod client;
pub mod model;
pub mod partner;
pub mod reconcile;
pub mod signature;
pub mod webhook;

/// The currency records: `checkout-currency`'s own types, derived there (its `uniffi` feature).
pub mod currency {
    pub use checkout_currency::{CurrencyInfo, Grouping};
}
