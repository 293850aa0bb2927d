//! uniffi bindings for checkout-kit.
#![deny(missing_docs)]
