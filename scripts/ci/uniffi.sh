#!/usr/bin/env bash
# uniffi stage: build the library, generate Python, Kotlin and Swift bindings, then
#  - Python: generated here to prove it generates; the package is bindings-python's stage
#    (scripts/ci/python.sh: maturin wheel + PyO3 fast paths, tests from the installed wheel);
#  - Kotlin: compile the generated code with -Werror and run the Kotlin test program;
#  - Swift: check every component's source and header exist, the one modulemap lists all headers
#    and the headers compile together (compiling the Swift needs macOS).
# Installs what it needs (kotlin-compiler from npm, JNA from Debian) into
# gitignored folders; generated code goes to bindings-uniffi/generated/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
TOOLS="$ROOT/.tools/uniffi"
GEN="$ROOT/bindings-uniffi/generated"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
KOTLIN_COMPILER_VERSION="2.4.20"

case "$(uname -s)" in
  Darwin) LIB_FILE="libcheckout_kit.dylib" ;;
  *) LIB_FILE="libcheckout_kit.so" ;;
esac

echo "--- build: bindings-uniffi (cdylib + uniffi-bindgen) and the razorpay-sandbox binary"
cargo build --locked -p bindings-uniffi -p razorpay-sandbox --lib --bins
LIB="$TARGET_DIR/debug/$LIB_FILE"
BINDGEN="$TARGET_DIR/debug/uniffi-bindgen"
SWIFT_BINDGEN="$TARGET_DIR/debug/uniffi-bindgen-swift"
export CHECKOUT_KIT_SANDBOX_BIN="$TARGET_DIR/debug/razorpay-sandbox"
test -f "$LIB" || { echo "missing $LIB" >&2; exit 1; }

echo "--- generate: Python, Kotlin, Swift into bindings-uniffi/generated/"
# The library holds four uniffi components: checkout_kit (this crate) and the core crates'
# checkout_currency, checkout_rules and razorpay_core (their `uniffi` features). Each becomes
# its own Python module and Kotlin package (settings: each crate's uniffi.toml).
rm -rf "$GEN"
for lang in python kotlin; do
  # Run from the crate so `cargo metadata` finds every crate's uniffi.toml.
  (cd "$ROOT/bindings-uniffi" && "$BINDGEN" generate --no-format --library "$LIB" \
    --language "$lang" --out-dir "$GEN/$lang")
done
# The Android flavour of the Kotlin (Android's cleaner instead of java.lang.ref.Cleaner).
(cd "$ROOT/bindings-uniffi" && "$BINDGEN" generate --no-format --library "$LIB" \
  --language kotlin --config android.toml --out-dir "$GEN/kotlin-android")
# (Only checkout_kit.kt has objects, so only it needs a cleaner; android.toml sets it for all.)
grep -q 'android.system.SystemCleaner' "$GEN/kotlin-android/dev/checkoutkit/checkout_kit.kt"
# Swift: every component's source and header, and one modulemap over all the headers, so they
# build as the one module CheckoutKit over the one C module CheckoutKitFFI.
(cd "$ROOT/bindings-uniffi" && "$SWIFT_BINDGEN" --swift-sources --headers --modulemap \
  --module-name CheckoutKitFFI --modulemap-filename CheckoutKitFFI.modulemap "$LIB" "$GEN/swift")

echo "--- swift: sources, headers and modulemap (compiling them needs macOS + Xcode)"
for f in CheckoutKit CheckoutRules CheckoutCurrency RazorpayCore; do
  test -s "$GEN/swift/$f.swift" || { echo "swift: $f.swift was not generated" >&2; exit 1; }
  grep -q "header \"${f}FFI.h\"" "$GEN/swift/CheckoutKitFFI.modulemap" ||
    { echo "swift: the modulemap lacks ${f}FFI.h" >&2; exit 1; }
  grep -q 'import CheckoutKitFFI' "$GEN/swift/$f.swift"
done
test "$(grep -c '^module ' "$GEN/swift/CheckoutKitFFI.modulemap")" = 1
# One C module over four headers: they must compile together in one translation unit (the C
# compiler that links Rust here; `_Nullable`/`_Nonnull` are clang's annotations).
(cd "$GEN/swift" && for h in *.h; do echo "#include \"$h\""; done) > "$GEN/swift-headers.c"
cc -fsyntax-only -Wall -Werror -D_Nullable= -D_Nonnull= -I "$GEN/swift" "$GEN/swift-headers.c"
grep -q 'public func formatMinorUnits' "$GEN/swift/CheckoutKit.swift"
grep -q 'public struct CartReport' "$GEN/swift/CheckoutRules.swift"
grep -q 'public struct Payment' "$GEN/swift/RazorpayCore.swift"
grep -q 'case unknown(value: String' "$GEN/swift/RazorpayCore.swift" # statuses: Unknown(value)
grep -q "open class RazorpayClient" "$GEN/swift/CheckoutKit.swift"
grep -q "func create(order: CreateOrder) async throws" "$GEN/swift/CheckoutKit.swift"
echo "swift: $(cat "$GEN"/swift/*.swift | wc -l) lines of Swift in $(ls "$GEN"/swift/*.swift | wc -l) files, headers and one modulemap"

echo "--- kotlin: kotlinc (npm kotlin-compiler $KOTLIN_COMPILER_VERSION) + JNA (Debian)"
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
JNA_JNI_DIR="$(dirname "$(dpkg -L libjna-jni | grep 'libjnidispatch.*\.so$' | head -n1)")"
COROUTINES_JAR="$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar"
for f in "$JNA_JAR" "$COROUTINES_JAR"; do test -f "$f" || { echo "missing $f" >&2; exit 1; }; done

KT_OUT="$GEN/kotlin-build"
mkdir -p "$KT_OUT"
"$KOTLIN_HOME/bin/kotlinc" -Werror -jvm-target 17 \
  -cp "$JNA_JAR:$COROUTINES_JAR" \
  $(find "$GEN/kotlin" -name '*.kt' | sort) \
  "$ROOT"/bindings-uniffi/tests/kotlin/*.kt \
  -d "$KT_OUT/checkout-kit-tests.jar"
timeout 600 java -Djna.nosys=false \
  -Dcheckoutkit.fixtures="${CHECKOUT_KIT_FIXTURES:-$ROOT/fixtures}" \
  -Dcheckoutkit.sandbox="$CHECKOUT_KIT_SANDBOX_BIN" \
  -Djava.library.path="$JNA_JNI_DIR" \
  -Djna.library.path="$(dirname "$LIB")" \
  -cp "$KT_OUT/checkout-kit-tests.jar:$JNA_JAR:$COROUTINES_JAR:$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
  dev.checkoutkit.tests.CheckoutKitTestKt
