#!/usr/bin/env bash
# Checks the MSRV (`rust-version` in the workspace Cargo.toml) of the published crates.
#  - With that toolchain installed (`rustup toolchain install <msrv>`), builds them with it.
#  - Always: every crate they depend on (normal and build dependencies, as locked) declares a
#    `rust-version` no newer than ours. This is necessary, not sufficient: a crate that declares
#    none is listed, and only the build with the old toolchain proves the MSRV.
set -euo pipefail
cd "$(dirname "$0")/../.."
MSRV="$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
CRATES=(checkout-currency checkout-rules razorpay-core razorpay-sandbox)
echo "MSRV: $MSRV"

cargo metadata --locked --format-version 1 --filter-platform x86_64-unknown-linux-gnu |
  python3 -c '
import json, sys
msrv, roots = sys.argv[1], sys.argv[2:]
meta = json.load(sys.stdin)
pkgs = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
ver = lambda v: tuple(int(x) for x in (v.split(".") + ["0", "0"])[:3])
todo = [i for i, p in pkgs.items() if p["name"] in roots and p["source"] is None]
seen, newer, undeclared = set(), [], []
while todo:
    i = todo.pop()
    if i in seen:
        continue
    seen.add(i)
    for d in nodes[i]["deps"]:
        if any(k["kind"] in (None, "build") for k in d["dep_kinds"]):
            todo.append(d["pkg"])
for i in sorted(seen, key=lambda i: pkgs[i]["name"]):
    p = pkgs[i]
    rv = p.get("rust_version")
    if rv is None:
        undeclared.append(p["name"])
    elif ver(rv) > ver(msrv):
        newer.append("%s %s needs %s" % (p["name"], p["version"], rv))
print(f"{len(seen)} crates in the dependency graph; {len(undeclared)} declare no rust-version")
if newer:
    sys.exit("dependencies need a newer Rust than " + msrv + ":\n  " + "\n  ".join(newer))
print(f"every declared rust-version is <= {msrv}")
' "$MSRV" "${CRATES[@]}"

if rustup toolchain list 2>/dev/null | grep -q "^$MSRV"; then
  args=()
  for c in "${CRATES[@]}"; do args+=(-p "$c"); done
  cargo "+$MSRV" check --locked "${args[@]}" --all-features
  echo "built with Rust $MSRV"
else
  echo "MSRV build untested here: the $MSRV toolchain is not installed (rustup toolchain install $MSRV)"
fi
