// swift-tools-version: 6.2
import PackageDescription

/// Every target of ours: Swift 6 language mode (the tools version's default), complete
/// concurrency checking, and warnings as errors so "zero warnings" is enforced by the build.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
    .enableUpcomingFeature("ExistentialAny"),
]

/// The shop: one library per service (its routes and domain logic, `Sources/Services/<Name>`),
/// a thin executable named after the spec's `product`, and the service's in-process tests.
struct ShopService {
    let library: String
    let product: String
    var extra: [Target.Dependency] = []
    var testExtra: [Target.Dependency] = []

    var targets: [Target] {
        [
            .target(
                name: library,
                dependencies: [
                    "FlotillaServiceKit", "FlotillaContracts", .product(name: "Hummingbird", package: "hummingbird"),
                ] + extra,
                path: "Sources/Services/\(library.dropFirst(4))",
                swiftSettings: strict),
            .executableTarget(
                name: product, dependencies: [.target(name: library), "FlotillaServiceKit"],
                path: "Sources/Executables/\(product)", swiftSettings: strict),
            .testTarget(
                name: "\(library)Tests",
                dependencies: [
                    .target(name: library), "ShopTestSupport", "FlotillaServiceKit", "FlotillaTesting",
                    "FlotillaContracts",
                    "FlotillaSpec",
                    "FlotillaStore",
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "AsyncHTTPClient", package: "async-http-client"),
                ] + testExtra,
                swiftSettings: strict),
        ]
    }
}

let jwt: Target.Dependency = .product(name: "JWTKit", package: "jwt-kit")
let shop = [
    ShopService(
        library: "ShopGateway", product: "Gateway",
        extra: [jwt, "FlotillaSpec", "FlotillaResilience", .product(name: "HTTPTypes", package: "swift-http-types")],
        testExtra: [
            jwt, .product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
    ShopService(
        library: "ShopUsers", product: "UsersService",
        extra: [jwt, .product(name: "CryptoExtras", package: "swift-crypto")]),
    ShopService(library: "ShopProducts", product: "ProductsService"),
    ShopService(library: "ShopOrders", product: "OrdersService", extra: ["FlotillaSaga", "FlotillaSpec"]),
    ShopService(library: "ShopPayments", product: "PaymentsService"),
    ShopService(library: "ShopNotifications", product: "NotificationsService"),
]

let package = Package(
    name: "Flotilla",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "flotilla", targets: ["FlotillaCLI"]),
        .executable(name: "flotilla-kit-sample", targets: ["FlotillaKitSample"]),
        .library(name: "FlotillaSpec", targets: ["FlotillaSpec"]),
        .library(name: "FlotillaGenerator", targets: ["FlotillaGenerator"]),
        .library(name: "FlotillaResilience", targets: ["FlotillaResilience"]),
        .library(name: "FlotillaContracts", targets: ["FlotillaContracts"]),
        .library(name: "FlotillaStore", targets: ["FlotillaStore"]),
        .library(name: "FlotillaServiceKit", targets: ["FlotillaServiceKit"]),
        .library(name: "FlotillaSaga", targets: ["FlotillaSaga"]),
    ] + shop.map { .executable(name: $0.product, targets: [$0.product]) },
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        // Only the OTLP/HTTP exporter: the default traits add gRPC, which costs minutes of every cold build.
        .package(url: "https://github.com/swift-otel/swift-otel.git", from: "1.6.0", traits: ["OTLPHTTP"]),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
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
        .target(
            name: "FlotillaStore",
            dependencies: [
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "FlotillaServiceKit",
            dependencies: [
                "FlotillaSpec", "FlotillaResilience", "FlotillaContracts", "FlotillaStore", "FlotillaSaga",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "FlotillaSaga", dependencies: ["FlotillaResilience", "FlotillaContracts"], swiftSettings: strict),
        .target(
            name: "FlotillaTesting",
            dependencies: ["FlotillaStore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "FlotillaCLI",
            dependencies: [
                "FlotillaSpec",
                "FlotillaGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "FlotillaKitSample",
            dependencies: ["FlotillaServiceKit", .product(name: "Hummingbird", package: "hummingbird")],
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
            name: "FlotillaStoreTests",
            dependencies: ["FlotillaStore", "FlotillaTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FlotillaServiceKitTests",
            dependencies: [
                "FlotillaServiceKit", "FlotillaTesting", "FlotillaKitSample", "FlotillaSaga", "FlotillaStore",
                "FlotillaResilience",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
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
            // Specs and golden trees are read from the source tree (#filePath), so that
            // FLOTILLA_RECORD_GOLDEN=1 can rewrite them in place; they are not bundle resources.
            exclude: ["Golden", "Specs"],
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
        .testTarget(
            name: "FlotillaSagaTests",
            dependencies: [
                "FlotillaSaga", "FlotillaTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        // Test helpers shared by the shop's service tests.
        .target(
            name: "ShopTestSupport",
            dependencies: [
                "FlotillaContracts", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/ShopTestSupport",
            swiftSettings: strict
        ),
        // The shop as users run it: every service a real process on loopback, driven through the gateway.
        .testTarget(
            name: "ShopJourneyTests",
            dependencies: [
                "FlotillaTesting", "FlotillaContracts", "FlotillaServiceKit", "FlotillaSpec", "FlotillaStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ] + shop.map { .target(name: $0.product) },
            swiftSettings: strict
        ),
    ]
        + shop.flatMap(\.targets)
)
