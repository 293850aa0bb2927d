//! Runnable examples for checkout-kit: see `examples/examples/`.
