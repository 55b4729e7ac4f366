import Adversary
import Mechanisms
import Specs

/// How a campaign draws its federations (beyond what the spec fixes).
public struct FederationRanges: Hashable, Sendable {
    /// m, the public samples per round.
    public var samples: ClosedRange<Int>
    /// R, the replications of every paired comparison.
    public var replications: Int
    /// The chance that a background seat plays `honest` rather than a catalogue strategy.
    public var honestShare: Double

    /// 50 ... 300 samples, 32 replications, 70% honest background.
    public static let standard = FederationRanges(samples: 50 ... 300, replications: 32, honestShare: 0.7)

    public init(samples: ClosedRange<Int>, replications: Int, honestShare: Double) {
        self.samples = samples
        self.replications = replications
        self.honestShare = honestShare
    }
}

extension Federation {
    /// A federation drawn within `spec`'s ranges from `generator` (one case's stream).
    ///
    /// n, |C|, the prior, the deposit, units and knobs are the spec's; each seat's accuracy is
    /// drawn uniformly from `federation.accuracy` (or is the spec's per-worker value); beta and
    /// lambda (the first entry of the lambda schedule) uniformly from their ranges; m from
    /// `ranges.samples`. Background seats play `honest` with probability `ranges.honestShare`
    /// and otherwise a strategy drawn uniformly from `allowed` (the spec's `[strategies]`
    /// names, or the whole catalogue). The attack parameters are drawn too: a misreport map, a
    /// certainty threshold in [0.3, 0.8), a padding rate in [0.25, 1], random or unsure padding,
    /// 2 ... 4 sybil identities, the lie, the out-of-protocol move.
    ///
    /// With `models` (the `bank` source) each seat's accuracy is its real model's local
    /// accuracy and m is at most |X_pub|.
    public static func draw(
        spec: Spec, ranges: FederationRanges, allowed: [String], models: BankModels? = nil,
        using g: inout SplitMix64
    ) -> Federation {
        let n = spec.federation.workers, classes = spec.federation.classes
        func uniform(_ p: Parameter) -> Double {
            p.lowerBound + (p.upperBound - p.lowerBound) * Sampling.unit(using: &g)
        }
        let accuracy = spec.federation.accuracy.parameters(workers: n).map { uniform($0) }
        let beta = uniform(spec.mechanism.beta)
        let lambda = uniform(spec.contract.lambdaSchedule.first ?? spec.mechanism.lambda)
        var samples = Sampling.integer(in: ranges.samples, using: &g)
        let background = (0 ..< n).map { _ -> String in
            if Sampling.unit(using: &g) < ranges.honestShare || allowed.isEmpty { return HonestStrategy.name }
            return allowed[Int(Sampling.below(UInt64(allowed.count), using: &g))]
        }
        let strategies = spec.simulation?.strategies
        let heuristic = strategies?.parameters.heuristicLabels
            ?? [Double](repeating: 1 / Double(classes), count: classes)
        let collusion = strategies?.parameters.collusionMap
            ?? Spec.Simulation.Strategies.paperCollusionMap(classes: classes)
        var misreport = Array(0 ..< classes)
        for k in stride(from: classes - 1, to: 0, by: -1) {
            misreport.swapAt(k, Int(Sampling.below(UInt64(k + 1), using: &g)))
        }
        let lies = LabelCountLie.allCases, moves = OutOfProtocolMove.allCases
        let parameters = StrategyParameters(
            classes: classes, heuristicLabels: heuristic, collusionMap: collusion,
            misreportMap: misreport,
            certaintyThreshold: 0.3 + 0.5 * Sampling.unit(using: &g),
            paddingRate: 0.25 + 0.75 * Sampling.unit(using: &g),
            paddingRandom: Sampling.below(2, using: &g) == 1,
            sybilIdentities: Sampling.integer(in: 2 ... 4, using: &g),
            copyTarget: Int(Sampling.below(UInt64(n), using: &g)),
            labelCountLie: lies[Int(Sampling.below(UInt64(lies.count), using: &g))],
            outOfProtocolMove: moves[Int(Sampling.below(UInt64(moves.count), using: &g))])
        if let models { samples = min(samples, models.publicLabels.count) }
        var federation = Federation(
            workers: n, samples: samples, classes: classes,
            prior: spec.federation.prior.probabilities(classes: classes), accuracy: accuracy,
            beta: beta, lambda: lambda, knobs: spec.knobs,
            deposit: spec.mechanism.deposit, unitsPerReward: spec.contract.unitsPerReward,
            honestThreshold: spec.simulation?.training.certaintyThreshold ?? 0,
            background: background, parameters: parameters,
            replications: ranges.replications, noiseSeed: g.next())
        if let models {
            federation.accuracy = models.predictions.map(\.accuracy)
            federation.source = .bank
            federation.models = models
        }
        return federation
    }
}
