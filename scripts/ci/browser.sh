#!/usr/bin/env bash
# Browser stage: the shop page (examples/nestjs/public) in Debian's Chromium, driven by
# playwright-core, against the NestJS example and the razorpay-sandbox's Checkout stand-in
# (GET /v1/checkout.js) and dashboard (GET /sandbox/). No browser is downloaded: Chromium comes
# from Debian's `chromium` package, installed here when missing.
# Screenshots land in $BROWSER_TEST_OUTPUT (default tests/browser/test-output); with
# UPDATE_SCREENSHOTS=1 they are also copied to docs/browser/ for the README.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

command -v node >/dev/null || { echo "node (>= 20) is required for the browser stage" >&2; exit 1; }

# 1. Chromium from Debian.
chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_bin" ]; then
  echo "--- installing Debian's chromium"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
"$chromium_bin" --version

# 2. The native module the example needs (the Node stage builds it first; build it when missing).
if ! compgen -G "bindings-node/*.node" >/dev/null; then
  echo "--- building @checkout-kit/node (bindings-node)"
  (cd bindings-node && npm ci --no-audit --no-fund && npm run build:debug)
fi

# 3. The sandbox binary (a no-op when cargo finds it up to date).
cargo build -p razorpay-sandbox --bin razorpay-sandbox --locked
export RAZORPAY_SANDBOX_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/razorpay-sandbox"

# 4. The example app, compiled (its own stage installs and tests it; install here when run alone).
(cd examples/nestjs && { [ -d node_modules ] || npm ci --no-audit --no-fund --ignore-scripts; } && npm run build)

# 5. The browser tests.
export BROWSER_TEST_OUTPUT="${BROWSER_TEST_OUTPUT:-$root/tests/browser/test-output}"
export CHROMIUM_PATH="$chromium_bin"
cd tests/browser
npm ci --no-audit --no-fund
timeout 600 npm test

if [ "${UPDATE_SCREENSHOTS:-0}" = "1" ]; then
  mkdir -p "$root/docs/browser"
  cp "$BROWSER_TEST_OUTPUT"/checkout-popup.png "$BROWSER_TEST_OUTPUT"/sandbox-dashboard.png "$root/docs/browser/"
  echo "screenshots copied to docs/browser/"
fi
