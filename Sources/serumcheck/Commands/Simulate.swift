import Reporting
import ArgumentParser
import Foundation
import Learning
import Messages
import Simulation
import Specs

/// `serumcheck simulate`: the round of Witt et al. with real training in the loop.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the workers of a spec, run its rounds through the contract, distil.",
        discussion: """
            Every worker whose strategy trains (honest, colluding) trains its network on its \
            private share of the data (a seeded Dirichlet split, [data]), predicts on the \
            public set X_pub and keeps the argmax (1-bit quantisation). Each round every \
            worker reports through its strategy ([strategies]), honest workers only where \
            their certainty A_ij = local accuracy x max softmax reaches \
            training.certainty_threshold; the PTSFD contract takes the commits and reveals \
            and settles with the round's lambda; then every model distils on (X_pub, \
            aggregated labels) for training.distillation_epochs.

            The table gives each worker's strategy, private set size, local epochs, test \
            accuracy before distillation and after the last round, samples reported, PTSFD \
            reward (summed over rounds) and net units (payouts minus deposits). It goes to \
            standard output (to standard error when --json writes to standard output), \
            progress to standard error; --quiet prints neither.

            Trained models and their X_pub predictions are cached in the prediction bank \
            (--bank), keyed by everything that determines them; a rerun reuses them. Results \
            are bit-identical for the same seed and --threads.

            Examples:
              serumcheck simulate specs/paper-fashion.toml
              serumcheck simulate specs/paper-fashion.toml --rounds 3 --seed 7 \\
                --json run.json
            """
    )

    @Argument(help: ArgumentHelp("The simulation spec (TOML with [data], [training], [strategies]).", valueName: "spec"))
    var spec: String

    @Option(name: .long, help: ArgumentHelp(
        "Write the results as JSON to this file (written whole or not at all; - for standard output).",
        valueName: "file"))
    var json: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Rounds to play (default: contract.rounds); rounds past the lambda schedule reuse its last lambda.",
        valueName: "n"))
    var rounds: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Seed replacing data.seed and training.seed (split, initialisation, shuffling, reports, salts).",
        valueName: "s"), transform: UnsignedArgument.unsigned)
    var seed: UInt64?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "OpenBLAS threads (default: the processor count); results are reproducible per seed and thread count.",
        valueName: "n"))
    var threads: Int?

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: ArgumentHelp(
        "Stop the run after this many seconds (exit 1, nothing written). Default: no limit.",
        valueName: "seconds"))
    var timeLimit: Double?

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let rounds, !(1...1000).contains(rounds) {
            throw ValidationError("--rounds \(rounds) is outside 1 ... 1000.")
        }
        if let threads, !(1...256).contains(threads) {
            throw ValidationError("--threads \(threads) is outside 1 ... 256.")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 1e9) {
            throw ValidationError("--time-limit \(timeLimit) is outside (0, 1e9] seconds.")
        }
    }

    func run() throws {
        BLASCoreType.selectAndReexecIfNeeded()
        try OutputFile.checkFile(json, option: "--json")
        try bankOptions.checkDirectory()
        let loaded: Spec
        loaded = try loadSpec(spec)
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let simulation: FederatedSimulation
        do {
            let plan = try SimulationPlan(spec: loaded, file: spec, rounds: rounds, seed: seed)
            simulation = FederatedSimulation(
                plan: plan, file: spec, bank: bankOptions.predictionBank,
                threads: threadCount, command: reproducingCommand(plan: plan, threads: threadCount))
        } catch { throw CommandFailure.badInput(error) }
        let progress = ProgressDisplay(enabled: report.progress, workers: loaded.federation.workers,
                                       rounds: simulation.plan.lambdas.count)
        let watchdog = timeLimit.map { RunWatchdog(seconds: $0, command: "simulate") }
        let result: SimulationResult
        do { result = try simulation.run(onEvent: progress.handle) } catch { throw CommandFailure.badInput(error) }
        // Past this point the run writes its outputs; the limit no longer interrupts it.
        guard watchdog?.finish() ?? true else { throw ExitCode(ExitCodes.checkFailed) }
        progress.finish()
        if let json {
            try OutputFile.writeJSON(result, to: json)
            if !OutputFile.isStandardOutput(json) { report.note("simulated; JSON written to \(Echo.path(json))") }
        }
        report.show(SimulateReport(result: result).table, json: json)
    }

    /// The command line that reproduces this run: the spec, its rounds, both seeds (equal
    /// unless the spec sets them apart) and the thread count.
    func reproducingCommand(plan: SimulationPlan, threads: Int) -> String {
        let data = plan.simulation.data.seed, training = plan.simulation.training.seed
        var words = ["serumcheck", "simulate", spec, "--rounds", "\(plan.lambdas.count)", "--threads", "\(threads)"]
        if seed != nil || data == training { words += ["--seed", "\(training)"] }
        return words.joined(separator: " ")
    }
}
