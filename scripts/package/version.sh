#!/usr/bin/env bash
# One version for every package: the workspace's `version` in Cargo.toml. This script checks that
# everything that states a version agrees with it, or (with `set X.Y.Z`) changes them all.
#   scripts/package/version.sh             prints the version; fails if a package disagrees
#   scripts/package/version.sh set 0.2.0   sets it everywhere (then add a CHANGELOG.md entry)
# Where a version lives: Cargo.toml ([workspace.package] and the workspace crates' entries in
# [workspace.dependencies]); bindings-node/package.json and its lock file (the npm platform
# packages and their optionalDependencies take it from there, scripts/package/npm-packages.sh);
# bindings-python (maturin reads Cargo.toml when pyproject.toml says `dynamic = ["version"]`);
# the jar's pom (scripts/package/jar.sh); Package.swift's binary target has no version (a git tag).
set -euo pipefail
cd "$(dirname "$0")/../.."
current="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"

if [ "${1:-}" = "set" ]; then
  new="${2:?usage: $0 set X.Y.Z}"
  [[ "$new" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || { echo "not a semver version: $new" >&2; exit 2; }
  sed -i -e "s/^version = \"$current\"/version = \"$new\"/" \
    -e "/^\(razorpay-core\|checkout-currency\|checkout-rules\|razorpay-sandbox\) = /s/version = \"$current\"/version = \"$new\"/" Cargo.toml
  (cd bindings-node && npm version "$new" --no-git-tag-version --allow-same-version >/dev/null)
  cargo update --workspace --offline >/dev/null 2>&1 || cargo update --workspace >/dev/null
  echo "version $current -> $new: now rebuild bindings-node (binding.js checks the version) and add a CHANGELOG.md entry"
  exec "$0"
fi

fail=0
check() { # what, found
  if [ "$2" != "$current" ]; then echo "$1 says ${2:-nothing}, the workspace says $current" >&2; fail=1; fi
}
for crate in razorpay-core checkout-currency checkout-rules razorpay-sandbox; do
  check "Cargo.toml [workspace.dependencies] $crate" \
    "$(sed -n "s/^$crate = {.*version = \"\([^\"]*\)\".*/\1/p" Cargo.toml)"
done
check "bindings-node/package.json" "$(node -p 'require("./bindings-node/package.json").version')"
check "bindings-node/package-lock.json" "$(node -p 'require("./bindings-node/package-lock.json").version')"
# The generated loader refuses a platform package of another version (NAPI_RS_ENFORCE_VERSION_CHECK).
if grep -o "bindingPackageVersion !== '[^']*'" bindings-node/binding.js | grep -v "'$current'" >/dev/null; then
  echo "bindings-node/binding.js expects another version: rebuild it (npm run build)" >&2; fail=1
fi
if [ -f bindings-python/pyproject.toml ] && grep -q '^version *=' bindings-python/pyproject.toml; then
  check "bindings-python/pyproject.toml" "$(sed -n 's/^version *= *"\(.*\)"/\1/p' bindings-python/pyproject.toml | head -n1)"
fi
grep -q "^## \[$current\]" CHANGELOG.md || { echo "CHANGELOG.md has no '## [$current]' section" >&2; fail=1; }
[ "$fail" -eq 0 ] || exit 1
echo "$current"
