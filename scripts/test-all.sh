#!/usr/bin/env bash
# The one command that tests the whole project on a fresh machine (README "Run every test").
# Each stage installs what it needs, builds, and runs its tests; any failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() {
  echo
  echo "=== $1 ==="
  shift
  "$@"
}

stage "Fixtures: the repository's copy equals ../shared/fixtures" bash scripts/ci/fixtures.sh
stage "Rust: format, lint, tests, docs" bash scripts/ci/rust.sh
stage "Examples: the checkout demo and the small examples" bash scripts/ci/examples.sh
stage "Node: @checkout-kit/node" bash scripts/ci/node.sh
stage "NestJS example" bash scripts/ci/nestjs.sh
stage "uniffi: Kotlin, Swift (and the generated Python)" bash scripts/ci/uniffi.sh
stage "Python: checkout_kit (maturin wheel, installed into a fresh venv)" bash scripts/ci/python.sh
stage "Browser: the shop page and the sandbox Checkout in Chromium" bash scripts/ci/browser.sh
stage "Packages: npm tarballs in a fresh NestJS project, the jar on a bare classpath, cargo package, MSRV" bash scripts/ci/packages.sh
