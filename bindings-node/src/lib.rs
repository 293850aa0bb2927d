//! Node.js bindings for checkout-kit (`@checkout-kit/node`). All logic stays in the Rust
//! crates; this layer only converts arguments and results.
#![deny(missing_docs)]
