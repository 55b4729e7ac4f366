import Adversary
import Ledger
import Mechanisms
import Specs

/// One economic case: a federation drawn within a spec's ranges, complete enough to replay.
///
/// Everything random in a round (the true classes, each model's predictions, each report's
/// draws) comes from `noiseSeed` and the replication index, so the honest world and a
/// deviation world of the same replication see the same noise (a paired comparison), and a
/// counterexample file that stores the federation replays it exactly.
public struct Federation: Hashable, Sendable, Codable {
    /// n, the federation's seats (registered identities).
    public var workers: Int
    /// m, the public samples of each round.
    public var samples: Int
    /// |C|.
    public var classes: Int
    /// The prior the true classes are drawn from.
    public var prior: [Double]
    /// Each seat's model accuracy `a_i` (the synthetic source's confusion model).
    public var accuracy: [Double]
    /// beta of Eq. 2.
    public var beta: Double
    /// lambda of the round (the first entry of the lambda schedule).
    public var lambda: Double
    /// The knobs the contract is deployed with.
    public var knobs: KnobSettings
    /// D, the deposit in integer units.
    public var deposit: Int
    /// Integer units per 1.0 of reward.
    public var unitsPerReward: Int
    /// The certainty threshold honest workers apply (`training.certainty_threshold`, 0 by default).
    public var honestThreshold: Double
    /// The strategy of every seat that is not deviating, by catalogue name.
    public var background: [String]
    /// The parameters the strategies are built with.
    public var parameters: StrategySettings
    /// R, the replications of every comparison.
    public var replications: Int
    /// The root of every replication's noise.
    public var noiseSeed: UInt64

    /// A federation from its parts (`Federation.draw` draws one within a spec's ranges).
    public init(
        workers: Int, samples: Int, classes: Int, prior: [Double], accuracy: [Double],
        beta: Double, lambda: Double, knobs: KnobSettings, deposit: Int, unitsPerReward: Int,
        honestThreshold: Double, background: [String], parameters: StrategySettings,
        replications: Int, noiseSeed: UInt64
    ) {
        self.workers = workers
        self.samples = samples
        self.classes = classes
        self.prior = prior
        self.accuracy = accuracy
        self.beta = beta
        self.lambda = lambda
        self.knobs = knobs
        self.deposit = deposit
        self.unitsPerReward = unitsPerReward
        self.honestThreshold = honestThreshold
        self.background = background
        self.parameters = parameters
        self.replications = replications
        self.noiseSeed = noiseSeed
    }

    /// The contract terms of this federation's round.
    public var terms: PTSFDTerms {
        PTSFDTerms(
            beta: beta, lambdaSchedule: [lambda], classes: classes, samples: samples,
            knobs: knobs.knobs, unitsPerReward: unitsPerReward,
            allocationSeed: noiseSeed ^ 0xA110_CA7E)
    }

    /// A short description: `n=10 m=200 |C|=10 R=32`.
    public var shape: String { "n=\(workers) m=\(samples) |C|=\(classes) R=\(replications)" }
}

/// `Knobs` as plain Codable data (`peers_per_sample` 0 for `all`).
public struct KnobSettings: Hashable, Sendable, Codable {
    public var normalization: Normalization
    public var aggregation: Aggregation
    public var labelCount: LabelCountPolicy
    public var commitment: CommitmentScheme
    public var peersPerSample: Int
    public var payout: PayoutRule

    public init(_ knobs: Knobs) {
        normalization = knobs.normalization
        aggregation = knobs.aggregation
        labelCount = knobs.labelCount
        commitment = knobs.commitment
        switch knobs.peersPerSample {
        case .all: peersPerSample = 0
        case .k(let k): peersPerSample = k
        }
        payout = knobs.payout
    }

    /// The knobs.
    public var knobs: Knobs {
        Knobs(
            normalization: normalization, aggregation: aggregation, labelCount: labelCount,
            commitment: commitment, peersPerSample: peersPerSample == 0 ? .all : .k(peersPerSample),
            payout: payout)
    }
}

/// `StrategyParameters` as plain Codable data.
public struct StrategySettings: Hashable, Sendable, Codable {
    public var heuristicLabels: [Double]
    public var collusionMap: [Int]
    public var misreportMap: [Int]
    public var certaintyThreshold: Double
    public var paddingRate: Double
    public var paddingRandom: Bool
    public var sybilIdentities: Int
    public var copyTarget: Int
    public var labelCountLie: LabelCountLie
    public var outOfProtocolMove: OutOfProtocolMove

    public init(_ p: StrategyParameters) {
        heuristicLabels = p.heuristicLabels
        collusionMap = p.collusionMap
        misreportMap = p.misreportMap
        certaintyThreshold = p.certaintyThreshold
        paddingRate = p.paddingRate
        paddingRandom = p.paddingRandom
        sybilIdentities = p.sybilIdentities
        copyTarget = p.copyTarget
        labelCountLie = p.labelCountLie
        outOfProtocolMove = p.outOfProtocolMove
    }

    /// The parameters for |C| = `classes`.
    public func parameters(classes: Int) -> StrategyParameters {
        StrategyParameters(
            classes: classes, heuristicLabels: heuristicLabels, collusionMap: collusionMap,
            misreportMap: misreportMap, certaintyThreshold: certaintyThreshold,
            paddingRate: paddingRate, paddingRandom: paddingRandom,
            sybilIdentities: sybilIdentities, copyTarget: copyTarget,
            labelCountLie: labelCountLie, outOfProtocolMove: outOfProtocolMove)
    }
}

extension LabelCountLie: Codable {}
extension OutOfProtocolMove: Codable {}
