internal import TOMLKit

/// What taking part costs a worker (`[costs]`), the costs both papers set aside.
///
/// PTSFD (Witt et al., Eq. 4, 6 and 7): a worker that exerts high effort e_1 pays
/// `c_i(e_1)` per sample it classifies, low effort e_0 `c_i(e_0)`, and every worker the fixed
/// participation cost `c_fix` per round. Over a round of m samples an honest worker's profit is
/// ```
/// Pi = m * (lambda * E_honest - c(e_1)) - c_fix
/// ```
/// A low-effort worker classifies with `accuracy_low`; by default chance, `1 / |C|` (the
/// paper's e_0, "a random answer without any effort").
///
/// Consensus (Lu, Tang and Wang, section IV, "we will ignore c"): `compute` is c, the cost of
/// producing the result honestly; a worker that sends the true result pays it, one that sends
/// nothing or a junk does not.
///
/// Every cost defaults to 0 (the papers' setting); each is a number or a range.
extension Spec {
    public struct Costs: Hashable, Sendable {
        /// c(e_1), the per-sample cost of high effort (PTSFD).
        public var effortHigh: Parameter
        /// c(e_0), the per-sample cost of low effort (PTSFD).
        public var effortLow: Parameter
        /// c_fix, the fixed participation cost of a round (PTSFD).
        public var fixed: Parameter
        /// m, the samples of a round the fixed cost is spread over (PTSFD); required when
        /// `fixed` can be above 0.
        public var samples: Parameter?
        /// The accuracy of a low-effort worker (PTSFD); `nil` for chance, `1 / |C|`.
        public var accuracyLow: Parameter?
        /// c, the cost of computing the result honestly (consensus).
        public var compute: Parameter

        public init(
            effortHigh: Parameter = .value(0), effortLow: Parameter = .value(0), fixed: Parameter = .value(0),
            samples: Parameter? = nil, accuracyLow: Parameter? = nil, compute: Parameter = .value(0)
        ) {
            self.effortHigh = effortHigh
            self.effortLow = effortLow
            self.fixed = fixed
            self.samples = samples
            self.accuracyLow = accuracyLow
            self.compute = compute
        }

        /// No costs: the papers' setting, and the default.
        public static let none = Costs()
    }

    /// Largest cost of any kind, in the units of the rewards it is weighed against.
    public static let maximumCost = 1_000_000_000_000_000.0
    /// Most samples of a round (`costs.samples`).
    public static let maximumCostSamples = 1_000_000_000.0

    static func decodeCosts(_ t: inout TOMLReader) throws(SpecError) -> Costs {
        var costs = Costs()
        costs.effortHigh = try t.parameter("effort_high") ?? .value(0)
        costs.effortLow = try t.parameter("effort_low") ?? .value(0)
        costs.fixed = try t.parameter("fixed") ?? .value(0)
        costs.samples = try t.parameter("samples")
        costs.accuracyLow = try t.parameter("accuracy_low")
        costs.compute = try t.parameter("compute") ?? .value(0)
        try t.finish()
        return costs
    }

    /// Checks `[costs]`: every cost in 0 ... 10^15, `accuracy_low` in 0 ... 1, `samples` in
    /// 1 ... 10^9 and given when `fixed` can be positive, and each key for its mechanism only
    /// (a consensus spec's effort cost would otherwise be silently ignored).
    func validateCosts(file: String) throws(SpecError) {
        func fail(_ key: String, _ reason: String) -> SpecError { SpecError(file: file, key: "costs.\(key)", reason: reason) }
        func check(_ p: Parameter, _ range: ClosedRange<Double>, _ key: String) throws(SpecError) {
            let ends: [(Double, String)] = switch p {
            case .value(let v): [(v, key)]
            case .range(let min, let max): [(min, key + ".min"), (max, key + ".max")]
            }
            for (v, k) in ends {
                guard v.isFinite else { throw fail(k, "\(v) is not a finite number") }
                guard range.contains(v) else {
                    // The bounds are integers (0, 1, 10^9, 10^15): shown as such.
                    throw fail(k, "\(formatNumber(v)) is out of range (\(Int(range.lowerBound)) ... \(Int(range.upperBound)))")
                }
            }
            guard p.lowerBound <= p.upperBound else { throw fail(key, "range \(p) has min > max") }
        }
        let amounts: [(String, Parameter)] = [
            ("effort_high", costs.effortHigh), ("effort_low", costs.effortLow), ("fixed", costs.fixed),
            ("compute", costs.compute),
        ]
        for (key, p) in amounts { try check(p, 0 ... Self.maximumCost, key) }
        if let a = costs.accuracyLow { try check(a, 0 ... 1, "accuracy_low") }
        if let m = costs.samples {
            try check(m, 1 ... Self.maximumCostSamples, "samples")
            for end in [m.lowerBound, m.upperBound] where end != end.rounded() {
                throw fail("samples", "\(formatNumber(end)) is not a whole number of samples")
            }
        }
        switch mechanism.kind {
        case .ptsfd:
            guard costs.compute == .value(0) else {
                throw fail("compute", "applies to consensus specs only (a PTSFD worker's costs are effort_high, effort_low and fixed)")
            }
            if costs.fixed.upperBound > 0 && costs.samples == nil {
                throw fail("samples", "missing: a fixed cost of \(costs.fixed) is spread over m, the samples of a round (samples = 1000)")
            }
        case .consensus:
            let given: [(String, Bool)] = [
                ("effort_high", costs.effortHigh != .value(0)), ("effort_low", costs.effortLow != .value(0)),
                ("fixed", costs.fixed != .value(0)), ("samples", costs.samples != nil),
                ("accuracy_low", costs.accuracyLow != nil),
            ]
            if let key = given.first(where: \.1)?.0 {
                throw fail(key, "applies to PTSFD specs only (a consensus worker's cost is compute, c)")
            }
        }
    }
}
