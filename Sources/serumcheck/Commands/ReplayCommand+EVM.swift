import ArgumentParser
import EVM
import Foundation
import Fuzz
import Messages

extension ReplayCommand {
    /// `replay --evm`: each file's sequence on the Ledger and the EVM, up to the first divergence.
    func runEVM() throws {
        let sequences = try files.map { file -> (String, RecordedSequence) in
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CommandFailure(message: "\(Echo.path(file)): cannot read it: \((error as NSError).localizedDescription)")
            }
            do { return (file, try RecordedSequence(json: data)) } catch let error as RecordedSequence.Failure {
                throw CommandFailure(message: "\(Echo.path(file)): \(error)")
            } catch {
                throw CommandFailure(message: "\(Echo.path(file)): not a counterexample file: \(decodingReason(error))")
            }
        }
        var diverging = 0
        do {
            let host = try EVMHost()
            for (file, sequence) in sequences {
                let chosen = contract.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? sequence.contract
                if let chosen, !chosen.hasPrefix("/"), !FileManager.default.fileExists(atPath: host.root.appendingPathComponent(chosen).path) {
                    throw CommandFailure(message: "\(Echo.path(file)): its contract \(Echo.path(chosen)) does not exist in \(host.root.path)")
                }
                if let chosen, chosen.hasPrefix("/"), !FileManager.default.fileExists(atPath: chosen) {
                    throw CommandFailure(message: "\(Echo.path(file)): its contract \(Echo.path(chosen)) does not exist (give --contract)")
                }
                let replay = try DifferentialReplay.loading(chosen.map { [$0] } ?? [], into: host)
                let outcome = try replay.run(sequence.contractCase)
                let steps = sequence.contractCase.steps.count
                if let reason = outcome.notDeployable {
                    throw CommandFailure(message: "\(Echo.path(file)): the configuration cannot be deployed on the EVM: \(reason)")
                }
                if let d = outcome.divergence {
                    diverging += 1
                    report.show("\(Echo.path(file)): diverges at \(d)\n", json: nil)
                } else {
                    report.show("\(Echo.path(file)): no divergence (\(steps) transactions, \(outcome.accepted) accepted)\n", json: nil)
                }
            }
        } catch let error as EVMError {
            throw CommandFailure(message: "\(error)")
        }
        if diverging > 0 { throw ExitCode(ExitCodes.checkFailed) }
    }
}
