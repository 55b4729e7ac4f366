// swift-tools-version: 6.1
// serumcheck: formal checks and adversarial tests for reward mechanisms of decentralised
// federated learning. Modules and their one-way dependencies are described in README.md.
import PackageDescription

let package = Package(
    name: "serumcheck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "serumcheck", targets: ["serumcheck"]),
        .library(name: "Mechanisms", targets: ["Mechanisms"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Specs", targets: ["Specs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Pure mechanism mathematics: no dependencies, no I/O.
        .target(name: "Mechanisms"),
        // The smart contract as a deterministic state machine.
        .target(name: "Ledger", dependencies: ["Mechanisms"]),
        // Mechanism specs (TOML) and vote files.
        .target(
            name: "Specs",
            dependencies: ["Mechanisms", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "serumcheck",
            dependencies: [
                "Mechanisms", "Ledger", "Specs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-mode settlement benchmark, run by scripts/bench.
        .executableTarget(name: "SettleBenchmark", dependencies: ["Mechanisms"]),
        .testTarget(name: "MechanismsTests", dependencies: ["Mechanisms"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Mechanisms"]),
        .testTarget(name: "SpecsTests", dependencies: ["Specs", "Mechanisms"]),
        .testTarget(name: "SerumcheckTests", dependencies: ["serumcheck"]),
    ]
)
