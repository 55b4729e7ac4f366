import EVM
import Foundation
import Fuzz
import Messages
import Reporting
import Simulation
import Specs
import Verification

/// The phases of `check`: verify, fuzz, simulate. Each reports progress on standard error.
extension CheckCommand {
    var threadCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Every property of every spec, in parallel; the results per spec in `PropertyID` order.
    func runVerification(_ inputs: [CheckInput]) -> [[PropertyResult]] {
        let run = ParallelVerification(
            specs: inputs.map(\.spec), jobs: threadCount, timeoutMilliseconds: timeoutMilliseconds, deadline: nil)
        let results = run.runShowingProgress(paths: inputs.map(\.path), prefix: "verify ", enabled: report.progress)
        return inputs.indices.map { run.results(ofSpec: $0, in: results) }
    }

    /// The spec's fuzz campaign, or `nil` under `--budget 0`.
    func runFuzz(_ input: CheckInput) throws -> FuzzReport? {
        if budget == 0 { return nil }
        let source = workers?.source ?? .default(for: input.spec)
        if input.spec.federation.workers > EconomicCampaign.maximumWorkers {
            report.note("\(input.path): fuzz skipped: economic cases take at most \(EconomicCampaign.maximumWorkers) workers, not \(input.spec.federation.workers)")
            return nil
        }
        let models = try bankOptions.campaignModels(of: input.spec, path: input.path, source: source, quiet: !report.progress)
        let session = FuzzSession(
            spec: input.spec, path: input.path, text: input.text, seed: seed,
            properties: FuzzPropertyID.judged(on: input.spec, source: source), restricted: false, source: source,
            models: models, threads: threadCount, shrinkLimit: FuzzSession.defaultShrinkLimit, out: counterexampleDirectory, shard: nil,
            bank: bankOptions.predictionBank)
        do {
            return try session.run(budget: budget, time: nil, progress: FuzzProgress(enabled: report.progress)).0
        } catch {
            throw CommandFailure(message: error.description, exitCode: error.isDefect ? ExitCodes.checkFailed : ExitCodes.badInput)
        }
    }

    /// The simulation of a spec with simulation tables, its `[sweeps]` on the same trained
    /// models, and the paper's figures drawn from both (`nil` for a spec without the tables).
    func runSimulation(_ input: CheckInput) throws -> (result: SimulationResult, charts: [ChartData])? {
        guard input.spec.simulation != nil, input.spec.mechanism.kind == .ptsfd else { return nil }
        do {
            let plan = try SimulationPlan(spec: input.spec, file: input.path, rounds: nil, seed: nil)
            let simulation = FederatedSimulation(
                plan: plan, file: input.path, bank: bankOptions.predictionBank, threads: threadCount,
                command: "serumcheck simulate \(input.path)")
            let progress = ProgressDisplay(enabled: report.progress, workers: input.spec.federation.workers, rounds: plan.lambdas.count)
            let result = try simulation.run(onEvent: progress.handle)
            progress.finish()
            // The bank holds the models the run just trained, so the sweeps retrain nothing.
            let sweeps = try simulation.sweeps()
            if !sweeps.isEmpty { report.note("\(input.path): \(sweeps.map(\.points.count).reduce(0, +)) sweep points settled") }
            return (result, PaperFigures.charts(for: result, sweeps: sweeps))
        } catch {
            throw CommandFailure.badInput(error)
        }
    }

    /// `--synthesize`: an interval of the parameter on which the properties the spec expects
    /// proved are proved, and its chart; `nil` without the option or where the parameter does
    /// not apply to the spec (a note says why).
    func runSynthesis(_ input: CheckInput) -> (range: SynthesizedRange?, chart: ChartData?)? {
        guard let name = synthesize, let parameter = SynthesisParameter(rawValue: name) else { return nil }
        let guarantees = Verifier.properties(for: input.spec).filter { (input.spec.checks[$0.rawValue] ?? .proved) == .proved }
        let synthesis = Synthesis(verifier: Verifier(timeoutMilliseconds: timeoutMilliseconds), properties: guarantees)
        let result: SynthesisResult
        do { result = try synthesis.run(input.spec, parameter: parameter, file: input.path) } catch {
            report.note("\(input.path): --synthesize \(name) skipped: \(error)")
            return nil
        }
        let mechanism = MechanismKind(input.spec.mechanism.kind)
        report.note("\(input.path): " + result.summary.split(separator: "\n").prefix(1).joined())
        return (SynthesizedRange(result, mechanism: mechanism), PaperFigures.interval(result, mechanism: mechanism))
    }

    /// `--fuzz-results`, read and merged per spec: index of the spec -> its campaign.
    /// - Throws: `CommandFailure` (exit 2) for a file that does not decode or that names a spec
    ///   the run does not check.
    func readFuzzResults(for inputs: [CheckInput]) throws -> [Int: FuzzReport] {
        var byspec: [Int: [FuzzReport]] = [:]
        for file in fuzzResults {
            let result = try JSONInput.read(FuzzReport.self, from: file, what: "a fuzz result file")
            let target = URL(fileURLWithPath: result.spec).standardizedFileURL.path
            guard let k = inputs.firstIndex(where: { URL(fileURLWithPath: $0.path).standardizedFileURL.path == target }) else {
                throw CommandFailure(message: "--fuzz-results \(Echo.path(file)): its campaign ran on \(Echo.path(result.spec)), which is not among the checked specs (\(inputs.map(\.path).joined(separator: ", ")))")
            }
            byspec[k, default: []].append(result)
        }
        var merged: [Int: FuzzReport] = [:]
        for (k, reports) in byspec {
            if reports.count == 1 && reports[0].shard == nil {
                merged[k] = reports[0]
                continue
            }
            do {
                merged[k] = try FuzzReport.merge(
                    reports, spec: inputs[k].spec, confidence: FuzzSession.confidence, out: counterexampleDirectory,
                    command: FuzzReport.reproduceCommand(of: reports)!)
            } catch {
                throw CommandFailure(message: "--fuzz-results: \(error)")
            }
        }
        return merged
    }

    /// `--gas`, or this repository's `reports/gas/gas.json` when present (`nil` when not).
    /// - Throws: `CommandFailure` (exit 2) for a named file that is missing or does not decode.
    func readGas() throws -> GasMeasurements? {
        // The repository is found as the EVM bridge finds contracts/ (from here, then the binary).
        guard let path = gas ?? (try? EVMHost.locateRoot())?.appendingPathComponent("reports/gas/gas.json").path,
              gas != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        return try JSONInput.read(GasMeasurements.self, from: path, what: "scripts/bench-gas's JSON (reports/gas/gas.json)")
    }
}
