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
    public var knobs: Knobs
    /// D, the deposit in integer units.
    public var deposit: Int
    /// Integer units per 1.0 of reward.
    public var unitsPerReward: Int
    /// The certainty threshold honest workers apply (`training.certainty_threshold`, 0 by default).
    public var honestThreshold: Double
    /// The strategy of every seat that is not deviating, by catalogue name.
    public var background: [String]
    /// The parameters the strategies are built with (|C| is `classes`).
    public var parameters: StrategyParameters
    /// R, the replications of every comparison.
    public var replications: Int
    /// The root of every replication's noise.
    public var noiseSeed: UInt64

    /// The contract terms of this federation's round.
    public var terms: PTSFDTerms {
        PTSFDTerms(
            beta: beta, lambdaSchedule: [lambda], classes: classes, samples: samples,
            knobs: knobs, unitsPerReward: unitsPerReward,
            allocationSeed: noiseSeed ^ 0xA110_CA7E)
    }

    /// A short description: `n=10 m=200 |C|=10 R=32`.
    public var shape: String { "n=\(workers) m=\(samples) |C|=\(classes) R=\(replications)" }
}

