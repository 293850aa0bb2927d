#!/usr/bin/env bash
# Writes bindings-node/types/*.d.ts: the TypeScript shapes of the Rust types that cross to Node
# (carts, catalogs, policies, reports, plans, currencies), generated from the Rust types by ts-rs
# (`ts` features). index.d.ts imports them through src/header.d.ts. The Node stage runs this and
# fails when the committed files are stale; run it and commit after changing a wire type.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --locked -p bindings-node --features gen-types --bin gen-types -- bindings-node/types
