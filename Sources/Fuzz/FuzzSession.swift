import Foundation
import Simulation
import Specs

/// One spec's `fuzz` run: the shard's case slice of the budget (or of a time limit), the
/// economic campaign, the pipeline, the contract campaign and the corpus, folded into one
/// report. The command line front end only parses flags, shows progress and writes files.
public struct FuzzSession {
    /// What a session reports while it runs.
    public protocol Progress: Sendable {
        /// `done` of `total` cases (`nil` under a time limit) of `phase`, with the
        /// violations flagged so far.
        func cases(_ phase: String, done: Int, total: Int?, violations: Int)
        /// A phase has finished; `summary` says what it did.
        func finished(_ phase: String, summary: String)
        /// Something the user should know (not reproducible, ...).
        func note(_ text: String)
    }

    /// Why a session stopped.
    public struct Failure: Error, CustomStringConvertible {
        /// The contract misbehaved outside any property (a defect), rather than bad input.
        public var isDefect: Bool
        public var description: String
    }

    public var spec: Spec
    public var path: String
    public var text: String
    public var seed: UInt64
    public var properties: [FuzzPropertyID]
    /// Whether `--property` chose the properties (the command then names them).
    public var restricted: Bool
    /// Where the workers' predictions come from.
    public var source: WorkerSource
    /// The real predictions of `bank` and `pipeline`.
    public var models: BankModels?
    public var threads: Int
    public var shrinkLimit: Int
    public var out: String
    public var shard: (index: Int, count: Int)?
    /// Where `pipeline` keeps its local models.
    public var bank: PredictionBank?
    /// The corpus entries judged first (`--corpus`).
    public var corpus: [CorpusEntry] = []

    public init(
        spec: Spec, path: String, text: String, seed: UInt64, properties: [FuzzPropertyID],
        restricted: Bool, source: WorkerSource, models: BankModels?, threads: Int,
        shrinkLimit: Int, out: String, shard: (index: Int, count: Int)?, bank: PredictionBank?
    ) {
        self.spec = spec
        self.path = path
        self.text = text
        self.seed = seed
        self.properties = properties
        self.restricted = restricted
        self.source = source
        self.models = models
        self.threads = threads
        self.shrinkLimit = shrinkLimit
        self.out = out
        self.shard = shard
        self.bank = bank
    }

    /// The confidence of every campaign's one-sided tests, and of merged shards.
    public static let confidence = 0.99
    /// Evaluations spent shrinking each counterexample, unless told otherwise.
    public static let defaultShrinkLimit = 200

    /// The default budget of `spec`: on PTSFD enough cases for every equilibrium profile twice;
    /// on consensus, whose cases are cheap (a few rounds of a handful of workers), 200.
    public static func defaultBudget(for spec: Spec) -> Int {
        switch spec.mechanism.kind {
        case .ptsfd: 2 * EquilibriumProfile.profiles.count
        case .consensus: 200
        }
    }

    /// The command that reproduces the campaign (no --shard, no --threads: they change nothing).
    public func command(budget: Int) -> String {
        var words = ["serumcheck", "fuzz", path, "--seed", "\(seed)", "--budget", "\(budget)", "--workers", source.rawValue]
        for id in properties where restricted { words += ["--property", id.rawValue] }
        return words.joined(separator: " ")
    }

    /// Runs the campaign.
    /// - Returns: the report, and the corpus entries the run found (near-misses, refusal reasons).
    public func run(budget: Int?, time: Double?, progress: any Progress) throws(Failure) -> (FuzzReport, [CorpusEntry]) {
        let campaign = EconomicCampaign(spec: spec, specPath: path, specText: text, models: models)
        let start = ContinuousClock.now
        var total = budget ?? Self.defaultBudget(for: spec)
        var summary: EconomicCampaign.Summary
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
                    let offset = done, label = spec.name
                    let part = try campaign.run(options(cases, 0)) { n, v in progress.cases(label, done: offset + n, total: nil, violations: v) }
                    summary = summary.merged(with: part)
                    done += batch
                }
                total = done
                summary = summary.withCommand(command(budget: total))
                progress.note("--time is not reproducible; \(total) cases ran: rerun with --budget \(total) to reproduce")
            } else {
                let count = slice(0 ..< total).count, label = spec.name
                summary = try campaign.run(options(slice(0 ..< total), total)) { n, v in progress.cases(label, done: n, total: count, violations: v) }
            }
        } catch {
            throw Failure(isDefect: true, description: "\(path): the contract misbehaved outside any property: \(error)")
        }
        if properties.contains(.distillationHelpsHonest) {
            let label = "\(spec.name) pipeline", count = slice(0 ..< total).count
            let pipeline: PropertySummary
            do {
                pipeline = try PipelineCheck.summary(
                    spec: spec, path: path, text: text, seed: seed, cases: slice(0 ..< total),
                    threads: threads, bank: bank, command: command(budget: total)
                ) { n, v in progress.cases(label, done: n, total: count, violations: v) }
            } catch {
                throw Failure(isDefect: false, description: "\(path): the pipeline failed: \(error)")
            }
            progress.finished(label, summary: "\(spec.name): pipeline of \(pipeline.cases) simulations done")
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
                throw Failure(isDefect: true, description: "\(path): the corpus: \(error)")
            }
            summary.properties = summary.properties.map { line in
                judged.first { $0.id == line.id }.map { line.merged(with: $0) } ?? line
            }
        }
        let seconds = Double((ContinuousClock.now - start).components.seconds)
            + Double((ContinuousClock.now - start).components.attoseconds) * 1e-18
        progress.finished(spec.name, summary: "\(spec.name): \(total) cases, \(summary.rounds) rounds in \(String(format: "%.1f", seconds)) s (\(String(format: "%.0f", Double(summary.rounds) / max(seconds, 1e-9))) rounds/s)")
        let shardText = shard.map { "\($0.index)/\($0.count)" }
        let report = FuzzReport.make(
            spec: spec, specPath: path, seed: seed, budget: total, shard: shardText, confidence: Self.confidence,
            summary: summary, out: out, command: command(budget: total))
        return (report, found)
    }

    /// The case indices of `range` that belong to this shard.
    public func slice(_ range: Range<Int>) -> [Int] { Self.slice(range, shard: shard) }

    /// The case indices of `range` that shard `index` of `count` runs: k with k % count == index
    /// (all of them without a shard). The one rule every campaign shards by.
    public static func slice(_ range: Range<Int>, shard: (index: Int, count: Int)?) -> [Int] {
        guard let shard else { return Array(range) }
        return range.filter { $0 % shard.count == shard.index }
    }
}

