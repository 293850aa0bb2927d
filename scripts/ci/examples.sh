#!/usr/bin/env bash
# Examples stage: every runnable example runs and does what its docs say.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "--- cargo run --example checkout (the whole checkout against the in-process sandbox)"
cargo run --locked -q --example checkout

echo "--- validate_cart: a stale cart from stdin is reported with its fixes (exit 1 = invalid cart)"
set +e
report=$(cargo run --locked -q -p checkout-kit-examples --example validate_cart < examples/data/cart.json)
status=$?
set -e
[ "$status" -eq 1 ] || { echo "expected exit 1 for an invalid cart, got $status"; exit 1; }
for code in PRICE_INCREASED INSUFFICIENT_STOCK PRODUCT_NOT_FOUND '"isValid": false'; do
  grep -q "$code" <<<"$report" || { echo "validate_cart: missing $code in the report"; exit 1; }
done
echo "ok"

echo "--- axum_webhook: genuine, tampered and repeated deliveries"
cargo run --locked -q -p checkout-kit-examples --example axum_webhook

echo "--- create_order against the sandbox binary, started the way README.md shows"
cargo build --locked -q -p razorpay-sandbox --bin razorpay-sandbox
log=$(mktemp)
cargo run --locked -q -p razorpay-sandbox -- --port 9090 --key-id rzp_test_sandbox --key-secret sandbox_key_secret >"$log" 2>/dev/null &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^razorpay-sandbox listening on //p' "$log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "the sandbox did not start on port 9090"; exit 1; }
out=$(RAZORPAY_KEY_ID=rzp_test_sandbox RAZORPAY_KEY_SECRET=sandbox_key_secret RAZORPAY_BASE_URL="$url" \
  cargo run --locked -q -p checkout-kit-examples --example create_order -- 49900 INR)
echo "$out"
grep -q "^created order_" <<<"$out" && grep -q "^fetched order_" <<<"$out" || { echo "create_order did not create and fetch"; exit 1; }
echo "examples: 4 passed, 0 failed"
