/// The Peer Truth Serum for Federated Distillation (Witt et al., section 3.2, Eq. 2-3 and 13).
///
/// Per sample, worker i is rewarded against the peers p that also reported sample j:
/// ```
/// tau_ij = lambda * ( (1 / n_peers) * sum_p tau0(x_ij, x_pj) - beta )
/// tau0(x, y) = 1 / R_i(x)  if x == y,  0 otherwise
/// reward_i  = sum_j tau_ij                               (Eq. 13: lambda applied once)
/// ```
/// A sample that no peer reported (n_peers = 0) earns nothing and costs nothing: the paper's
/// `1 / n_peers` is undefined there, and a contract must not divide by zero.
public enum PTSFD {}

extension PTSFD {
    /// The reward parameters of one round.
    public struct Parameters: Hashable, Sendable {
        /// beta, the penalty term of Eq. 2.
        public var beta: Double
        /// lambda, the reward scale of Eq. 2 (the round's entry of the lambda schedule).
        public var lambda: Double

        public init(beta: Double = 1, lambda: Double = 1) {
            self.beta = beta
            self.lambda = lambda
        }
    }

    /// The outcome of settling one round: rewards, report counts and aggregated labels.
    public struct Settlement: Hashable, Sendable {
        /// Y_aggr: the aggregated label of each sample, or -1 where no worker reported it
        /// (`argmax` aggregation; the paper's loop leaves such a sample at 0).
        public var labels: [Int]
        /// reward_i = sum_j tau_ij, lambda applied once. May be infinite under the `paper`
        /// label-count policy, where a worker can claim a class nobody else reported.
        public var rewards: [Double]
        /// M[i]: how many samples worker i reported (after peer allocation).
        public var reported: [Int]
        /// The labelCount of every worker that R_i was computed from (reported or recomputed).
        public var labelCounts: [[Int]]

        public init(labels: [Int], rewards: [Double], reported: [Int], labelCounts: [[Int]]) {
            self.labels = labels
            self.rewards = rewards
            self.reported = reported
            self.labelCounts = labelCounts
        }

        /// reward_i / M[i], or 0 for a worker that reported nothing.
        public func meanReward(of worker: Int) -> Double {
            reported[worker] == 0 ? 0 : rewards[worker] / Double(reported[worker])
        }
    }
}
