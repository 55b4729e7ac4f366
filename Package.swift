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
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        // Pure mechanism mathematics: no dependencies, no I/O.
        .target(name: "Mechanisms"),
        // How user input is echoed in messages: escaped, cut, non-UTF-8 bytes located.
        .target(name: "Messages"),
        // The smart contract as a deterministic state machine.
        .target(name: "Ledger", dependencies: ["Mechanisms", .product(name: "BigInt", package: "BigInt")]),
        // Mechanism specs (TOML) and vote files.
        .target(
            name: "Specs",
            dependencies: [
                "Mechanisms", "Ledger", "Adversary", "Messages",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The Z3 C API (libz3-dev) and its Swift wrapper.
        .systemLibrary(name: "CZ3", pkgConfig: "z3", providers: [.apt(["libz3-dev"])]),
        .target(name: "Solver", dependencies: ["CZ3", .product(name: "BigInt", package: "BigInt")]),
        // Finite normal-form games and iterated elimination of dominated strategies.
        .target(name: "Games"),
        // Incentive properties of both mechanisms encoded as Z3 queries.
        .target(name: "Verification", dependencies: ["Solver", "Games", "Mechanisms", "Ledger", "Specs"]),
        // zlib and OpenBLAS for data and training.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // Data sets, models and training.
        .target(name: "Learning", dependencies: ["CZlib", "COpenBLAS", "Mechanisms", "Messages"]),
        // Worker strategies: what a worker reports given what its model predicts.
        .target(name: "Adversary", dependencies: ["Mechanisms", "Ledger"]),
        // Training in the loop: federated distillation rounds through the contract, the
        // prediction bank, and the consensus instantiations of Lu, Tang and Wang.
        .target(
            name: "Simulation",
            dependencies: ["Adversary", "Learning", "Ledger", "Mechanisms", "Messages", "Specs"]
        ),
        // Adversarial fuzzing: stateful contract campaigns, economic campaigns, shrinking,
        // counterexample files, shards.
        .target(
            name: "Fuzz",
            dependencies: ["Adversary", "Ledger", "Mechanisms", "Messages", "Specs", "Simulation"]
        ),
        // The Ledger's contract against the Vyper contracts on py-evm (a titanoboa host process):
        // differential replay and campaigns, divergences shrunk like any counterexample.
        .target(name: "EVM", dependencies: ["Fuzz", "Ledger", "Mechanisms"]),
        // Every rendered output of a check run (JSON, Markdown, HTML, JUnit, SARIF) from one
        // result model, with the findings and their rubric.
        .target(
            name: "Reporting",
            dependencies: [
                "Fuzz", "Ledger", "Mechanisms", "Simulation", "Specs", "Verification",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "serumcheck",
            dependencies: [
                "Mechanisms", "Ledger", "Specs", "Verification", "Learning", "Simulation", "Fuzz", "EVM",
                "Adversary", "Messages", "Reporting", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-mode settlement benchmark, run by scripts/bench.
        .executableTarget(name: "SettleBenchmark", dependencies: ["Mechanisms", "Ledger"]),
        // Release-mode contract fuzzing benchmark, run by scripts/bench.
        .executableTarget(name: "FuzzBenchmark", dependencies: ["Fuzz", "Ledger", "Mechanisms", "Adversary"]),
        // Release-mode LeNet-5 training benchmark, run by scripts/bench.
        .executableTarget(name: "TrainBenchmark", dependencies: ["Learning"]),
        .testTarget(name: "MechanismsTests", dependencies: ["Mechanisms"]),
        .testTarget(name: "MessagesTests", dependencies: ["Messages"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Mechanisms"]),
        .testTarget(name: "SpecsTests", dependencies: ["Specs", "Mechanisms", "Adversary"]),
        .testTarget(name: "SolverTests", dependencies: ["Solver"]),
        .testTarget(name: "GamesTests", dependencies: ["Games"]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "Solver", "Games", "Mechanisms", "Specs"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "Mechanisms"]),
        .testTarget(name: "AdversaryTests", dependencies: ["Adversary", "Mechanisms", "Ledger"]),
        .testTarget(
            name: "FuzzTests",
            dependencies: ["Fuzz", "Adversary", "Ledger", "Mechanisms", "Specs", "Simulation"]
        ),
        .testTarget(name: "EVMTests", dependencies: ["EVM", "Fuzz", "Ledger", "Mechanisms", "Specs"]),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "Adversary", "Learning", "Ledger", "Mechanisms", "Specs"]
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "Fuzz", "Simulation", "Specs", "Verification", "Solver"],
            exclude: ["Data", "__Snapshots__"]
        ),
        .testTarget(
            name: "SerumcheckTests", dependencies: ["serumcheck", "Ledger", "Mechanisms", "Reporting"], exclude: ["Data"]),
    ]
)
