// swift-tools-version: 6.1
// Benchmarks for Flotilla, kept out of the main package so `swift build` and CI never pay for them.
// Run: `bench/resilience.sh` (or, once that has made the link below, `swift package benchmark` here).
//
// The main package is reached through the link `.root/flotilla -> ../..`, which
// bench/resilience.sh creates (it is gitignored). A path dependency's identity is the last
// component of its path, so naming the link gives the main package the identity "flotilla"
// wherever the repository is checked out; `.package(path: "..")` would take the checkout
// folder's name instead (a random `mktemp -d` name in CI).
import PackageDescription

let package = Package(
    name: "FlotillaBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: ".root/flotilla"),
    ],
    targets: [
        .executableTarget(
            name: "ResilienceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FlotillaResilience", package: "flotilla"),
            ],
            path: "Benchmarks/ResilienceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
