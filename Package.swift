// swift-tools-version: 6.2
import PackageDescription

/// Every target of ours: Swift 6 language mode (the tools version's default), complete
/// concurrency checking, and warnings as errors so "zero warnings" is enforced by the build.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Flotilla",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "flotilla", targets: ["FlotillaCLI"]),
        .library(name: "FlotillaSpec", targets: ["FlotillaSpec"]),
        .library(name: "FlotillaGenerator", targets: ["FlotillaGenerator"]),
        .library(name: "FlotillaResilience", targets: ["FlotillaResilience"]),
        .library(name: "FlotillaContracts", targets: ["FlotillaContracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "FlotillaSpec",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(
            name: "FlotillaGenerator",
            dependencies: [
                "FlotillaSpec",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .target(name: "FlotillaResilience", swiftSettings: strict),
        .target(name: "FlotillaContracts", swiftSettings: strict),
        .target(name: "FlotillaTesting", swiftSettings: strict),
        .executableTarget(
            name: "FlotillaCLI",
            dependencies: [
                "FlotillaSpec",
                "FlotillaGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FlotillaSpecTests",
            dependencies: ["FlotillaSpec", "FlotillaTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FlotillaContractsTests",
            dependencies: ["FlotillaContracts", "FlotillaTesting"],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FlotillaCLITests",
            dependencies: ["FlotillaCLI", "FlotillaTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FlotillaGeneratorTests",
            dependencies: ["FlotillaGenerator", "FlotillaSpec", "FlotillaTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FlotillaResilienceTests",
            dependencies: [
                "FlotillaResilience", "FlotillaTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
    ]
)
