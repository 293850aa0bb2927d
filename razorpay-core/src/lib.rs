//! # razorpay-core
//!
//! Razorpay for Rust, correct to the byte: constant-time verification of payment, subscription,
//! payment-link, invoice and webhook signatures, typed webhook events that tolerate what Razorpay
//! really sends, an async API client, and pure payment-state reconciliation.
//!
//! ```
//! use razorpay_core::{sign_payment, verify_payment_signature};
//!
//! // The checkout callback posts razorpay_order_id, razorpay_payment_id, razorpay_signature.
//! let signature = sign_payment("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", "key_secret");
//! verify_payment_signature("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", &signature, "key_secret")
//!     .expect("a genuine callback");
//! ```
#![deny(missing_docs)]
// The `uniffi` feature's generated scaffolding is FFI code and needs `unsafe`; the crate's own
// code has none, which every build without the feature (the default) enforces.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]

// The uniffi component `razorpay_core`: the checkout and reconciliation records and enums,
// derived under the feature; bindings-uniffi links it (names per language: uniffi.toml).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

#[cfg(feature = "client")]
pub mod api;
pub mod checkout;
#[cfg(feature = "client")]
pub mod client;
pub mod limits;
pub mod model;
pub mod oauth;
pub mod reconcile;
pub mod secret;
pub mod signature;
mod uniffi_code;
pub mod webhook;

#[cfg(feature = "client")]
pub use client::{ClientConfig, ClientError, RazorpayClient};
pub use secret::Secret;
pub use signature::{
    OnboardingError, SignatureError, generate_onboarding_signature, hmac_sha256_hex, sign_invoice,
    sign_payment, sign_payment_link, sign_subscription, sign_webhook, verify_invoice_signature,
    verify_payment_link_signature, verify_payment_signature, verify_subscription_signature,
    verify_webhook_signature,
};

// The README's Rust examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
