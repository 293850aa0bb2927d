#!/usr/bin/env bash
# Lays out the Android library module of the Kotlin bindings, on a machine with the Android NDK
# (not run by the test command, which has none):
#   target/android/checkout-kit/
#     build.gradle.kts, consumer-rules.pro, src/main/AndroidManifest.xml   (scripts/package/android/)
#     src/main/java/dev/checkoutkit/**/*.kt             generated with bindings-uniffi/android.toml
#                                                       (one file per uniffi component)
#                                                       (Android's cleaner, not java.lang.ref.Cleaner)
#     src/main/jniLibs/<abi>/libcheckout_kit.so         arm64-v8a, armeabi-v7a, x86_64, x86
# Needs: ANDROID_NDK_HOME (or ANDROID_NDK_ROOT), `cargo install cargo-ndk`; the script adds the
# rustup targets. `gradle assembleRelease` in the module then gives the .aar.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
: "${ANDROID_NDK_HOME:=${ANDROID_NDK_ROOT:-}}"
[ -n "$ANDROID_NDK_HOME" ] || { echo "set ANDROID_NDK_HOME to the Android NDK" >&2; exit 1; }
export ANDROID_NDK_HOME
command -v cargo-ndk >/dev/null || { echo "cargo-ndk is missing: cargo install cargo-ndk" >&2; exit 1; }
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
MODULE="$TARGET_DIR/android/checkout-kit"
ABIS=(arm64-v8a armeabi-v7a x86_64 x86)

rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android i686-linux-android
rm -rf "$MODULE"
mkdir -p "$MODULE/src/main/java" "$MODULE/src/main/jniLibs"
# cargo-ndk builds each ABI with the NDK's clang and copies the .so to jniLibs/<abi>/.
cargo ndk $(for abi in "${ABIS[@]}"; do printf -- '-t %s ' "$abi"; done) \
  -o "$MODULE/src/main/jniLibs" build --locked --release -p bindings-uniffi --lib
cargo build --locked --release -p bindings-uniffi --bin uniffi-bindgen
(cd bindings-uniffi && "$TARGET_DIR/release/uniffi-bindgen" generate --no-format \
  --library "$TARGET_DIR/aarch64-linux-android/release/libcheckout_kit.so" \
  --language kotlin --config android.toml --out-dir "$MODULE/src/main/java")
grep -q 'android.system.SystemCleaner' "$MODULE/src/main/java/dev/checkoutkit/checkout_kit.kt"
cp scripts/package/android/build.gradle.kts scripts/package/android/consumer-rules.pro "$MODULE/"
cp scripts/package/android/AndroidManifest.xml "$MODULE/src/main/"
for abi in "${ABIS[@]}"; do
  test -f "$MODULE/src/main/jniLibs/$abi/libcheckout_kit.so" || { echo "missing $abi" >&2; exit 1; }
done
echo "$MODULE"
