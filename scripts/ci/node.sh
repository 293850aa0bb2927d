#!/usr/bin/env bash
# Node stage: @checkout-kit/node (bindings-node) on a fresh machine.
#   npm ci → napi build (debug profile: the Rust stage already compiled the dependencies, and the
#   tests need correctness, not speed) → generated loader (binding.js), index.d.ts and api.d.ts must match
#   the committed ones → the razorpay-sandbox binary for the client tests → node --test (including
#   __test__/parity.test.mjs: every method of the official razorpay package, a devDependency, against ours).
# The benchmark (`npm run bench`, release build) is not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v node >/dev/null || { echo "node (>= 18) is required for the Node stage" >&2; exit 1; }
echo "node $(node --version), npm $(npm --version)"

# The shapes of the Rust types are generated (ts-rs): fail when the committed ones are stale.
./scripts/gen-types.sh
git ls-files --error-unmatch bindings-node/types >/dev/null
if ! git diff --exit-code -- bindings-node/types || [ -n "$(git ls-files --others --exclude-standard bindings-node/types)" ]; then
  echo "bindings-node/types/*.d.ts is stale: run ./scripts/gen-types.sh and commit it" >&2
  exit 1
fi

cd bindings-node
npm ci --no-audit --no-fund
npm run build:debug

# The generated loader and type definitions are committed: fail if the build changed them.
git ls-files --error-unmatch binding.js index.d.ts >/dev/null
if ! git diff --exit-code -- binding.js index.d.ts; then
  echo "bindings-node/binding.js or index.d.ts is stale: run 'npm run build' in bindings-node and commit them" >&2
  exit 1
fi

# api.d.ts (the Razorpay class's resource methods) is generated from razorpay-core's API table
# through the freshly built module: fail if the committed one is stale.
git ls-files --error-unmatch api.d.ts >/dev/null
node scripts/gen-api-dts.mjs --check

# The client tests run against the razorpay-sandbox binary (target/debug/razorpay-sandbox).
(cd .. && cargo build --locked -p razorpay-sandbox --bin razorpay-sandbox)

npm test
