import ArgumentParser
import Foundation
import Specs
import Verification

/// `serumcheck verify`: proves or refutes the incentive properties of mechanism specs with Z3.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prove or refute a mechanism's incentive properties with the Z3 SMT solver.",
        discussion: """
            Every property of the spec's mechanism is turned into Z3 queries over the spec's
            parameters (a number, or every value of a range { min, max }) and answered:
              proved   Z3 found no counterexample anywhere in the ranges,
              refuted  Z3 found one; it is re-checked in exact arithmetic and printed,
              unknown  Z3 could not decide (for example it timed out).
            Each spec's [checks] table gives the verdict each property is expected to reach
            (default "proved"). Exit code 0 when every verdict meets its expectation, 1 when one
            does not, 2 on bad input.

            PTSFD properties: \(PropertyID.allCases.filter(\.isPTSFD).map(\.rawValue).joined(separator: ", ")).
            Consensus properties: \(PropertyID.allCases.filter { !$0.isPTSFD }.map(\.rawValue).joined(separator: ", ")).

            With --synthesize PARAM (beta, lambda, accuracy or coalition) verify instead finds the
            largest interval inside the spec's range of PARAM on which the chosen properties are
            all proved, and proves them on it.

            Examples:
              serumcheck verify specs/paper.toml
              serumcheck verify specs/*.toml --json verdicts.json
              serumcheck verify specs/paper.toml --property self-predicting --emit-smt2 smt2/
              serumcheck verify specs/beta-range.toml --synthesize beta --property heuristic-unprofitable
            """
    )

    @Argument(help: ArgumentHelp("Mechanism specs (TOML) to verify.", valueName: "spec"))
    var specs: [String]

    @Option(name: .long, help: ArgumentHelp("Write the verdicts as JSON to this file (written whole or not at all).", valueName: "file"))
    var json: String?

    @Option(name: .customLong("emit-smt2"), help: ArgumentHelp("Write each property's SMT-LIB2 queries into this directory, one file per spec and property.", valueName: "dir"))
    var emitSMT2: String?

    @Option(name: .customLong("timeout-ms"), help: ArgumentHelp("Timeout of each Z3 query in milliseconds; a query that runs out is answered unknown.", valueName: "n"))
    var timeoutMilliseconds: UInt32 = 10_000

    @Option(name: .customLong("property"), help: ArgumentHelp("Check only this property (repeatable). Default: every property of each spec's mechanism.", valueName: "id"))
    var properties: [String] = []

    @Option(name: .long, help: ArgumentHelp("Find the largest interval of this parameter (beta, lambda, accuracy, coalition) on which the properties are proved.", valueName: "param"))
    var synthesize: String?

    func validate() throws {
        guard timeoutMilliseconds > 0 else { throw ValidationError("--timeout-ms must be at least 1.") }
        for id in properties where PropertyID(rawValue: id) == nil {
            throw ValidationError("Unknown property '\(id)'. Known: \(PropertyID.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let synthesize, SynthesisParameter(rawValue: synthesize) == nil {
            throw ValidationError("Cannot synthesize '\(synthesize)'. Choose one of: \(SynthesisParameter.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        var loaded: [(path: String, spec: Spec)] = []
        for path in specs {
            do { loaded.append((path, try Spec.load(path: path))) } catch { throw CommandFailure.badInput(error) }
        }
        let requested = properties.compactMap(PropertyID.init(rawValue:))
        for id in requested where !loaded.contains(where: { Verifier.properties(for: $0.spec).contains(id) }) {
            throw CommandFailure(message: "--property \(id.rawValue) does not apply to any of the given specs' mechanisms")
        }
        if let synthesize {
            try runSynthesis(SynthesisParameter(rawValue: synthesize)!, loaded, requested)
            return
        }
        let verifier = Verifier(timeoutMilliseconds: timeoutMilliseconds)
        var report = VerifyReport(command: (["serumcheck", "verify"] + CommandLine.arguments.dropFirst(2)).joined(separator: " "))
        for (path, spec) in loaded {
            let ids = requested.isEmpty ? Verifier.properties(for: spec) : requested.filter { Verifier.properties(for: spec).contains($0) }
            var results: [PropertyResult] = []
            for (k, id) in ids.enumerated() {
                let result = verifier.check(id, on: spec)
                printError("[\(k + 1)/\(ids.count)] \(path): \(id.rawValue) \(result.verdict.name) (\(String(format: "%.2f", result.seconds)) s)")
                results.append(result)
            }
            report.add(spec: path, name: spec.name, results: results)
        }
        try writeOutputs(report)
        if !report.allMet { throw ExitCode(ExitCodes.checkFailed) }
    }

    func writeOutputs(_ report: VerifyReport) throws {
        if let emitSMT2 {
            do { try report.writeSMT2(into: emitSMT2) } catch {
                throw CommandFailure(message: "\(emitSMT2): cannot write the SMT-LIB2 files: \(error.localizedDescription)")
            }
        }
        if let json {
            do { try report.jsonData().write(to: URL(fileURLWithPath: json), options: .atomic) } catch {
                throw CommandFailure(message: "\(json): cannot write the JSON output: \(error.localizedDescription)")
            }
            printError("verdicts written to \(json)")
        } else {
            print(report.table, terminator: "")
        }
    }

    func runSynthesis(_ parameter: SynthesisParameter, _ loaded: [(path: String, spec: Spec)], _ requested: [PropertyID]) throws {
        guard loaded.count == 1, let (path, spec) = loaded.first else {
            throw CommandFailure(message: "--synthesize takes exactly one spec")
        }
        let ids = requested.isEmpty ? Verifier.properties(for: spec) : requested
        let synthesis = Synthesis(verifier: Verifier(timeoutMilliseconds: timeoutMilliseconds), properties: ids)
        let result: SynthesisResult
        do { result = try synthesis.run(spec, parameter: parameter, file: path) } catch {
            throw CommandFailure.badInput(error)
        }
        print(result.summary)
        if result.interval == nil { throw ExitCode(ExitCodes.checkFailed) }
    }
}
