#!/usr/bin/env bash
# Produces the npm packages of @checkout-kit/node in napi-rs's standard layout:
#   - one package per platform (`@checkout-kit/node-linux-x64-gnu`, …), made by
#     `napi create-npm-dirs` (name, `os`, `cpu`, `libc`, `main`) and filled by `napi artifacts`
#     with that platform's `checkout-kit.<platform>.node`;
#   - the main package (the loader, index.js, the .d.ts files: no native code), whose
#     `optionalDependencies` name every platform package at the same version, so npm installs
#     only the one whose os/cpu/libc match the user's machine.
# Every target in bindings-node/package.json `napi.targets` gets a package directory; a package
# is packed (`npm pack`) only when its binary is in ARTIFACTS_DIR. The release workflow hands in
# every target's binary; a local run usually has only its own (`npm run build` in bindings-node).
#
# `napi prepublish` is not used: it insists on every target's binary and publishes the platform
# packages itself; here the optionalDependencies it would write are written in step 2, and the
# release workflow runs `npm publish` on the directories this script stages.
#
# Usage: scripts/package/npm-packages.sh [ARTIFACTS_DIR [OUT_DIR]]
#   ARTIFACTS_DIR  searched recursively for checkout-kit.<platform>.node (default: bindings-node)
#   OUT_DIR        default: target/npm-packages; gets node/ (the staged packages) and *.tgz
# Needs `npm ci` in bindings-node first (for @napi-rs/cli).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ARTIFACTS="$(cd "${1:-$ROOT/bindings-node}" && pwd)"
OUT="${2:-${CARGO_TARGET_DIR:-$ROOT/target}/npm-packages}"
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
NAPI="$ROOT/bindings-node/node_modules/.bin/napi"
test -x "$NAPI" || { echo "missing $NAPI: run 'npm ci' in bindings-node" >&2; exit 1; }

rm -rf "$OUT"
STAGE="$OUT/node"
mkdir -p "$STAGE" "$OUT/artifacts"

# 1. The main package: exactly the files `npm pack` takes from bindings-node ("files" in
#    package.json decides), plus the licence texts.
(cd "$ROOT/bindings-node" && npm pack --dry-run --json --ignore-scripts 2>/dev/null) |
  node -e 'for (const f of JSON.parse(require("fs").readFileSync(0, "utf8"))[0].files) console.log(f.path)' |
  while IFS= read -r f; do
    mkdir -p "$STAGE/$(dirname "$f")"
    cp "$ROOT/bindings-node/$f" "$STAGE/$f"
  done
if compgen -G "$STAGE/*.node" >/dev/null; then
  echo "the main package must not ship native code: remove *.node from bindings-node's \"files\"" >&2
  exit 1
fi

# 2. Which declared targets have a binary here. napi artifacts insists on every configured target,
#    so it is run with a config that lists the built ones (all of them in the release workflow).
find "$ARTIFACTS" -path '*/node_modules' -prune -o -path "$OUT" -prune -o \
  -name 'checkout-kit.*.node' -type f -print | while IFS= read -r f; do cp "$f" "$OUT/artifacts/"; done
(cd "$ROOT/bindings-node" && node - "$STAGE/package.json" "$OUT/artifacts" "$OUT/napi-built.json") <<'JS'
const fs = require('fs')
const path = require('path')
const { parseTriple } = require('@napi-rs/cli')
const [pkgPath, artifactsDir, builtConfig] = process.argv.slice(2)
const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'))
const targets = pkg.napi.targets.map(parseTriple)
const file = (t) => `${pkg.napi.binaryName}.${t.platformArchABI}.node`
const built = targets.filter((t) => fs.existsSync(path.join(artifactsDir, file(t))))
if (built.length === 0) {
  console.error(`no checkout-kit.<platform>.node for any declared target in ${artifactsDir}`)
  process.exit(1)
}
fs.writeFileSync(builtConfig, JSON.stringify({ ...pkg.napi, targets: built.map((t) => t.triple) }, null, 2))
// Every declared platform, at this exact version: what `napi prepublish` writes.
pkg.optionalDependencies = Object.fromEntries(
  targets.map((t) => [`${pkg.name}-${t.platformArchABI}`, pkg.version]),
)
// Nothing a user of the published package runs needs the build scripts or dev tools.
delete pkg.scripts
delete pkg.devDependencies
pkg.files = [...new Set([...(pkg.files || []), 'LICENSE-MIT', 'LICENSE-APACHE'])]
fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n')
for (const t of targets) {
  console.log(`${built.includes(t) ? 'built   ' : 'declared'} ${t.triple} -> ${pkg.name}-${t.platformArchABI}`)
}
JS

# 3. napi-rs's own tools make the platform packages and put each binary in its package.
# Their progress lines are shown only when they fail.
quiet() { local log; if ! log="$("$@" 2>&1)"; then echo "$log" >&2; return 1; fi; }
(cd "$STAGE" && quiet "$NAPI" create-npm-dirs --npm-dir npm)
(cd "$STAGE" && quiet "$NAPI" artifacts --config-path "$OUT/napi-built.json" \
  --output-dir "$OUT/artifacts" --npm-dir npm)
rm -f "$STAGE"/*.node # napi artifacts also drops a copy beside package.json: not for the main package

# 4. Licences in every package, then one tarball per package that has its binary.
for dir in "$STAGE" "$STAGE"/npm/*; do
  cp "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$dir/"
  node -e '
    const fs = require("fs"); const p = process.argv[1] + "/package.json";
    const pkg = JSON.parse(fs.readFileSync(p, "utf8"));
    pkg.files = [...new Set([...(pkg.files || []), "LICENSE-MIT", "LICENSE-APACHE"])];
    fs.writeFileSync(p, JSON.stringify(pkg, null, 2) + "\n");' "$dir"
done
(cd "$STAGE" && npm pack --silent --pack-destination "$OUT" >/dev/null)
for dir in "$STAGE"/npm/*; do
  if compgen -G "$dir/*.node" >/dev/null; then
    (cd "$dir" && npm pack --silent --pack-destination "$OUT" >/dev/null)
  fi
done
echo "npm packages in $OUT:"
(cd "$OUT" && ls -l ./*.tgz | awk '{ printf "  %-55s %8.1f KiB\n", $NF, $5 / 1024 }')
