/// The rewards of one sweep of `[sweeps]`: the same trained models' predictions settled again
/// at every point (a beta, a certainty threshold, a strategy mix), as plain data for charts and
/// JSON.
///
/// Rewards are the PTSFD rewards of Eq. 2 (lambda applied) of one round settled by the
/// contract; `reports` counts the samples each worker reported.
public struct SweepResult: Codable, Equatable, Sendable {
    /// What a sweep varies.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// beta x certainty threshold, with the spec's own strategies (Witt et al., Fig. 6).
        case betaThreshold = "beta-threshold"
        /// beta x the fraction of heuristic workers, the rest honest (Fig. 8).
        case heuristicFraction = "heuristic-fraction"
        /// beta x the fraction of colluding workers, the rest honest (Fig. 7).
        case colludingFraction = "colluding-fraction"

        /// The strategy whose fraction the sweep varies, `nil` for the beta x threshold grid.
        public var sweptStrategy: String? {
            switch self {
            case .betaThreshold: nil
            case .heuristicFraction: "heuristic"
            case .colludingFraction: "colluding"
            }
        }
    }

    /// One settled point.
    public struct Point: Codable, Equatable, Sendable {
        /// beta of the settlement.
        public var beta: Double
        /// The certainty threshold the honest and colluding workers reported with.
        public var certaintyThreshold: Double
        /// The fraction of the swept strategy (`nil` in the beta x threshold grid).
        public var fraction: Double?
        /// Each worker's strategy, in worker order.
        public var strategies: [String]
        /// Each worker's reward (0 when it was not paid).
        public var rewards: [Double]
        /// The samples each worker reported.
        public var reports: [Int]

        /// A point from its parts.
        public init(beta: Double, certaintyThreshold: Double, fraction: Double?, strategies: [String],
                    rewards: [Double], reports: [Int]) {
            self.beta = beta
            self.certaintyThreshold = certaintyThreshold
            self.fraction = fraction
            self.strategies = strategies
            self.rewards = rewards
            self.reports = reports
        }

        /// The mean reward of the workers following `strategy`, `nil` when there are none.
        public func meanReward(of strategy: String) -> Double? {
            let rs = strategies.indices.filter { strategies[$0] == strategy }.map { rewards[$0] }
            return rs.isEmpty ? nil : rs.reduce(0, +) / Double(rs.count)
        }

        /// The reward of the workers following `strategy` per sample they reported,
        /// `sum reward_i / sum M[i]`; `nil` when they reported nothing.
        public func rewardPerSample(of strategy: String) -> Double? {
            let ws = strategies.indices.filter { strategies[$0] == strategy }
            let samples = ws.reduce(0) { $0 + reports[$1] }
            return samples == 0 ? nil : ws.reduce(0) { $0 + rewards[$1] } / Double(samples)
        }
    }

    /// What the sweep varies.
    public var kind: Kind
    /// The seed of the heuristic workers' labels and the salts.
    public var seed: UInt64
    /// lambda of the settled round (the first of the lambda schedule).
    public var lambda: Double
    /// m = |X_pub|.
    public var publicSamples: Int
    /// Every point, beta outermost, in the order of `[sweeps]`.
    public var points: [Point]
    /// Wall-clock seconds of the sweep (reports and settlements; no training).
    public var seconds: Double

    /// A sweep result from its parts.
    public init(kind: Kind, seed: UInt64, lambda: Double, publicSamples: Int, points: [Point], seconds: Double) {
        self.kind = kind
        self.seed = seed
        self.lambda = lambda
        self.publicSamples = publicSamples
        self.points = points
        self.seconds = seconds
    }
}
