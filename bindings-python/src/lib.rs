//! The `checkout_kit` Python package's native module (`checkout_kit._native`).
//!
//! One library file serves two doors. The uniffi scaffolding of `bindings-uniffi` is linked in,
//! so the generated Python (`checkout_kit/_uniffi.py`, loaded with ctypes) gives Python the
//! whole API — the async client, reconciliation, webhook records — exactly as Kotlin and Swift
//! see it. The calls a server makes on every request (signatures, webhook verification, amount
//! formatting, cart validation) are also exported here through PyO3, which calls straight into
//! `razorpay-core` and `checkout-rules` without uniffi's ctypes marshalling: that path costs
//! tens of microseconds per call in CPython, these cost well under one. `checkout_kit/__init__.py`
//! puts these under the same public names, and errors are raised as the very exception classes
//! the generated module defines, so callers cannot tell which door answered except by speed.
//!
//! The module also carries the exit guard (see [`exit_guard`]) that stops Rust threads from
//! entering a finalising interpreter.
#![deny(missing_docs)]

// Pull the uniffi scaffolding into this cdylib (nothing here calls it from Rust).
// `checkout_kit` is bindings-uniffi's library name.
use checkout_kit as _;

use pyo3::prelude::*;

pub mod cart;
pub mod currency;
mod errors;
pub mod exit_guard;
pub mod signature;
pub mod webhook;

/// `checkout_kit._native`: registered by `__init__.py` under the public names.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    signature::register(m)?;
    webhook::register(m)?;
    currency::register(m)?;
    cart::register(m)?;
    exit_guard::register(m)?;
    Ok(())
}
