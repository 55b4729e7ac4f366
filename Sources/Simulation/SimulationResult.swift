/// Everything a simulation produced, as plain data for tables, JSON and later reports.
///
/// Accuracies are fractions in [0, 1]; money is in the contract's integer units; `reward` is
/// the PTSFD reward of Eq. 2 summed over rounds (lambda applied), `net` the units credited
/// minus the deposits paid.
public struct SimulationResult: Codable, Equatable, Sendable {
    /// The spec's name.
    public var spec: String
    /// The spec file.
    public var specPath: String
    /// The command line that reproduces the run.
    public var command: String
    /// The seed of the data split.
    public var dataSeed: UInt64
    /// The seed of training, reports and salts.
    public var trainingSeed: UInt64
    /// The OpenBLAS thread count (results are bit-identical for a seed and thread count).
    public var blasThreads: Int
    /// The OpenBLAS kernel in use, when known.
    public var blasCoreType: String?
    /// m = |X_pub|.
    public var publicSamples: Int
    /// The test images accuracy is measured on.
    public var testSamples: Int
    /// One entry per worker, in worker order.
    public var workers: [WorkerResult]
    /// One entry per round, in order.
    public var rounds: [RoundResult]
    /// Wall-clock seconds per phase.
    public var timings: Timings

    /// One worker's run.
    public struct WorkerResult: Codable, Equatable, Sendable {
        /// The worker's index.
        public var worker: Int
        /// Its strategy's name.
        public var strategy: String
        /// Its architecture, or `nil` when it trains no model.
        public var architecture: String?
        /// |X_priv| (used only by workers that train).
        public var privateSize: Int
        /// The local epochs run.
        public var epochs: Int
        /// Accuracy on its own private data after local training (Accuracy_θi of Eq. 5).
        public var localAccuracy: Double?
        /// Test accuracy after local training, before any distillation.
        public var accuracyBefore: Double?
        /// Test accuracy after the last round's distillation.
        public var accuracyAfter: Double?
        /// Samples reported, summed over rounds.
        public var reports: Int
        /// The PTSFD reward summed over rounds (0 for rounds it was not paid in).
        public var reward: Double
        /// Units credited minus deposits paid, over all rounds.
        public var net: Int
        /// Keccak-256 of the locally trained weights, when it trains.
        public var weightDigest: String?
        /// Whether the trained model came from the prediction bank.
        public var fromBank: Bool
    }

    /// One settled round.
    public struct RoundResult: Codable, Equatable, Sendable {
        /// The 0-based round.
        public var round: Int
        /// lambda of the round.
        public var lambda: Double
        /// Public samples with an aggregated label.
        public var labelled: Int
        /// The fraction of those whose aggregated label is the true label.
        public var aggregatedAccuracy: Double
        /// Samples each worker reported.
        public var reports: [Int]
        /// Each worker's reward (0 when it was not paid).
        public var rewards: [Double]
        /// Each worker's payout in units (deposit refund included; 0 when slashed).
        public var payouts: [Int]
        /// The workers slashed in the round.
        public var slashed: [Int]
        /// Test accuracy of each worker after the round's distillation (`nil`: no model).
        public var accuracyAfter: [Double?]
        /// Wall-clock seconds of reporting, settling and distilling.
        public var seconds: Double
    }

    /// Wall-clock seconds per phase.
    public struct Timings: Codable, Equatable, Sendable {
        /// Reading and splitting the data.
        public var loading: Double
        /// Local training (or reading the bank).
        public var training: Double
        /// All rounds: reports, contract, distillation, evaluation.
        public var rounds: Double
        /// The whole run.
        public var total: Double
    }
}
