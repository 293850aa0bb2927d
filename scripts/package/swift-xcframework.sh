#!/usr/bin/env bash
# Builds the Swift package's binary target and sources, on macOS with Xcode (not run by the test
# command, which has no macOS):
#   bindings-uniffi/swift/CheckoutKitFFI.xcframework     libcheckout_kit.a for iOS (arm64), the iOS
#                                                        simulator (arm64 + x86_64) and macOS
#                                                        (arm64 + x86_64), with the C header and
#                                                        module.modulemap of module CheckoutKitFFI
#   bindings-uniffi/swift/Sources/CheckoutKit/*.swift           the generated Swift (one file a component)
# Then `swift build` at the repository root builds the package (Package.swift), and with
# `--zip` it writes target/swift/CheckoutKit-<version>-swiftpm.zip (Package.swift, the sources,
# the XCFramework) and prints its SwiftPM checksum.
# Needs: Xcode command-line tools, rustup with the five targets below (the script adds them).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
[ "$(uname -s)" = "Darwin" ] || { echo "the XCFramework needs macOS and Xcode" >&2; exit 1; }
VERSION="$(bash scripts/package/version.sh)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SWIFT_DIR="$ROOT/bindings-uniffi/swift"
WORK="$TARGET_DIR/swift"
IOS=aarch64-apple-ios
SIM=(aarch64-apple-ios-sim x86_64-apple-ios)
MAC=(aarch64-apple-darwin x86_64-apple-darwin)

rustup target add "$IOS" "${SIM[@]}" "${MAC[@]}"
for t in "$IOS" "${SIM[@]}" "${MAC[@]}"; do
  cargo build --locked --release --target "$t" -p bindings-uniffi --lib
done
# The generator reads the interface from a built library (any target: the interface is the same).
cargo build --locked --release -p bindings-uniffi --bin uniffi-bindgen-swift

rm -rf "$WORK" "$SWIFT_DIR/CheckoutKitFFI.xcframework" "$SWIFT_DIR/Sources"
mkdir -p "$WORK/generated" "$WORK/headers" "$WORK/ios-sim" "$WORK/macos" "$SWIFT_DIR/Sources/CheckoutKit"
# Every uniffi component in the library (bindings-uniffi and the core crates) gives a Swift file
# and a header; all the files form the one module CheckoutKit, all the headers the one C module
# CheckoutKitFFI (one modulemap).
(cd bindings-uniffi && "$TARGET_DIR/release/uniffi-bindgen-swift" --swift-sources --headers \
  --modulemap --module-name CheckoutKitFFI --modulemap-filename module.modulemap \
  "$TARGET_DIR/${MAC[0]}/release/libcheckout_kit.dylib" "$WORK/generated")
cp "$WORK/generated/"*.h "$WORK/generated/module.modulemap" "$WORK/headers/"
cp "$WORK/generated/"*.swift "$SWIFT_DIR/Sources/CheckoutKit/"

# One library per platform: fat archives for the simulator and macOS architectures.
lipo -create $(for t in "${SIM[@]}"; do echo "$TARGET_DIR/$t/release/libcheckout_kit.a"; done) \
  -output "$WORK/ios-sim/libcheckout_kit.a"
lipo -create $(for t in "${MAC[@]}"; do echo "$TARGET_DIR/$t/release/libcheckout_kit.a"; done) \
  -output "$WORK/macos/libcheckout_kit.a"
xcodebuild -create-xcframework \
  -library "$TARGET_DIR/$IOS/release/libcheckout_kit.a" -headers "$WORK/headers" \
  -library "$WORK/ios-sim/libcheckout_kit.a" -headers "$WORK/headers" \
  -library "$WORK/macos/libcheckout_kit.a" -headers "$WORK/headers" \
  -output "$SWIFT_DIR/CheckoutKitFFI.xcframework"

swift build --package-path "$ROOT"
echo "built $SWIFT_DIR/CheckoutKitFFI.xcframework and the CheckoutKit sources; swift build passed"

if [ "${1:-}" = "--zip" ]; then
  ZIP="$WORK/CheckoutKit-$VERSION-swiftpm.zip"
  rm -f "$ZIP"
  (cd "$ROOT" && zip -qry "$ZIP" Package.swift LICENSE-MIT LICENSE-APACHE \
    bindings-uniffi/swift/Sources bindings-uniffi/swift/CheckoutKitFFI.xcframework)
  (cd "$WORK" && ditto -c -k --keepParent "$SWIFT_DIR/CheckoutKitFFI.xcframework" CheckoutKitFFI.xcframework.zip)
  echo "$ZIP"
  echo "CheckoutKitFFI.xcframework.zip checksum (for a url: binaryTarget): $(swift package compute-checksum "$WORK/CheckoutKitFFI.xcframework.zip")"
fi
