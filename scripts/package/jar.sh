#!/usr/bin/env bash
# Builds the JVM jar dev.checkoutkit:checkout-kit: the generated Kotlin compiled to classes, and
# each native library at the path JNA looks in on the classpath (`<os>-<arch>/`, e.g.
# `linux-x86-64/libcheckout_kit.so`, `darwin-aarch64/libcheckout_kit.dylib`,
# `win32-x86-64/checkout_kit.dll`), with META-INF/maven/…/pom.xml declaring JNA, kotlin-stdlib and
# kotlinx-coroutines. A user needs the jar and those three: no Rust, no jna.library.path.
#
# Usage: scripts/package/jar.sh OUT_DIR KOTLIN_SOURCES_DIR JNA_PREFIX=LIBRARY [JNA_PREFIX=LIBRARY …]
#   KOTLIN_SOURCES_DIR  uniffi-bindgen's Kotlin output: one file per uniffi component, all compiled
#                       (dev/checkoutkit/checkout_kit.kt, dev/checkoutkit/rules/checkout_rules.kt, …)
# Environment: KOTLINC (kotlinc), JNA_JAR and COROUTINES_JAR (compile classpath), and the
# versions written into the pom: JNA_VERSION, KOTLIN_VERSION, COROUTINES_VERSION.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$1"
SOURCES="$2"
shift 2
[ "$#" -gt 0 ] || { echo "usage: $0 OUT_DIR KOTLIN_SOURCES_DIR JNA_PREFIX=LIBRARY…" >&2; exit 2; }
: "${KOTLINC:?}" "${JNA_JAR:?}" "${COROUTINES_JAR:?}" "${JNA_VERSION:?}" "${KOTLIN_VERSION:?}" "${COROUTINES_VERSION:?}"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n1)"

WORK="$OUT/jar-build"
rm -rf "$WORK"
mkdir -p "$WORK/classes/META-INF/maven/dev.checkoutkit/checkout-kit"
"$KOTLINC" -Werror -jvm-target 17 -cp "$JNA_JAR:$COROUTINES_JAR" \
  $(find "$SOURCES" -name '*.kt' | sort) -d "$WORK/classes" 2>&1 |
  grep -v '^warning: unable to find kotlin-stdlib.jar' || true
for class in dev/checkoutkit/RazorpayClient dev/checkoutkit/rules/CartReport dev/checkoutkit/currency/CurrencyInfo; do
  test -f "$WORK/classes/$class.class" || { echo "kotlinc produced no $class" >&2; exit 1; }
done
rm -rf "$WORK/classes/META-INF/main.kotlin_module.tmp"

for pair in "$@"; do
  prefix="${pair%%=*}"
  lib="${pair#*=}"
  test -f "$lib" || { echo "missing native library $lib" >&2; exit 1; }
  mkdir -p "$WORK/classes/$prefix"
  cp "$lib" "$WORK/classes/$prefix/"
done
cp "$ROOT/LICENSE-MIT" "$ROOT/LICENSE-APACHE" "$WORK/classes/META-INF/"
sed -e "s/@VERSION@/$VERSION/" -e "s/@JNA_VERSION@/$JNA_VERSION/" \
  -e "s/@KOTLIN_VERSION@/$KOTLIN_VERSION/" -e "s/@COROUTINES_VERSION@/$COROUTINES_VERSION/" \
  "$ROOT/scripts/package/jvm/pom.xml" > "$WORK/classes/META-INF/maven/dev.checkoutkit/checkout-kit/pom.xml"
printf 'groupId=dev.checkoutkit\nartifactId=checkout-kit\nversion=%s\n' "$VERSION" \
  > "$WORK/classes/META-INF/maven/dev.checkoutkit/checkout-kit/pom.properties"

JAR="$OUT/checkout-kit-$VERSION.jar"
rm -f "$JAR"
(cd "$WORK/classes" && jar --create --file "$JAR" .)
rm -rf "$WORK"
echo "$JAR"
