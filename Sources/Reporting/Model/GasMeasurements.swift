/// The gas `scripts/bench-gas` measured for `contracts/ptsfd.vy` on py-evm
/// (`reports/gas/gas.json`): the part the report draws.
///
/// The bench fits settle gas to `a + b*m + c*m*n` and the first reveal of Y to `a + b*m` by
/// least squares over its ladders of n, m and |C|; ``settleGas(workers:samples:)`` and
/// ``revealGas(samples:)`` evaluate those fits, ``largestSamples(workers:phase:)`` inverts
/// them against the block gas limit.
public struct GasMeasurements: Hashable, Sendable, Codable {
    /// The least-squares fits of the bench.
    public struct Fit: Hashable, Sendable, Codable {
        public var settleFixed: Double
        public var settlePerSample: Double
        public var settlePerSampleWorker: Double
        public var revealFixed: Double
        public var revealPerSample: Double

        enum CodingKeys: String, CodingKey {
            case settleFixed = "settle_fixed", settlePerSample = "settle_per_sample"
            case settlePerSampleWorker = "settle_per_sample_worker"
            case revealFixed = "reveal_fixed", revealPerSample = "reveal_per_sample"
        }
    }

    /// One measured PTSFD round of the ladder (gas per transaction of each phase).
    public struct Round: Hashable, Sendable, Codable {
        public var n: Int
        public var m: Int
        public var classes: Int
        public var reveal: Double
        public var settle: Double
    }

    /// The paper's setting (n = 10, m = 40,000, |C| = 10), measured in one transaction per phase.
    public struct PaperSetting: Hashable, Sendable, Codable {
        public var n: Int
        public var m: Int
        public var classes: Int
        /// The first reveal of Y (fresh storage).
        public var reveal: Double
        /// `settle(round)` in one transaction.
        public var settle: Double

        enum CodingKeys: String, CodingKey {
            case n, m, classes, reveal = "reveal_first_round", settle = "settle_unchunked"
        }
    }

    /// The phase a block limit is asked about.
    public enum Phase: String, Sendable, CaseIterable {
        /// The first reveal of Y in one transaction (fresh storage).
        case reveal
        /// `settle(round)` in one transaction.
        case settle
    }

    /// The gas limit of a block (30,000,000).
    public var blockGasLimit: Int
    /// The chain the gas was measured on.
    public var chain: String
    /// The compiler.
    public var compiler: String
    /// The measured rounds.
    public var rounds: [Round]
    /// The fits.
    public var fit: Fit
    /// The paper's setting, when the bench measured it.
    public var paperSetting: PaperSetting?

    enum CodingKeys: String, CodingKey {
        case blockGasLimit = "block_gas_limit", chain, compiler, rounds = "ptsfd_grid", fit
        case paperSetting = "paper_setting"
    }

    /// Every measured round, the paper's setting included.
    public var measured: [Round] {
        rounds + (paperSetting.map { [Round(n: $0.n, m: $0.m, classes: $0.classes, reveal: $0.reveal, settle: $0.settle)] } ?? [])
    }

    /// The fitted gas of `settle(round)` for n settling workers and m samples.
    public func settleGas(workers n: Int, samples m: Int) -> Double {
        fit.settleFixed + fit.settlePerSample * Double(m) + fit.settlePerSampleWorker * Double(m) * Double(n)
    }

    /// The fitted gas of a first reveal of m labels.
    public func revealGas(samples m: Int) -> Double {
        fit.revealFixed + fit.revealPerSample * Double(m)
    }

    /// The largest m whose fitted gas for `phase` fits one block (0 when not even one sample does).
    public func largestSamples(workers n: Int, phase: Phase) -> Int {
        let (fixed, perSample): (Double, Double) = switch phase {
        case .reveal: (fit.revealFixed, fit.revealPerSample)
        case .settle: (fit.settleFixed, fit.settlePerSample + fit.settlePerSampleWorker * Double(n))
        }
        guard perSample > 0 else { return .max }
        return max(0, Int(((Double(blockGasLimit) - fixed) / perSample).rounded(.down)))
    }
}
