// swift-tools-version:5.9
// CheckoutKit for iOS and macOS: the uniffi-generated Swift over the Rust core, which ships as
// the binary target CheckoutKitFFI (an XCFramework of libcheckout_kit.a for iOS devices, the iOS
// simulator and macOS). Both are produced on macOS by scripts/package/swift-xcframework.sh, which
// writes bindings-uniffi/swift/Sources/CheckoutKit/CheckoutKit.swift and
// bindings-uniffi/swift/CheckoutKitFFI.xcframework; the release workflow attaches them, with this
// file, as CheckoutKit-<version>-swiftpm.zip (see README "Install: Swift").
import PackageDescription

let package = Package(
    name: "CheckoutKit",
    platforms: [.iOS(.v13), .macOS(.v10_15)],
    products: [
        .library(name: "CheckoutKit", targets: ["CheckoutKit"]),
    ],
    targets: [
        .binaryTarget(
            name: "CheckoutKitFFI",
            path: "bindings-uniffi/swift/CheckoutKitFFI.xcframework"
        ),
        .target(
            name: "CheckoutKit",
            dependencies: ["CheckoutKitFFI"],
            path: "bindings-uniffi/swift/Sources/CheckoutKit"
        ),
    ]
)
