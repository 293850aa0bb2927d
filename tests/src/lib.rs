//! Shared helpers for checkout-kit's cross-crate and end-to-end tests.

use std::path::PathBuf;

pub mod sandbox;

/// The public fixtures (the repository's `fixtures/`), or the folder named by
/// `CHECKOUT_KIT_FIXTURES`.
pub fn fixtures_dir() -> PathBuf {
    match std::env::var_os("CHECKOUT_KIT_FIXTURES") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
    }
}

/// The root README's Rust code blocks, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
