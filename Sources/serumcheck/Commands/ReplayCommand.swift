import ArgumentParser
import Foundation
import Fuzz
import Messages
import Specs

/// `serumcheck replay`: runs saved counterexamples again.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay counterexample files: exit 1 while a violation is still there, 0 once it is gone.",
        discussion: """
            Each file (written by `serumcheck fuzz` into --out) holds the property, the \
            embedded spec, the seeds and the minimal federation (or transaction sequence). \
            replay judges the property again with the same seeds and prints whether it is \
            still violated, one line per file on standard output (--quiet prints none). \
            With --spec OTHER the federation is deployed with OTHER's knobs instead (for \
            example a hardened spec), so a committed counterexample doubles as a regression \
            test of the fix.

            With --evm each file's transaction sequence (an evm-divergence file of `fuzz \
            --evm`, or a contract-layer counterexample) runs on the Ledger and on the Vyper \
            contract (the one recorded in the file, ours for a counterexample, or \
            --contract), and replay prints the first divergence or "no divergence"; exit 1 \
            while one diverges.

            Exit 0 when no file is violated any more, 1 when one still is, 2 on bad input or \
            usage.

            Examples:
              serumcheck replay serumcheck-fuzz/paper-literal/label-count-integrity.json
              serumcheck replay reports/counterexamples/*/*.json --spec specs/paper.toml
              serumcheck replay --evm serumcheck-fuzz/consensus-2/evm-divergence-case-3.json
            """
    )

    @Argument(help: ArgumentHelp("Counterexample files (JSON, schema 1).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Deploy with this spec's knobs instead of the embedded spec's.", valueName: "spec"))
    var spec: String?

    @OptionGroup var bankOptions: BankOptions

    @Flag(name: .long, help: "Run each file's transaction sequence on the Ledger and on the EVM contract and report the first divergence.")
    var evm = false

    @Option(name: .long, help: ArgumentHelp("With --evm: run on this Vyper contract instead of the one the file names.", valueName: "file.vy"))
    var contract: String?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if contract != nil && !evm { throw ValidationError("--contract needs --evm.") }
        if evm && spec != nil { throw ValidationError("--spec does not apply to --evm (the recorded configuration is replayed as is).") }
        if let contract, !FileManager.default.isReadableFile(atPath: contract) {
            throw ValidationError("--contract \(Echo.path(contract, limit: Echo.valueLimit)): no such readable file.")
        }
    }

    func run() throws {
        if evm { return try runEVM() }
        try bankOptions.checkDirectory()
        let other = try spec.map(loadSpec)
        var stillViolated = 0
        for file in files {
            let counterexample = try JSONInput.read(Counterexample.self, from: file, what: "a counterexample file")
            let verdict: Replay.Result
            var models: BankModels? = nil
            if let federation = counterexample.federation, federation.source != .synthetic {
                let embedded: Spec
                do { embedded = try Spec.parse(toml: counterexample.specText, file: "\(file) (embedded spec)") } catch {
                    throw CommandFailure.badInput(error)
                }
                models = try bankOptions.models(
                    of: embedded, path: counterexample.specPath, threads: BankModels.blasThreads, quiet: !report.progress)
            }
            do { verdict = try Replay.judge(
                counterexample, knobsFrom: other, models: models, bank: bankOptions.predictionBank) } catch {
                throw CommandFailure(message: "\(Echo.path(file)): \(error)")
            }
            if verdict.violated { stillViolated += 1 }
            report.show("\(Echo.path(file)): \(counterexample.property) \(verdict.violated ? "still violated" : "holds now") (\(verdict.detail))\n", json: nil)
        }
        if stillViolated > 0 { throw ExitCode(ExitCodes.checkFailed) }
    }
}
