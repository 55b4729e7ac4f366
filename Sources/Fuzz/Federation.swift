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
    /// Where the seats' predictions come from.
    public var source: WorkerSource = .synthetic
    /// The real predictions of a `bank` federation (attached after loading, not stored in
    /// files: a replay trains or loads them again from the embedded spec).
    public var models: BankModels? = nil

    enum CodingKeys: String, CodingKey {
        case workers, samples, classes, prior, accuracy, beta, lambda, knobs, deposit
        case unitsPerReward, honestThreshold, background, parameters, replications, noiseSeed
        case source
    }

    /// A federation from its parts (`Federation.draw` draws one within a spec's ranges).
    public init(
        workers: Int, samples: Int, classes: Int, prior: [Double], accuracy: [Double],
        beta: Double, lambda: Double, knobs: Knobs, deposit: Int, unitsPerReward: Int,
        honestThreshold: Double, background: [String], parameters: StrategyParameters,
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
            knobs: knobs, unitsPerReward: unitsPerReward,
            allocationSeed: noiseSeed ^ 0xA110_CA7E)
    }

    /// A short description: `n=10 m=200 |C|=10 R=32`.
    public var shape: String { "n=\(workers) m=\(samples) |C|=\(classes) R=\(replications)" }
}


/// Where a campaign's workers' predictions come from (`--workers`).
public enum WorkerSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// A seeded confusion-matrix model (`SyntheticModel`).
    case synthetic
    /// Real predictions of models trained on real data (the prediction bank of `simulate`);
    /// each replication draws its m public samples from X_pub.
    case bank
    /// `bank`, plus distillation after settlement (`distillation-helps-honest`).
    case pipeline
}

/// Real predictions on X_pub for every seat, shared by every case of a campaign.
public final class BankModels: Hashable, Sendable {
    /// The BLAS threads the models are trained with: always 1, so that the models (and every
    /// finding on them) do not depend on `--threads` or on the machine's core count.
    public static let blasThreads = 1

    /// One entry per seat, each over every public sample.
    public let predictions: [LocalPredictions]
    /// The true class of every public sample.
    public let publicLabels: [UInt8]

    public init(predictions: [LocalPredictions], publicLabels: [UInt8]) {
        precondition(predictions.allSatisfy { $0.samples == publicLabels.count }, "BankModels: one prediction per public sample")
        self.predictions = predictions
        self.publicLabels = publicLabels
    }

    public static func == (a: BankModels, b: BankModels) -> Bool {
        a.predictions == b.predictions && a.publicLabels == b.publicLabels
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(publicLabels)
    }
}
