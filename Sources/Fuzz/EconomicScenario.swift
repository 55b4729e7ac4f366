import Adversary
import Mechanisms
import Simulation

/// A paired comparison: the worlds a property plays in every replication, and how the gain
/// of each comparison is read off their outcomes.
public struct EconomicScenario: Sendable {
    /// One comparison between worlds.
    public struct Comparison: Sendable {
        /// What is compared, in words: `seat 3: heuristic vs honest`.
        public var label: String
        /// How the gains are judged.
        public var rule: PairedTest.Rule
        /// The gain of one replication from the outcomes of every world (in world order).
        public var gain: @Sendable ([RoundOutcome]) -> Double
        /// Gains this close to 0 count as 0 (0 for integer units; rewards recomputed in another
        /// summation order need about 1e-9).
        public var tolerance: Double = 0
    }

    /// The worlds, each one plan per seat; world 0 is the reference.
    public var worlds: [[SeatPlan]]
    /// The comparisons judged on them.
    public var comparisons: [Comparison]
}

/// What a property's judgment on one federation found.
public struct ScenarioVerdict: Sendable, Hashable, Codable {
    /// The comparison that decides: the violated one, or else the one closest to violation.
    public var label: String
    /// The test of that comparison.
    public var test: PairedTest
    /// Whether any comparison was violated.
    public var violated: Bool
}

extension EconomicScenario {
    /// Plays every world of every replication and judges each comparison.
    /// - Throws: `EconomicRound.Defect` when the contract refuses a protocol transaction or
    ///   accepts an out-of-protocol one.
    public func judge(_ f: Federation, confidence: Double) throws -> ScenarioVerdict {
        try judgeWithMeans(f, confidence: confidence).verdict
    }

    /// `judge`, plus each world's mean net payout per seat over the replications (what the
    /// equilibrium report shows of a profile, without playing it again).
    func judgeWithMeans(_ f: Federation, confidence: Double) throws
        -> (verdict: ScenarioVerdict, meanNet: [[Double]])
    {
        var gains = [[Double]](repeating: [], count: comparisons.count)
        var totals = [[Double]](repeating: [Double](repeating: 0, count: f.workers), count: worlds.count)
        for r in 0 ..< f.replications {
            let noise = ReplicationNoise(federation: f, replication: r)
            let memo = CommitmentMemo()
            var outcomes: [RoundOutcome] = []
            outcomes.reserveCapacity(worlds.count)
            for world in worlds {
                let world = EconomicProperty.sanitized(world)
                let outcome = try EconomicRound.play(f, seats: world, noise: noise, memo: memo)
                for seat in 0 ..< f.workers { totals[outcomes.count][seat] += Double(outcome.net[seat]) }
                outcomes.append(outcome)
            }
            for (k, comparison) in comparisons.enumerated() {
                gains[k].append(comparison.gain(outcomes))
            }
        }
        var best: ScenarioVerdict? = nil
        for (k, comparison) in comparisons.enumerated() {
            let test = PairedTest(
                gains: gains[k], rule: comparison.rule, confidence: confidence,
                tolerance: comparison.tolerance)
            let verdict = ScenarioVerdict(
                label: comparison.label, test: test, violated: test.violated)
            guard let current = best else {
                best = verdict
                continue
            }
            if (verdict.violated && !current.violated)
                || (verdict.violated == current.violated && verdict.test.lowerBound > current.test.lowerBound)
            {
                best = verdict
            }
        }
        guard let verdict = best else { preconditionFailure("EconomicScenario: no comparison") }
        let r = Double(f.replications)
        return (verdict, totals.map { $0.map { $0 / r } })
    }
}
