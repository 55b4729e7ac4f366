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
    /// confirmed with fresh noise and shrunk (`decide`).
    /// - Returns: the summary, and the rounds the first judgment played.
    func judgeEconomic(
        _ id: FuzzPropertyID, _ f: Federation, index: Int, _ options: Options
    ) throws -> (PropertySummary, rounds: Int) {
        let scenario = property.scenario(id, f)
        let summary = try decide(
            id, f, index: index, options, first: scenario.judge(f, confidence: options.confidence),
            judge: { try property.scenario(id, $0).judge($0, confidence: options.confidence) },
            shrunk: { try $0.shrunk(limit: options.shrinkLimit, stillFails: $1) },
            store: { $0.federation = $1 })
        return (summary, scenario.worlds.count * f.replications)
    }

    /// The decision on one case of either mechanism: the first verdict; when violated, the
    /// confirmation on `f.confirmation` (fresh noise, 2R), and then the shrunk counterexample,
    /// stored in the file by `store`.
    func decide<Case: ReplicatedCase>(
        _ id: FuzzPropertyID, _ f: Case, index: Int, _ options: Options, first verdict: ScenarioVerdict,
        judge: @escaping (Case) throws -> ScenarioVerdict,
        shrunk: (Case, (Case) throws -> Bool) throws -> (Case, Int),
        store: (inout Counterexample, Case) -> Void
    ) throws -> PropertySummary {
        var summary = PropertySummary(id: id.rawValue)
        summary.cases = 1
        guard verdict.violated, try judge(f.confirmation).violated else {
            if verdict.violated { summary.unconfirmed = 1 }
            summary.nearest = .init(caseIndex: index, label: verdict.label, test: verdict.test, counterexample: nil)
            return summary
        }
        let (minimal, steps) = try shrunk(f) { try judge($0).violated }
        let final = try judge(minimal)
        var counterexample = Counterexample(
            schema: Counterexample.schema, property: id.rawValue, specName: spec.name,
            specPath: specPath, specText: specText, seed: options.seed, caseIndex: index,
            confidence: options.confidence, federation: nil, profile: nil, contract: nil,
            label: final.label, test: final.test, originalShape: f.shape, shrinkSteps: steps,
            command: options.command)
        store(&counterexample, minimal)
        summary.violation = .init(
            caseIndex: index, label: final.label, test: final.test, counterexample: counterexample)
        return summary
    }
}

/// A case judged over R replications of seeded noise (`Federation`, `ConsensusFederation`).
protocol ReplicatedCase {
    /// The seed of the replications' noise.
    var noiseSeed: UInt64 { get set }
    /// R.
    var replications: Int { get set }
    /// The case's shape, for reports.
    var shape: String { get }
}

extension ReplicatedCase {
    /// The same case with fresh noise and twice the replications: what a first rejection must
    /// survive before it counts.
    var confirmation: Self {
        var fresh = self
        var stream = SplitMix64(seed: noiseSeed, stream: 0xC0F1)
        fresh.noiseSeed = stream.next()
        fresh.replications = 2 * replications
        return fresh
    }
}

extension Federation: ReplicatedCase {}
extension ConsensusFederation: ReplicatedCase {}
