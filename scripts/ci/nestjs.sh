#!/usr/bin/env bash
# NestJS example stage: builds what the example needs if an earlier stage has not (the native
# module @checkout-kit/node and the razorpay-sandbox binary), installs the example's locked npm
# dependencies, generates the Prisma client offline and compiles with tsc, then runs its e2e
# tests (node:test) against the sandbox and a throwaway PostgreSQL (scripts/with-postgres.sh:
# initdb + pg_ctl on a free port unless DATABASE_URL is given; installs Debian's postgresql
# package when it is missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

# 1. The native module. The Node stage builds it first; build it here too when it is missing
#    (running this stage alone, or on a machine where the Node stage was skipped).
if ! compgen -G "bindings-node/*.node" >/dev/null; then
  echo "--- building @checkout-kit/node (bindings-node)"
  (cd bindings-node && npm ci --no-audit --no-fund && npm run build:debug)
fi

# 2. The sandbox binary the e2e tests spawn (a no-op when cargo finds it up to date).
cargo build -p razorpay-sandbox --bin razorpay-sandbox --locked
export RAZORPAY_SANDBOX_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/razorpay-sandbox"

# 3. The example: locked install (no install scripts run: Prisma's engines are not downloaded),
#    `prisma generate` offline (package.json points PRISMA_SCHEMA_ENGINE_BINARY at a file),
#    tsc, then the e2e suite on PostgreSQL.
cd examples/nestjs
npm ci --no-audit --no-fund --ignore-scripts
npm run build
bash "$root/scripts/with-postgres.sh" npm run test:e2e
