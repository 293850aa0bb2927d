#!/usr/bin/env bash
# Rust stage: formatting, clippy, unit + property + end-to-end tests, doc tests, docs, demo.
set -euo pipefail
cd "$(dirname "$0")/../.."

# CI runs the property tests at full strength; locally PROPTEST_CASES may be lowered.
export PROPTEST_CASES="${PROPTEST_CASES:-256}"

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# razorpay-core/fuzz is a cargo-fuzz crate with its own workspace: check it still builds on
# stable, without linking libFuzzer (running it: razorpay-core/README.md, "Fuzzing"). `--locked`:
# its own Cargo.lock is committed and must not go stale when the workspace's dependencies move.
cargo check --manifest-path razorpay-core/fuzz/Cargo.toml --no-default-features --locked --target-dir target
if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --locked --no-fail-fast
else
  cargo test --workspace --locked --lib --bins --tests
fi
cargo test --workspace --locked --doc
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
# The library crates package cleanly (metadata, licence, README, no path-only deps).
cargo package --locked -p checkout-currency -p checkout-rules -p razorpay-core --no-verify --allow-dirty
