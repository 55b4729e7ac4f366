import Foundation
import Fuzz
import Simulation
import Specs

/// One spec's campaign for `fuzz`: the case slice, progress, and the report.
struct FuzzRunner {
    var spec: Spec
    var path: String
    var text: String
    var seed: UInt64
    var properties: [FuzzPropertyID]
    /// Whether `--property` chose the properties (the command then names them).
    var restricted: Bool
    /// Where the workers' predictions come from.
    var source: WorkerSource
    /// The real predictions of `bank` and `pipeline`.
    var models: BankModels?
    var threads: Int
    var shrinkLimit: Int
    var out: String
    var shard: (index: Int, count: Int)?
    var quiet: Bool
    /// Where `pipeline` keeps its local models.
    var bank: PredictionBank?
    /// The corpus entries judged first (`--corpus`).
    var corpus: [CorpusEntry] = []

    /// The default budget: enough cases for every equilibrium profile twice.
    static let defaultBudget = 2 * EquilibriumProfile.profiles.count

    /// The command that reproduces the campaign (no --shard, no --threads: they change nothing).
    func command(budget: Int) -> String {
        var words = ["serumcheck", "fuzz", path, "--seed", "\(seed)", "--budget", "\(budget)", "--workers", source.rawValue]
        for id in properties where restricted { words += ["--property", id.rawValue] }
        return words.joined(separator: " ")
    }

    /// Runs the campaign.
    /// - Returns: the report, and the corpus entries the run found (near-misses, refusal reasons).
    func run(budget: Int?, time: Double?) throws -> (FuzzReport, [CorpusEntry]) {
        let campaign = EconomicCampaign(spec: spec, specPath: path, specText: text, models: models)
        let start = ContinuousClock.now
        var total = budget ?? Self.defaultBudget
        var summary: EconomicCampaign.Summary
        let progress = FuzzProgress(enabled: !quiet, label: spec.name)
        func options(_ cases: [Int], _ total: Int) -> EconomicCampaign.Options {
            EconomicCampaign.Options(
                seed: seed, cases: cases, threads: threads, shrinkLimit: shrinkLimit,
                properties: properties, command: command(budget: total))
        }
        do {
            if let time {
                // Batches of cases until the time is up; the budget is what ran.
                let batch = max(2, 2 * threads)
                var done = 0
                summary = try campaign.run(options([], 0))
                while ContinuousClock.now - start < .seconds(time) {
                    let cases = slice(done ..< done + batch)
                    progress.total = nil
                    let offset = done
                    let part = try campaign.run(options(cases, 0)) { n, v in progress.update(done: offset + n, violations: v) }
                    summary = summary.merged(with: part)
                    done += batch
                }
                total = done
                summary = summary.withCommand(command(budget: total))
                printError("note: --time is not reproducible; \(total) cases ran: rerun with --budget \(total) to reproduce")
            } else {
                progress.total = slice(0 ..< total).count
                summary = try campaign.run(options(slice(0 ..< total), total)) { n, v in progress.update(done: n, violations: v) }
            }
        } catch {
            throw CommandFailure(message: "\(path): the contract misbehaved outside any property: \(error)", exitCode: ExitCodes.checkFailed)
        }
        if properties.contains(.distillationHelpsHonest) {
            let pipelineProgress = FuzzProgress(enabled: !quiet, label: "\(spec.name) pipeline")
            pipelineProgress.total = slice(0 ..< total).count
            let pipeline: PropertySummary
            do {
                pipeline = try PipelineCheck.summary(
                    spec: spec, path: path, text: text, seed: seed, cases: slice(0 ..< total),
                    threads: threads, bank: bank, command: command(budget: total)
                ) { n, v in pipelineProgress.update(done: n, violations: v) }
            } catch {
                throw CommandFailure(message: "\(path): the pipeline failed: \(error)")
            }
            pipelineProgress.finish(summary: "\(spec.name): pipeline of \(pipeline.cases) simulations done")
            summary = EconomicCampaign.Summary(
                properties: summary.properties + [pipeline], profiles: summary.profiles,
                rounds: summary.rounds, transactions: summary.transactions)
        }
        let contractProperties = properties.filter { $0.layer == .contract }
        var contractCampaign: ContractCampaign? = nil
        var refusals: [String: Int] = [:]
        if !contractProperties.isEmpty {
            let contractRun = ContractCampaign.forSpec(
                spec, seed: seed, budget: total, cases: slice(0 ..< total), threads: threads,
                shrinkLimit: shrinkLimit, properties: contractProperties)
            let result = contractRun.run()
            contractCampaign = contractRun
            refusals = result.firstCase
            let contract = EconomicCampaign.Summary(
                properties: result.summaries(
                    contractProperties, spec: spec, specPath: path, specText: text, seed: seed,
                    command: command(budget: total)),
                profiles: [], rounds: 0)
            summary = EconomicCampaign.Summary(
                properties: contract.properties + summary.properties, profiles: summary.profiles,
                rounds: summary.rounds, transactions: result.transactions)
        }
        let found = CorpusEntry.harvest(
            summary: summary, campaign: campaign, seed: seed, contract: contractCampaign, refusals: refusals)
        if !corpus.isEmpty {
            let judged: [PropertySummary]
            do {
                judged = try CorpusEntry.judge(
                    corpus, campaign: campaign, options: options([], total), specText: text)
            } catch {
                throw CommandFailure(message: "\(path): the corpus: \(error)", exitCode: ExitCodes.checkFailed)
            }
            summary.properties = summary.properties.map { line in
                judged.first { $0.id == line.id }.map { line.merged(with: $0) } ?? line
            }
        }
        let seconds = Double((ContinuousClock.now - start).components.seconds)
            + Double((ContinuousClock.now - start).components.attoseconds) * 1e-18
        progress.finish(summary: "\(spec.name): \(total) cases, \(summary.rounds) rounds in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", Double(summary.rounds) / max(seconds, 1e-9))) rounds/s)")
        let shardText = shard.map { "\($0.index)/\($0.count)" }
        let report = FuzzReport.make(
            spec: spec, specPath: path, seed: seed, budget: total, shard: shardText, confidence: 0.99,
            summary: summary, out: out, command: command(budget: total))
        return (report, found)
    }

    /// The case indices of `range` that belong to this shard.
    func slice(_ range: Range<Int>) -> [Int] {
        guard let shard else { return Array(range) }
        return range.filter { $0 % shard.count == shard.index }
    }
}

/// Progress of a campaign on standard error: a redrawn line on a terminal, a line per tenth
/// otherwise.
final class FuzzProgress: @unchecked Sendable {
    private let enabled: Bool
    private let interactive = isatty(2) == 1
    private let label: String
    private let start = ContinuousClock.now
    private let lock = NSLock()
    private var lastTenth = -1
    var total: Int?

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    func update(done: Int, violations: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = Double(done) / max(seconds, 1e-9)
        let of = total.map { "/\($0)" } ?? ""
        let text = "\(label): cases \(done)\(of), violations \(violations), \(String(format: "%.1f", rate)) cases/s"
        if interactive {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        } else if let total, total > 0 {
            let tenth = done * 10 / total
            if tenth != lastTenth {
                lastTenth = tenth
                printError(text)
            }
        }
    }

    func finish(summary: String) {
        guard enabled else { return }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError(summary)
    }
}
