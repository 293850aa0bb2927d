#!/usr/bin/env bash
# Packages stage: what a user installs, proven the way a user would use it.
#  - npm: scripts/package/npm-packages.sh makes the napi-rs packages (@checkout-kit/node and one
#    per platform); `npm publish --dry-run` must list only what should ship; the main and the
#    linux-x64-gnu tarballs are installed into a fresh NestJS project in a temporary folder with
#    no Rust toolchain on PATH, which runs a checkout against the razorpay-sandbox binary.
#  - JVM: scripts/package/jar.sh makes the jar (Kotlin classes, linux-x86-64/libcheckout_kit.so,
#    pom declaring JNA); a Kotlin program with only the jar and its declared dependencies on the
#    classpath (no jna.library.path, no Rust) must load the library from the jar.
#  - one version everywhere (scripts/package/version.sh);
#  - crates.io: `cargo package` (with its verification build) of checkout-currency,
#    checkout-rules, razorpay-core and razorpay-sandbox, in publish order; the MSRV
#    (scripts/package/msrv.sh).
# The native code is the debug build the earlier stages made: the proofs are about packaging,
# the release workflow (.github/workflows/release.yml) builds optimised binaries for every target.
# Outputs go to target/packages/ (npm/, jvm/) and target/package/ (the .crate files).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
OUT="$TARGET_DIR/packages"
TOOLS="$ROOT/.tools/uniffi" # shared with the uniffi stage: the same kotlinc
KOTLIN_COMPILER_VERSION="2.4.20"
mkdir -p "$OUT"

# PATH without any Rust toolchain (rustup's or cargo's bin directories).
NO_RUST_PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '\.cargo/bin' -e 'rustup' | paste -sd: -)"
no_rust() {
  env -u CARGO -u CARGO_HOME -u RUSTUP_HOME -u RUSTUP_TOOLCHAIN PATH="$NO_RUST_PATH" "$@"
}
if no_rust sh -c 'command -v cargo || command -v rustc || command -v rustup' >/dev/null; then
  echo "a Rust toolchain is still on the stripped PATH: $NO_RUST_PATH" >&2
  exit 1
fi
# Zip entries without needing unzip (python3 is required by the uniffi stage anyway).
zip_read() { python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' "$1" "$2"; }
zip_list() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
kib() { echo "$(( ($(stat -c %s "$1") + 1023) / 1024 )) KiB"; }

echo "--- one version: Cargo.toml, package.json, CHANGELOG.md (scripts/package/version.sh)"
bash scripts/package/version.sh

echo "--- build: @checkout-kit/node (debug), libcheckout_kit + uniffi-bindgen, razorpay-sandbox"
cargo build --locked -p bindings-uniffi -p razorpay-sandbox --lib --bins
(cd bindings-node && { [ -x node_modules/.bin/napi ] || npm ci --no-audit --no-fund; } && npm run build:debug)
SANDBOX_BIN="$TARGET_DIR/debug/razorpay-sandbox"
LIB="$TARGET_DIR/debug/libcheckout_kit.so"
BINDGEN="$TARGET_DIR/debug/uniffi-bindgen"

echo "--- npm: platform packages (scripts/package/npm-packages.sh)"
bash scripts/package/npm-packages.sh bindings-node "$OUT/npm"
VERSION="$(node -p 'require("./bindings-node/package.json").version')"
MAIN_TGZ="$OUT/npm/checkout-kit-node-$VERSION.tgz"
PLATFORM_TGZ="$OUT/npm/checkout-kit-node-linux-x64-gnu-$VERSION.tgz"
test -f "$MAIN_TGZ" && test -f "$PLATFORM_TGZ"

echo "--- npm publish --dry-run: only what should ship"
# Prints the files `npm publish` would upload, one per line.
publish_list() {
  (cd "$1" && npm publish --dry-run --json --access public --ignore-scripts 2>/dev/null) |
    node -e 'let j = JSON.parse(require("fs").readFileSync(0, "utf8")); j = j.files ? j : Object.values(j)[0];
             for (const f of j.files) console.log(f.path)' | sort
}
MAIN_FILES="$(publish_list "$OUT/npm/node")"
echo "$MAIN_FILES" | sed 's/^/  @checkout-kit\/node: /'
for required in package.json README.md LICENSE-MIT LICENSE-APACHE index.js binding.js index.d.ts; do
  grep -qx "$required" <<<"$MAIN_FILES" || { echo "main package lacks $required" >&2; exit 1; }
done
# JavaScript, type declarations, the manifest, README and licences; nothing else (no .node, no
# Rust sources, tests, benchmarks or lock files).
if unexpected="$(grep -vxE '[A-Za-z0-9_./-]+\.(js|cjs|mjs|d\.ts|d\.cts|d\.mts)|package\.json|README\.md|LICENSE-(MIT|APACHE)' <<<"$MAIN_FILES")"; then
  echo "main package would ship unexpected files:" >&2
  echo "$unexpected" >&2
  exit 1
fi
if grep -E '(^|/)(src|__test__|bench|node_modules)/' <<<"$MAIN_FILES"; then
  echo "main package would ship sources, tests or benchmarks" >&2
  exit 1
fi
PLATFORM_FILES="$(publish_list "$OUT/npm/node/npm/linux-x64-gnu")"
echo "$PLATFORM_FILES" | sed 's/^/  @checkout-kit\/node-linux-x64-gnu: /'
expected="$(printf '%s\n' LICENSE-APACHE LICENSE-MIT README.md checkout-kit.linux-x64-gnu.node package.json | sort)"
[ "$PLATFORM_FILES" = "$expected" ] || { echo "linux-x64-gnu package: unexpected file list" >&2; exit 1; }
node -e '
  const p = require(process.argv[1]);
  const want = { os: ["linux"], cpu: ["x64"], libc: ["glibc"] };
  for (const [k, v] of Object.entries(want)) if (JSON.stringify(p[k]) !== JSON.stringify(v)) throw new Error(`${k}: ${p[k]}`);
  const main = require(process.argv[2]);
  if (main.optionalDependencies[p.name] !== main.version) throw new Error("main package does not depend on " + p.name);
  console.log(`  ${Object.keys(main.optionalDependencies).length} platform packages in optionalDependencies; ${p.name}: os/cpu/libc ok`);
' "$OUT/npm/node/npm/linux-x64-gnu/package.json" "$OUT/npm/node/package.json"

echo "--- npm: the tarballs in a fresh NestJS project, no Rust toolchain on PATH"
APP_PARENT="$(mktemp -d)"
trap 'rm -rf "$APP_PARENT"' EXIT
APP="$APP_PARENT/shop"
cp -R scripts/ci/packages/nestjs-app "$APP"
(
  cd "$APP"
  # The platform packages that are not built here are not on the registry either: npm skips
  # an optional dependency it cannot fetch, as it skips one for another os/cpu.
  no_rust npm install --no-audit --no-fund --loglevel=error "$MAIN_TGZ" "$PLATFORM_TGZ"
  no_rust npm run --silent build
  RAZORPAY_SANDBOX_BIN="$SANDBOX_BIN" no_rust timeout 120 node dist/main.js
)

echo "--- jvm: the jar (scripts/package/jar.sh) on a bare classpath"
KOTLIN_HOME="$TOOLS/kotlin/node_modules/kotlin-compiler"
if [ ! -x "$KOTLIN_HOME/bin/kotlinc" ] || ! grep -q "\"version\": \"$KOTLIN_COMPILER_VERSION\"" "$KOTLIN_HOME/package.json"; then
  mkdir -p "$TOOLS/kotlin"
  [ -f "$TOOLS/kotlin/package.json" ] || echo '{"private": true}' > "$TOOLS/kotlin/package.json"
  (cd "$TOOLS/kotlin" && npm install --no-audit --no-fund --silent "kotlin-compiler@$KOTLIN_COMPILER_VERSION")
fi
if ! dpkg -s libjna-java libjna-jni >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libjna-java libjna-jni
fi
JNA_JAR="/usr/share/java/jna.jar"
# Debian's jna.jar leaves JNA's own stub (libjnidispatch) to the libjna-jni package.
JNA_JNI_DIR="$(dirname "$(dpkg -L libjna-jni | grep 'libjnidispatch.*\.so$' | head -n1)")"
COROUTINES_JAR="$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar"
STDLIB_JAR="$KOTLIN_HOME/lib/kotlin-stdlib.jar"
export KOTLINC="$KOTLIN_HOME/bin/kotlinc" JNA_JAR COROUTINES_JAR
export JNA_VERSION="$(dpkg-query -W -f='${Version}' libjna-java | sed 's/-[^-]*$//')"
export KOTLIN_VERSION="$KOTLIN_COMPILER_VERSION"
# kotlinx-coroutines records its version in the jar (the compiler bundles the one it is built with).
export COROUTINES_VERSION="$(zip_read "$COROUTINES_JAR" META-INF/kotlinx_coroutines_core.version | tr -d '\r\n')"
test -n "$COROUTINES_VERSION" || { echo "cannot read the kotlinx-coroutines version" >&2; exit 1; }

rm -rf "$OUT/jvm"
mkdir -p "$OUT/jvm"
(cd bindings-uniffi && "$BINDGEN" generate --no-format --library "$LIB" --language kotlin --out-dir "$OUT/jvm/kotlin" >/dev/null)
JAR="$(bash scripts/package/jar.sh "$OUT/jvm" "$OUT/jvm/kotlin" "linux-x86-64=$LIB" | tail -n1)"
zip_list "$JAR" | grep -qx 'linux-x86-64/libcheckout_kit.so'
zip_read "$JAR" META-INF/maven/dev.checkoutkit/checkout-kit/pom.xml | grep -q '<artifactId>jna</artifactId>'
no_rust "$KOTLINC" -Werror -jvm-target 17 -cp "$JAR:$JNA_JAR:$COROUTINES_JAR" \
  scripts/ci/packages/jvm/JarProof.kt -d "$OUT/jvm/proof.jar" 2>&1 | grep -v '^warning: unable to find kotlin-stdlib.jar' || true
set +e
no_rust timeout 300 java -Djna.debug_load=true -Djna.nosys=false -Djava.library.path="$JNA_JNI_DIR" \
  -cp "$OUT/jvm/proof.jar:$JAR:$JNA_JAR:$COROUTINES_JAR:$STDLIB_JAR" \
  dev.checkoutkit.packageproof.JarProofKt > "$OUT/jvm/proof.log" 2>&1
rc=$?
set -e
grep '^jar proof' "$OUT/jvm/proof.log" || true # the rest is JNA's debug log
[ "$rc" -eq 0 ] || { cat "$OUT/jvm/proof.log" >&2; exit "$rc"; }
# JNA's debug log names where it found the library: inside our jar, nowhere else.
grep -E "Found library resource at jar:file:.*$(basename "$JAR")!/linux-x86-64/libcheckout_kit\.so" "$OUT/jvm/proof.log" ||
  { echo "libcheckout_kit was not loaded from the jar" >&2; cat "$OUT/jvm/proof.log" >&2; exit 1; }

echo "--- swift: Package.swift points where scripts/package/swift-xcframework.sh writes (building needs macOS)"
for path in bindings-uniffi/swift/CheckoutKitFFI.xcframework bindings-uniffi/swift/Sources/CheckoutKit; do
  grep -q "path: \"$path\"" Package.swift || { echo "Package.swift does not use $path" >&2; exit 1; }
  grep -q "$(basename "$path")" scripts/package/swift-xcframework.sh || { echo "swift-xcframework.sh does not write $path" >&2; exit 1; }
done
grep -q 'name: "CheckoutKitFFI"' Package.swift # the module name uniffi.toml gives the FFI module

echo "--- crates.io: cargo package (with verification) in publish order"
# --workspace packaging resolves the unpublished path dependencies against the freshly packed
# crates, so razorpay-core and razorpay-sandbox verify before checkout-rules is on crates.io.
# --allow-dirty: on a fresh clone the tree is clean anyway; a developer re-running the stage
# with uncommitted edits still gets the verification build.
# Cargo unpacks the freshly packed crates from its temporary registry into
# $CARGO_HOME/registry/src/<that registry>/<crate>-<version> and never unpacks the same version
# again: on a machine that ran this stage before, the verification would build the old sources.
# Only those temporary registries' copies of our own crates are removed (never crates.io's).
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  case "$(basename "$dir")" in index.crates.io-*) continue ;; esac
  for crate in checkout-currency checkout-rules razorpay-core razorpay-sandbox; do
    rm -rf "$dir$crate-$VERSION"
  done
done
cargo package --locked --allow-dirty -p checkout-currency -p checkout-rules -p razorpay-core -p razorpay-sandbox
for crate in checkout-currency checkout-rules razorpay-core razorpay-sandbox; do
  f="$TARGET_DIR/package/$crate-$VERSION.crate"
  test -f "$f" || { echo "missing $f" >&2; exit 1; }
  if tar -tzf "$f" | grep -E '/(fuzz|target)/' >/dev/null; then echo "$f ships fuzz/ or target/" >&2; exit 1; fi
done

echo "--- MSRV (rust-version in Cargo.toml)"
bash scripts/package/msrv.sh

echo "--- package sizes"
for f in "$MAIN_TGZ" "$PLATFORM_TGZ" "$JAR" "$TARGET_DIR"/package/{checkout-currency,checkout-rules,razorpay-core,razorpay-sandbox}-"$VERSION".crate; do
  printf '  %-45s %s\n' "$(basename "$f")" "$(kib "$f")"
done
