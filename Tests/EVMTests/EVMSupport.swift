import EVM
import Foundation
import Fuzz
import Specs
import Testing

/// What the EVM tests share: the repository root, the shipped specs, and hosts. The tests need
/// the project's virtual environment (vyper, titanoboa): without it they fail with the host's
/// "... is missing: run scripts/setup", they never pass silently.
enum EVMSupport {
    /// The repository root (this file is Tests/EVMTests/EVMSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A shipped spec.
    static func spec(_ name: String) throws -> Spec {
        try Spec.load(path: root.appendingPathComponent("specs/\(name).toml").path)
    }

    /// The differential campaign `fuzz --evm` runs for a shipped spec, on `contracts`.
    static func campaign(
        _ name: String, budget: Int, seed: UInt64 = 0, contracts: [String] = [], threads: Int = 1,
        shrinkLimit: Int = 300
    ) throws -> DifferentialCampaign {
        let cases = ContractCampaign.forSpec(
            try spec(name), seed: seed, budget: budget, cases: Array(0 ..< budget), threads: threads,
            shrinkLimit: shrinkLimit, properties: [])
        return DifferentialCampaign(cases: cases, contractPaths: contracts, root: root)
    }

    /// A copy of our contract `file` (in contracts/) in a fresh temporary directory with
    /// `original` replaced by `broken`; fails the test when `original` does not occur exactly
    /// once (the rule to remove must really be removed).
    static func brokenVariant(of file: String, replacing original: String, with broken: String) throws -> String {
        let source = try String(contentsOf: root.appendingPathComponent("contracts/\(file)"), encoding: .utf8)
        let occurrences = source.components(separatedBy: original).count - 1
        try #require(occurrences == 1, "the substitution of \(file) must apply exactly once, found \(occurrences)")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("serumcheck-evm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(file).path
        try source.replacingOccurrences(of: original, with: broken).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
