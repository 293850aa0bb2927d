//! # razorpay-core
//!
//! Razorpay for Rust, correct to the byte: constant-time verification of payment, subscription,
//! payment-link, invoice and webhook signatures, typed webhook events that tolerate what Razorpay
//! really sends, an async API client, and pure payment-state reconciliation.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
