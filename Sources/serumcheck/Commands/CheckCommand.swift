import ArgumentParser
import Foundation
import Fuzz
import Messages
import Reporting
import Specs
import Verification

/// `serumcheck check`: the front door. Verifies, fuzzes and simulates specs, then writes one
/// report set (HTML, Markdown, JSON, JUnit, SARIF) and compares it with a baseline.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify, fuzz and simulate mechanism specs and write one report a reviewer can forward.",
        discussion: """
            For each spec, in order: `verify` (every property of its mechanism, proved, \
            refuted or unknown), then a `fuzz` campaign of --budget cases (the spec's default \
            budget when not given; 0 skips it, --fuzz-results renders a campaign run \
            elsewhere instead), then, when the spec has simulation tables ([data], \
            [training], [strategies]), the simulation through the contract.

            The report set goes into --out (default \(Self.defaultOut)/): report.html (one \
            self-contained page, findings first), report.md, report.json (the result model, \
            schema 1), junit.xml (a test case per spec and property) and serumcheck.sarif \
            (SARIF 2.1.0, each finding at the line of the spec key responsible), with the \
            SMT-LIB2 queries in smt2/ and shrunk fuzz counterexamples in counterexamples/. \
            The set is written whole or not at all.

            --baseline FILE compares the run with a committed report.json: a property that \
            was proved (verify) or held (fuzz) and is now refuted, unknown, violated or no \
            longer checked is a regression. Improvements are reported and never fail; \
            timings never count.

            Exit 0 when every result meets its spec's [checks] expectation and no guarantee \
            regressed, 1 otherwise (the regressions are named), 2 on bad input or usage, \
            before any work and with nothing written.

            Examples:
              serumcheck check
              serumcheck check specs/paper.toml specs/consensus-2.toml --out report/
              serumcheck check specs/paper.toml --baseline reports/check/paper/report.json
              serumcheck check specs/paper.toml --fuzz-results shard0.json shard1.json
            """
    )

    /// The spec checked when none is given.
    static let defaultSpec = "specs/paper.toml"
    /// `--out` without the option.
    static let defaultOut = "serumcheck-report"

    @Argument(help: ArgumentHelp("Mechanism specs (TOML) to check (default: \(Self.defaultSpec)).", valueName: "spec"))
    var specs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Directory the report set is written into.", valueName: "dir"))
    var out: String = Self.defaultOut

    @Option(name: .long, help: ArgumentHelp("A committed report.json to compare with; a regressed guarantee fails the run (exit 1).", valueName: "file"))
    var baseline: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Fuzz cases per spec (default: the spec's default budget; 0 skips fuzzing).", valueName: "n"))
    var budget: Int?

    @Option(name: .long, help: ArgumentHelp("Where fuzzed workers' predictions come from: synthetic or bank (default: bank for a spec with simulation tables, synthetic otherwise).", valueName: "source"))
    var workers: Workers?

    /// `--workers`: the sources a check run fuzzes with (the pipeline is `fuzz`'s own).
    enum Workers: String, CaseIterable, ExpressibleByArgument {
        case synthetic, bank

        var source: WorkerSource {
            switch self {
            case .synthetic: .synthetic
            case .bank: .bank
            }
        }
    }

    @Option(name: .customLong("fuzz-results"), parsing: .upToNextOption, help: ArgumentHelp("Fuzz result files (fuzz --json, shards or merged) to render instead of fuzzing again; each must name one of the checked specs.", valueName: "file"))
    var fuzzResults: [String] = []

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The fuzz campaign seed (default: \(FuzzCommand.defaultSeed)).", valueName: "s"), transform: UnsignedArgument.unsigned)
    var seed: UInt64 = FuzzCommand.defaultSeed

    @Option(name: .customLong("timeout-ms"), parsing: .unconditional, help: ArgumentHelp("Timeout of each Z3 query in milliseconds (default: \(Verify.defaultTimeoutMilliseconds)).", valueName: "n"), transform: UnsignedArgument.unsigned)
    var timeoutMilliseconds: UInt32 = Verify.defaultTimeoutMilliseconds

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Threads for verify's properties and fuzz's cases (default: the number of cores); results do not depend on it.", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Also search each spec's range of this parameter (beta, lambda, accuracy, coalition, cost, deposit, reward) for an interval on which every property the spec expects proved is proved; the report shows it as a chart and recommends it.", valueName: "param"))
    var synthesize: String?

    @Option(name: .long, help: ArgumentHelp("Gas measurements of contracts/ptsfd.vy (scripts/bench-gas's JSON) drawn for each PTSFD spec at its n (default: reports/gas/gas.json of this repository, when present).", valueName: "file"))
    var gas: String?

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var report: ReportOptions

    func validate() throws {
        guard timeoutMilliseconds > 0 else { throw ValidationError("--timeout-ms 0 is outside 1 ... \(UInt32.max).") }
        if let jobs, !(1 ... 256).contains(jobs) { throw ValidationError("--jobs \(jobs) is outside 1 ... 256.") }
        if let budget, !(0 ... 10_000_000).contains(budget) { throw ValidationError("--budget \(budget) is outside 0 ... 10000000.") }
        if let synthesize, SynthesisParameter(rawValue: synthesize) == nil {
            throw ValidationError("Cannot synthesize \(Echo.quoted(synthesize)). Choose one of: \(SynthesisParameter.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if budget == 0 && !fuzzResults.isEmpty { throw ValidationError("--budget 0 skips fuzzing; --fuzz-results renders a campaign: give one or the other.") }
    }

    /// The specs to check: the arguments, or the default spec.
    var specPaths: [String] { specs.isEmpty ? [Self.defaultSpec] : specs }

    /// The command line of this run, as the report records it.
    var commandLine: String { (["serumcheck", "check"] + CommandLine.arguments.dropFirst(2)).joined(separator: " ") }

    func run() throws {
        try OutputFile.checkDirectory(out, option: "--out")
        try bankOptions.checkDirectory()
        // Every input is read and judged before any work, so bad input writes nothing.
        let previous = try baseline.map { try JSONInput.read(CheckReport.self, from: $0, what: "a check report (report.json)") }
        var loaded: [CheckInput] = []
        for path in specPaths {
            let spec = try loadSpec(path)
            if let (key, reason) = Verifier.beyondLimits(spec) { throw CommandFailure(message: "\(Echo.path(path)): \(key): \(reason)") }
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw CommandFailure(message: "\(Echo.path(path)): cannot read it: \((error as NSError).localizedDescription)")
            }
            if budget != 0 && fuzzResults.isEmpty, let workers {
                try bankOptions.checkSource(workers.source, of: spec, path: path)
            }
            loaded.append(CheckInput(path: path, spec: spec, text: text))
        }
        let campaigns = try readFuzzResults(for: loaded)
        let gasMeasurements = try readGas()

        let verdicts = runVerification(loaded)
        var sections: [SpecSection] = []
        var extras: [(path: String, write: () throws -> Void)] = []
        for (k, input) in loaded.enumerated() {
            let fuzz = try campaigns[k] ?? runFuzz(input)
            if let fuzz, campaigns[k] == nil {
                let command = fuzz.properties.first?.reproduce ?? ""
                for (path, counterexample) in fuzz.counterexampleFiles(out: counterexampleDirectory, specName: input.spec.name, specText: input.text, command: command) {
                    extras.append((path, { try OutputFile.writeJSON(counterexample, to: path, createDirectories: true) }))
                }
            }
            let simulation = try runSimulation(input)
            for result in verdicts[k] {
                guard let smt2 = result.smt2 else { continue }
                let path = "\(out)/smt2/" + VerificationEntry.smt2FileName(spec: input.spec.name, property: result.id)
                extras.append((path, { try OutputFile.writeText(smt2, to: path, createDirectories: true) }))
            }
            let synthesis = runSynthesis(input)
            let model = RewardCurves.againstBeta(input.spec).map(PaperFigures.rewardsAgainstBeta)
            let gasChart = input.spec.mechanism.kind == .ptsfd
                ? gasMeasurements.map { GasFigures.chart(workers: input.spec.federation.workers, gas: $0) } : nil
            let charts = (model.map { [$0] } ?? []) + (simulation?.charts ?? []) + (synthesis?.chart.map { [$0] } ?? [])
                + (gasChart.map { [$0] } ?? [])
            sections.append(SpecSection(
                file: input.path, spec: input.spec, lines: SpecLines(toml: input.text), verification: verdicts[k],
                synthesis: synthesis?.range.map { [$0] } ?? [], fuzz: fuzz, simulation: simulation?.result,
                charts: charts.isEmpty ? nil : charts))
        }
        let result = CheckReport(command: commandLine, specs: sections)
        do { try ReportSet.write(result, to: out) } catch {
            throw CommandFailure(message: "\(Echo.path(out)): cannot write the report set: \(error)")
        }
        for extra in extras { try extra.write() }
        report.show(CheckSummary(report: result, out: out).text, json: nil)
        var passed = result.allMet
        if let previous, let baseline {
            let comparison = BaselineComparison(baseline: previous, current: result)
            report.show(comparison.summary(baselineFile: baseline), json: nil)
            passed = passed && comparison.passed
            if !comparison.passed && report.quiet {
                comparison.regressions.forEach { printError("regressed: \($0.line)") }
            }
        }
        if !passed { throw ExitCode(ExitCodes.checkFailed) }
    }

    /// Where shrunk fuzz counterexamples go: `<out>/counterexamples/<spec>/<property>.json`.
    var counterexampleDirectory: String { "\(out)/counterexamples" }
}

/// One spec of a check run, as read.
struct CheckInput {
    var path: String
    var spec: Spec
    var text: String
}
