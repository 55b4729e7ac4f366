import ArgumentParser
import Foundation
import Fuzz
import Messages
import Simulation
import Specs

/// The prediction bank flags shared by `simulate`, `fuzz` and `replay`.
struct BankOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Prediction bank directory (default: $XDG_CACHE_HOME/serumcheck/bank or ~/.cache/serumcheck/bank).",
        valueName: "dir"))
    var bank: String?

    @Flag(name: .long, help: "Train every model afresh: neither read nor write the prediction bank.")
    var noBank = false

    func validate() throws {
        if noBank && bank != nil { throw ValidationError("Give --bank DIR or --no-bank, not both.") }
    }

    /// Refuses a `--bank DIR` that could not be created or written into, before any work.
    func checkDirectory() throws {
        if !noBank { try OutputFile.checkDirectory(bank, option: "--bank") }
    }

    /// The bank to use, or `nil` under `--no-bank`.
    var predictionBank: PredictionBank? {
        noBank ? nil : PredictionBank(directory: directory)
    }

    /// The bank directory from `--bank` or the XDG cache directory.
    var directory: URL {
        if let bank { return URL(fileURLWithPath: bank) }
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            return URL(fileURLWithPath: cache).appendingPathComponent("serumcheck/bank")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/serumcheck/bank")
    }

    /// Every worker's local model of `spec` on its X_pub, trained or taken from the bank, with
    /// progress on standard error unless `quiet`.
    /// - Throws: `CommandFailure` (exit 2) when the spec has no simulation tables or its data
    ///   cannot be loaded.
    func models(of spec: Spec, path: String, threads: Int, quiet: Bool) throws -> BankModels {
        do {
            let plan = try SimulationPlan(spec: spec, file: path, rounds: 1)
            let simulation = FederatedSimulation(
                plan: plan, file: path, bank: predictionBank, threads: threads, command: "")
            let progress = ProgressDisplay(enabled: !quiet, workers: spec.federation.workers, rounds: 1)
            let local = try simulation.localModels(onEvent: progress.handle)
            progress.finish()
            return BankModels(predictions: local.predictions, publicLabels: local.publicLabels)
        } catch {
            throw CommandFailure.badInput(error)
        }
    }

    /// Refuses a worker source that needs simulation tables `spec` lacks (exit 2).
    func checkSource(_ source: WorkerSource, of spec: Spec, path: String) throws {
        switch source {
        case .synthetic: return
        case .bank, .pipeline:
            guard spec.simulation == nil else { return }
            throw CommandFailure(message: "\(Echo.path(path)): --workers \(source.rawValue) needs the spec's simulation tables ([data], [training], [strategies]); use --workers synthetic")
        }
    }

    /// The bank models a fuzz campaign on `spec` needs with workers from `source`: none for
    /// synthetic workers or a consensus spec, else every worker's local model.
    /// - Throws: `CommandFailure` (exit 2) when the source needs simulation tables the spec lacks.
    func campaignModels(of spec: Spec, path: String, source: WorkerSource, quiet: Bool) throws -> BankModels? {
        try checkSource(source, of: spec, path: path)
        guard source != .synthetic, spec.mechanism.kind == .ptsfd else { return nil }
        return try models(of: spec, path: path, threads: BankModels.blasThreads, quiet: quiet)
    }
}
