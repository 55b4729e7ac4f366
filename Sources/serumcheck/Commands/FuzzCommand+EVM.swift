import ArgumentParser
import EVM
import Foundation
import Fuzz
import Messages
import Specs

extension FuzzCommand {
    /// The options `--evm` and `--contract` take and refuse.
    func validateEVM() throws {
        if contract != nil && !evm { throw ValidationError("--contract needs --evm.") }
        guard evm else { return }
        let refused: [(String, Bool)] = [
            ("--time", time != nil), ("--workers", workers != nil), ("--property", !properties.isEmpty),
            ("--corpus", corpus != nil), ("--json", json != nil),
        ]
        for (option, given) in refused where given {
            throw ValidationError("--evm runs the contract layer only: \(option) does not apply to it.")
        }
        if let contract {
            guard contract.hasSuffix(".vy") else { throw ValidationError("--contract \(Echo.path(contract, limit: Echo.valueLimit)): expected a Vyper file (.vy).") }
            guard FileManager.default.isReadableFile(atPath: contract) else {
                throw ValidationError("--contract \(Echo.path(contract, limit: Echo.valueLimit)): no such readable file.")
            }
        }
    }

    /// `fuzz --evm`: the differential contract campaign of each spec.
    func runEVM() throws {
        try OutputFile.checkDirectory(out, option: "--out")
        let loaded = try specs.map { path in (path, try loadSpec(path)) }
        let (shardIndex, shardCount) = try parsedShard()
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let contractPath = contract.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var files: [(String, DifferentialCounterexample)] = []
        var divergent = false
        for (path, spec) in loaded {
            let total = budget ?? DifferentialCampaign.defaultBudget
            let shard = FuzzSession.slice(0 ..< total, shard: shardCount > 1 ? (shardIndex, shardCount) : nil)
            let cases = ContractCampaign.forSpec(
                spec, seed: seed, budget: total, cases: shard, threads: threadCount,
                shrinkLimit: noShrink ? 0 : shrinkLimit, properties: [])
            let campaign = DifferentialCampaign(cases: cases, contractPaths: contractPath.map { [$0] } ?? [])
            var words = ["serumcheck", "fuzz", "--evm", path, "--seed", "\(seed)", "--budget", "\(total)"]
            if let contract { words += ["--contract", contract] }
            let command = words.joined(separator: " ")
            let mechanism = spec.mechanism.kind == .ptsfd ? "ptsfd" : "consensus"
            let progress = FuzzProgress(enabled: report.progress, finding: "divergent cases")
            let result: DifferentialCampaignResult
            do {
                try checkContract(mechanism: mechanism, spec: path)
                result = try campaign.run { done, found in
                    progress.cases("evm \(spec.name)", done: done, total: shard.count, violations: found)
                }
            } catch let error as EVMError {
                throw CommandFailure(message: "\(Echo.path(path)): \(error)")
            }
            progress.finished("evm \(spec.name)", summary: "evm \(spec.name): \(result.cases) cases in \(String(format: "%.1f", result.seconds)) s")
            let on = contract ?? EVMContract.shipped[mechanism]!
            report.show(result.summary(spec: path, name: spec.name, contract: on, seed: seed, command: command), json: nil)
            for var found in result.divergences {
                found.command = command
                files.append(("\(out)/\(spec.name)/\(found.fileName)", found))
            }
            divergent = divergent || !result.divergences.isEmpty
        }
        for (file, found) in files { try OutputFile.writeJSON(found, to: file, createDirectories: true) }
        if divergent { throw ExitCode(ExitCodes.checkFailed) }
    }

    /// Refuses, before any case runs, a `--contract` whose `mechanism()` is not the spec's, or
    /// a spec whose mechanism has no shipped contract.
    private func checkContract(mechanism: String, spec path: String) throws {
        let host = try EVMHost()
        if let contract {
            let loaded = try EVMContract.load(URL(fileURLWithPath: contract).standardizedFileURL.path, into: host)
            guard loaded.mechanism == mechanism else {
                throw CommandFailure(message: "--contract \(Echo.path(contract)): its mechanism() is \(Echo.quoted(loaded.mechanism)), but \(Echo.path(path)) is a \(mechanism) spec")
            }
        } else {
            let shipped = EVMContract.shipped[mechanism]!
            guard FileManager.default.fileExists(atPath: host.root.appendingPathComponent(shipped).path) else {
                throw CommandFailure(message: "\(Echo.path(path)): \(shipped) does not exist in \(host.root.path)")
            }
        }
    }
}
