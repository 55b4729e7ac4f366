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

    /// A copy of our contract `entry` with one rule removed: contracts/ (the entry files and
    /// their `lib/` modules) copied into a fresh temporary directory, `original` replaced by
    /// `broken` in `file` (a path under contracts/, the entry itself by default); the path of
    /// the copied entry. Fails the test when `original` does not occur exactly once in `file`
    /// (the rule to remove must really be removed).
    static func brokenVariant(
        of entry: String, editing file: String? = nil, replacing original: String, with broken: String
    ) throws -> String {
        let edited = file ?? entry
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("serumcheck-evm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let contracts = root.appendingPathComponent("contracts")
        for name in try FileManager.default.contentsOfDirectory(atPath: contracts.path)
        where name.hasSuffix(".vy") || name == "lib" {
            try FileManager.default.copyItem(
                at: contracts.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let target = directory.appendingPathComponent(edited)
        let source = try String(contentsOf: target, encoding: .utf8)
        let occurrences = source.components(separatedBy: original).count - 1
        try #require(occurrences == 1, "the substitution of \(edited) must apply exactly once, found \(occurrences)")
        try source.replacingOccurrences(of: original, with: broken).write(to: target, atomically: true, encoding: .utf8)
        return directory.appendingPathComponent(entry).path
    }
}
