import Reporting
import ArgumentParser
import Foundation
import Messages
import Specs
import Verification

/// `serumcheck verify`: proves or refutes the incentive properties of mechanism specs with Z3.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prove or refute a mechanism's incentive properties with the Z3 SMT solver.",
        discussion: """
            Every property of the spec's mechanism is turned into Z3 queries over the spec's \
            parameters (a number, or every value of a range { min, max }) and answered:

              proved   Z3 found no counterexample anywhere in the ranges;
              refuted  Z3 found one, re-checked in exact arithmetic and printed;
              unknown  Z3 could not decide (for example it timed out).

            Each spec's [checks] table gives the verdict each property is expected to reach \
            (default "proved"). Exit code 0 when every verdict meets its expectation, 1 when \
            one does not, 2 on bad input or usage.

            PTSFD properties: \(PropertyID.allCases.filter { $0.applies(to: .ptsfd) }.map(\.rawValue).joined(separator: ", ")).

            Consensus properties: \(PropertyID.allCases.filter { $0.applies(to: .consensus) }.map(\.rawValue).joined(separator: ", ")).

            With --synthesize PARAM (beta, lambda, accuracy or coalition for PTSFD; cost, \
            deposit or reward for consensus; cost and deposit for PTSFD too) verify instead \
            finds an interval inside the spec's range of PARAM on which the chosen properties \
            are all proved (the widest window of a grid, each checked as a whole interval, its \
            ends widened by bisection), proves them on it, and shows where widening fails; for \
            cost it names the largest cost established, for deposit and reward the smallest. \
            cost is [costs] effort_high for PTSFD and [costs] compute for consensus.

            The table goes to standard output (to standard error when --json writes to \
            standard output) and progress to standard error; --quiet prints neither.

            Examples:
              serumcheck verify specs/paper.toml
              serumcheck verify specs/*.toml --json verdicts.json
              serumcheck verify specs/paper.toml --property self-predicting \\
                --emit-smt2 smt2/
              serumcheck verify specs/beta-range.toml --synthesize beta \\
                --property heuristic-unprofitable
            """
    )

    @Argument(help: ArgumentHelp("Mechanism specs (TOML) to verify.", valueName: "spec"))
    var specs: [String]

    @Option(name: .long, help: ArgumentHelp("Write the verdicts as JSON to this file (written whole or not at all; - for standard output).", valueName: "file"))
    var json: String?

    @Option(name: .customLong("emit-smt2"), help: ArgumentHelp("Write each property's SMT-LIB2 queries into this directory, one file per spec and property.", valueName: "dir"))
    var emitSMT2: String?

    /// `--timeout-ms` without the option.
    static let defaultTimeoutMilliseconds: UInt32 = 10_000

    // A transform hides the default from ArgumentParser, so the help names it.
    @Option(name: .customLong("timeout-ms"), parsing: .unconditional, help: ArgumentHelp("Timeout of each Z3 query in milliseconds; a query that runs out is answered unknown (default: \(Self.defaultTimeoutMilliseconds)).", valueName: "n"), transform: UnsignedArgument.unsigned)
    var timeoutMilliseconds: UInt32 = Self.defaultTimeoutMilliseconds

    @Option(name: .customLong("property"), help: ArgumentHelp("Check only this property (repeatable). Default: every property of each spec's mechanism.", valueName: "id"))
    var properties: [String] = []

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Properties checked in parallel, each with its own Z3 context (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Find an interval of this parameter (beta, lambda, accuracy, coalition) on which the properties are all proved.", valueName: "param"))
    var synthesize: String?

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: ArgumentHelp("Stop the whole run after this many seconds: every property not decided by then is reported unknown, with the reason. Default: no limit.", valueName: "seconds"))
    var timeLimit: Double?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        guard timeoutMilliseconds > 0 else { throw ValidationError("--timeout-ms 0 is outside 1 ... \(UInt32.max).") }
        if let jobs, !(1 ... 256).contains(jobs) { throw ValidationError("--jobs \(jobs) is outside 1 ... 256.") }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 1e9) {
            throw ValidationError("--time-limit \(timeLimit) is outside (0, 1e9] seconds.")
        }
        for id in properties where PropertyID(rawValue: id) == nil {
            throw ValidationError("Unknown property \(Echo.quoted(id)). Known: \(PropertyID.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let synthesize, SynthesisParameter(rawValue: synthesize) == nil {
            throw ValidationError("Cannot synthesize \(Echo.quoted(synthesize)). Choose one of: \(SynthesisParameter.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if synthesize != nil && (json != nil || emitSMT2 != nil) {
            throw ValidationError("--synthesize writes no --json or --emit-smt2 output: give those without --synthesize.")
        }
    }

    func run() throws {
        try OutputFile.checkFile(json, option: "--json")
        try OutputFile.checkDirectory(emitSMT2, option: "--emit-smt2")
        var loaded: [(path: String, spec: Spec)] = []
        for path in specs {
            let spec = try loadSpec(path)
            if let (key, reason) = Verifier.beyondLimits(spec) {
                throw CommandFailure(message: "\(Echo.path(path)): \(key): \(reason)")
            }
            loaded.append((path, spec))
        }
        let requested = properties.compactMap(PropertyID.init(rawValue:))
        for id in requested where !loaded.contains(where: { Verifier.properties(for: $0.spec).contains(id) }) {
            throw CommandFailure(message: "--property \(id.rawValue) does not apply to any of the given specs' mechanisms")
        }
        if let emitSMT2 {
            for (_, spec) in loaded {
                for id in Verifier.properties(for: spec) where requested.isEmpty || requested.contains(id) {
                    try OutputFile.checkFile(VerifyReport.smt2Path(in: emitSMT2, spec: spec.name, property: id), option: "--emit-smt2", creatingDirectories: true)
                }
            }
        }
        if let synthesize {
            try runSynthesis(SynthesisParameter(rawValue: synthesize)!, loaded, requested)
            return
        }
        let run = ParallelVerification(
            specs: loaded.map(\.spec), requested: requested, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            timeoutMilliseconds: timeoutMilliseconds, deadline: timeLimit.map { Deadline(seconds: $0) })
        let results = run.runShowingProgress(paths: loaded.map(\.path), enabled: report.progress)
        var verdicts = VerifyReport(command: (["serumcheck", "verify"] + CommandLine.arguments.dropFirst(2)).joined(separator: " "))
        for (k, (path, spec)) in loaded.enumerated() {
            verdicts.add(spec: path, name: spec.name, results: run.results(ofSpec: k, in: results))
        }
        try writeOutputs(verdicts)
        if !verdicts.allMet { throw ExitCode(ExitCodes.checkFailed) }
    }

    /// Writes the SMT-LIB2 files and the JSON, whole or not at all, then shows the table.
    func writeOutputs(_ verdicts: VerifyReport) throws {
        if let emitSMT2 { try verdicts.writeSMT2(into: emitSMT2) }
        if let json {
            try OutputFile.writeJSON(verdicts, to: json)
            if !OutputFile.isStandardOutput(json) { report.note("verdicts written to \(Echo.path(json))") }
        }
        report.show(verdicts.table, json: json)
    }

    func runSynthesis(_ parameter: SynthesisParameter, _ loaded: [(path: String, spec: Spec)], _ requested: [PropertyID]) throws {
        guard loaded.count == 1, let (path, spec) = loaded.first else {
            throw CommandFailure(message: "--synthesize takes exactly one spec")
        }
        let ids = requested.isEmpty ? Verifier.properties(for: spec) : requested
        let verifier = Verifier(timeoutMilliseconds: timeoutMilliseconds, deadline: timeLimit.map { Deadline(seconds: $0) })
        let synthesis = Synthesis(verifier: verifier, properties: ids)
        let result: SynthesisResult
        do { result = try synthesis.run(spec, parameter: parameter, file: path) } catch {
            throw CommandFailure.badInput(error)
        }
        report.show(result.summary + "\n", json: nil)
        if result.interval == nil { throw ExitCode(ExitCodes.checkFailed) }
    }
}
