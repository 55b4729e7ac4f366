import Adversary
import Foundation
import Mechanisms
import Specs

/// Layer 2: economic campaigns over random federations (see the module overview).
///
/// Case k draws its federation from `caseGenerator(seed:index:)` alone and judges every
/// selected property on it; the campaign's summary folds the cases in index order, so a shard
/// (any subset of case indices) folds to a summary that `merged(with:)` joins into exactly the
/// unsharded one. A first rejection is confirmed on the same federation with fresh noise and
/// twice the replications before it counts, then shrunk with the original seeds.
public struct EconomicCampaign: Sendable {
    /// The campaign's settings.
    public struct Options: Sendable {
        public var seed: UInt64
        /// The case indices to run (a shard's slice of `0 ..< budget`).
        public var cases: [Int]
        public var threads: Int
        public var confidence: Double
        /// Shrinking evaluations per counterexample (0: no shrinking).
        public var shrinkLimit: Int
        public var properties: [FuzzPropertyID]
        public var ranges: FederationRanges
        /// The reproduce command, recorded in counterexamples.
        public var command: String

        public init(
            seed: UInt64, cases: [Int], threads: Int = 1, confidence: Double = 0.99,
            shrinkLimit: Int = 200, properties: [FuzzPropertyID], ranges: FederationRanges = .standard,
            command: String
        ) {
            self.seed = seed
            self.cases = cases
            self.threads = threads
            self.confidence = confidence
            self.shrinkLimit = shrinkLimit
            self.properties = properties
            self.ranges = ranges
            self.command = command
        }
    }

    /// A campaign's (or shard's) findings.
    public struct Summary: Hashable, Sendable, Codable {
        public var properties: [PropertySummary]
        public var profiles: [ProfileSummary]
        /// Rounds played (every world of every replication).
        public var rounds: Int
        /// Contract transactions applied by the contract layer.
        public var transactions: Int

        public init(properties: [PropertySummary], profiles: [ProfileSummary], rounds: Int, transactions: Int = 0) {
            self.properties = properties
            self.profiles = profiles
            self.rounds = rounds
            self.transactions = transactions
        }

        public func merged(with other: Summary) -> Summary {
            Summary(
                properties: zip(properties, other.properties).map { $0.merged(with: $1) },
                profiles: zip(profiles, other.profiles).map { $0.merged(with: $1) },
                rounds: rounds + other.rounds, transactions: transactions + other.transactions)
        }
    }

    /// The spec and its text (embedded in counterexamples).
    public var spec: Spec
    public var specPath: String
    public var specText: String
    public var property: EconomicProperty
    /// Strategy names background seats may play.
    public var allowed: [String]
    /// Real predictions for every seat (`--workers bank`), or `nil` for synthetic workers.
    public var models: BankModels?

    public init(
        spec: Spec, specPath: String, specText: String, catalog: StrategyCatalog = .standard,
        models: BankModels? = nil
    ) {
        self.models = models
        self.spec = spec
        self.specPath = specPath
        self.specText = specText
        self.property = EconomicProperty(catalog: catalog)
        if spec.mechanism.kind == .consensus {
            let assignment = spec.consensusStrategies?.assignment ?? catalog.consensusNames
            var names: [String] = []
            for name in assignment where !names.contains(name) { names.append(name) }
            allowed = names
        } else if let assignment = spec.simulation?.strategies.assignment {
            var names: [String] = []
            for name in assignment where !names.contains(name) { names.append(name) }
            allowed = names
        } else {
            allowed = catalog.names
        }
    }

    /// The federation of case `index`.
    public func federation(seed: UInt64, index: Int, ranges: FederationRanges) -> Federation {
        var g = caseGenerator(seed: seed, index: index)
        return Federation.draw(spec: spec, ranges: ranges, allowed: allowed, models: models, using: &g)
    }

    /// Runs the cases of `options`; `progress(done, violationsSoFar)` is called as cases finish.
    public func run(
        _ options: Options, progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        let economic = options.properties.filter { $0.layer == .economic }
        let judgeEquilibrium = options.properties.contains(.honestUniqueEquilibrium)
        let results = try ParallelCases.map(options.cases, threads: options.threads, progress: progress) {
            index in try self.judgeCase(index, economic: economic, equilibrium: judgeEquilibrium, options)
        }
        var summary = Summary(
            properties: economic.map { PropertySummary(id: $0.rawValue) },
            profiles: EquilibriumProfile.profiles.map {
                ProfileSummary(profile: $0.name, cases: 0, payoffs: [:])
            }, rounds: 0)
        for result in results { summary = summary.merged(with: result) }
        return summary
    }

    /// Case `index`: the federation, each economic property's verdict (confirmed and shrunk
    /// when violated), and its equilibrium profile's observation.
    func judgeCase(
        _ index: Int, economic: [FuzzPropertyID], equilibrium: Bool, _ options: Options
    ) throws -> Summary {
        if spec.mechanism.kind == .consensus { return try judgeConsensusCase(index, economic: economic, options) }
        let f = federation(seed: options.seed, index: index, ranges: options.ranges)
        var rounds = 0
        var properties: [PropertySummary] = []
        for id in economic {
            let (summary, played) = try judgeEconomic(id, f, index: index, options)
            rounds += played
            properties.append(summary)
        }
        var profiles = EquilibriumProfile.profiles.map {
            ProfileSummary(profile: $0.name, cases: 0, payoffs: [:])
        }
        if equilibrium {
            let k = index % EquilibriumProfile.profiles.count
            let observation = try property.observe(
                EquilibriumProfile.profiles[k], f, confidence: options.confidence)
            profiles[k].cases = 1
            rounds += observation.rounds
            profiles[k].payoffs = observation.payoffs
            profiles[k].payoffCase = index
            var stored = f
            stored.models = nil
            profiles[k].federation = stored
            if observation.left {
                profiles[k].leftAt = index
                profiles[k].leftBy = observation.deviation
            }
        }
        return Summary(properties: properties, profiles: profiles, rounds: rounds)
    }

    /// One economic property on federation `f` as case `index`: judged, and when violated
    /// confirmed with fresh noise and shrunk.
    /// - Returns: the summary, and the rounds the first judgment played.
    func judgeEconomic(
        _ id: FuzzPropertyID, _ f: Federation, index: Int, _ options: Options
    ) throws -> (PropertySummary, rounds: Int) {
        var summary = PropertySummary(id: id.rawValue)
        summary.cases = 1
        let scenario = property.scenario(id, f)
        let verdict = try scenario.judge(f, confidence: options.confidence)
        let finding = PropertySummary.Finding(
            caseIndex: index, label: verdict.label, test: verdict.test, counterexample: nil)
        if verdict.violated, let confirmed = try confirm(id, f, options) {
            summary.violation = try shrink(id, f, index: index, confirmed: confirmed, options)
        } else {
            if verdict.violated { summary.unconfirmed = 1 }
            summary.nearest = finding
        }
        return (summary, scenario.worlds.count * f.replications)
    }

    /// The confirmation: the same federation with fresh noise and twice the replications.
    func confirm(_ id: FuzzPropertyID, _ f: Federation, _ options: Options) throws -> ScenarioVerdict? {
        var fresh = f
        var stream = SplitMix64(seed: f.noiseSeed, stream: 0xC0F1)
        fresh.noiseSeed = stream.next()
        fresh.replications = 2 * f.replications
        let verdict = try property.scenario(id, fresh).judge(fresh, confidence: options.confidence)
        return verdict.violated ? verdict : nil
    }

    /// The shrunk counterexample of a confirmed violation.
    func shrink(
        _ id: FuzzPropertyID, _ f: Federation, index: Int, confirmed: ScenarioVerdict, _ options: Options
    ) throws -> PropertySummary.Finding {
        let (minimal, steps) = try f.shrunk(limit: options.shrinkLimit) { candidate in
            try property.scenario(id, candidate).judge(candidate, confidence: options.confidence).violated
        }
        let verdict = try property.scenario(id, minimal).judge(minimal, confidence: options.confidence)
        let counterexample = Counterexample(
            schema: Counterexample.schema, property: id.rawValue, specName: spec.name,
            specPath: specPath, specText: specText, seed: options.seed, caseIndex: index,
            confidence: options.confidence, federation: minimal, profile: nil, contract: nil,
            label: verdict.label,
            test: verdict.test, originalShape: f.shape, shrinkSteps: steps, command: options.command)
        return PropertySummary.Finding(
            caseIndex: index, label: verdict.label, test: verdict.test, counterexample: counterexample)
    }
}
