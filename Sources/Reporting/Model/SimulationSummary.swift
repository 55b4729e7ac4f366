import Simulation

/// What `simulate` showed for one spec, by strategy: the rows a reviewer compares (honest
/// workers should out-earn the others, and their test accuracy should rise).
public struct SimulationSummary: Hashable, Sendable, Codable {
    public var rounds: Int
    /// One group per strategy, in the order the strategies first appear among the workers.
    public var groups: [Group]

    public struct Group: Hashable, Sendable, Codable {
        public var strategy: String
        public var workers: Int
        public var meanReward: Double
        /// Mean net payout in units.
        public var meanNet: Double
        /// Mean test accuracy before and after distillation, of the workers that trained.
        public var accuracyBefore: Double?
        public var accuracyAfter: Double?

        enum CodingKeys: String, CodingKey {
            case strategy, workers
            case meanReward = "mean_reward", meanNet = "mean_net"
            case accuracyBefore = "accuracy_before", accuracyAfter = "accuracy_after"
        }

        public init(
            strategy: String, workers: Int, meanReward: Double, meanNet: Double,
            accuracyBefore: Double? = nil, accuracyAfter: Double? = nil
        ) {
            self.strategy = strategy
            self.workers = workers
            self.meanReward = meanReward
            self.meanNet = meanNet
            self.accuracyBefore = accuracyBefore
            self.accuracyAfter = accuracyAfter
        }
    }

    public init(rounds: Int, groups: [Group]) {
        self.rounds = rounds
        self.groups = groups
    }

    /// The summary of a simulation's result.
    public init(_ result: SimulationResult) {
        var order: [String] = []
        for w in result.workers where !order.contains(w.strategy) { order.append(w.strategy) }
        func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
        self.init(rounds: result.rounds.count, groups: order.map { strategy in
            let ws = result.workers.filter { $0.strategy == strategy }
            return Group(
                strategy: strategy, workers: ws.count, meanReward: mean(ws.map(\.reward)) ?? 0,
                meanNet: mean(ws.map { Double($0.net) }) ?? 0,
                accuracyBefore: mean(ws.compactMap(\.accuracyBefore)), accuracyAfter: mean(ws.compactMap(\.accuracyAfter)))
        })
    }
}
