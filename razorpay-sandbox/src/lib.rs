//! # razorpay-sandbox
//!
//! A local, in-memory stand-in for Razorpay's API, simulated checkout and webhooks.
#![deny(missing_docs)]
