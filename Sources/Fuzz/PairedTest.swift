/// The decision behind every economic property: a paired comparison over R replications.
///
/// Each replication gives one gain `g_r`: the deviating party's payoff minus its payoff in the
/// same federation with the same noise when it plays honestly. The property says the deviation
/// does not pay (mean gain <= 0). It is judged **violated** when a one-sided test rejects that
/// at the stated confidence:
/// ```
/// lower = mean(g) - t_{confidence, R-1} * sd(g) / sqrt(R)   >   0
/// ```
/// so a violation is reported only with that confidence, and a deviation that merely ties
/// honest play is not one. Gains within `tolerance` of 0 count as 0 (rewards summed in another
/// order differ by rounding, about 1e-15). `exact` properties (deterministic claims such as "a labelCount
/// cannot change another worker's payout") are violated by any single positive gain.
public struct PairedTest: Hashable, Sendable, Codable {
    /// How the gains are judged.
    public enum Rule: String, Hashable, Sendable, Codable {
        /// One-sided t-test on the mean gain at `confidence`.
        case oneSided = "one-sided"
        /// Any positive gain is a violation.
        case exact
    }

    /// The rule applied.
    public var rule: Rule
    /// Replications, R.
    public var count: Int
    /// The mean gain (the effect size), in the property's payoff unit.
    public var mean: Double
    /// The sample standard deviation of the gains (0 for R = 1).
    public var standardDeviation: Double
    /// The confidence of the one-sided test, e.g. 0.99.
    public var confidence: Double
    /// The one-sided lower confidence bound of the mean gain (`mean` for `exact`).
    public var lowerBound: Double
    /// The largest single gain.
    public var maximum: Double
    /// The verdict: whether the deviation pays.
    public var violated: Bool

    /// Judges `gains` under `rule` at `confidence`.
    /// - Parameters:
    ///   - gains: one gain per replication.
    ///   - rule: one-sided or exact.
    ///   - confidence: of the one-sided test.
    ///   - tolerance: gains with `|g| <= tolerance` count as 0 (default 0).
    /// - Precondition: `gains` is not empty, `0.5 < confidence < 1`.
    public init(gains raw: [Double], rule: Rule, confidence: Double, tolerance: Double = 0) {
        precondition(!raw.isEmpty, "PairedTest: no replications")
        let gains = raw.map { abs($0) <= tolerance ? 0 : $0 }
        precondition(confidence > 0.5 && confidence < 1, "PairedTest: confidence in (0.5, 1)")
        let r = Double(gains.count)
        let mean = gains.reduce(0, +) / r
        let variance =
            gains.count > 1 ? gains.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (r - 1) : 0
        let sd = variance.squareRoot()
        self.rule = rule
        self.count = gains.count
        self.mean = mean
        self.standardDeviation = sd
        self.confidence = confidence
        self.maximum = gains.max()!
        switch rule {
        case .oneSided:
            let t = gains.count > 1 ? StudentT.quantile(confidence, df: r - 1) : .infinity
            let lower = sd == 0 ? mean : mean - t * sd / r.squareRoot()
            self.lowerBound = lower
            self.violated = lower > 0
        case .exact:
            self.lowerBound = mean
            self.violated = maximum > 0
        }
    }
}
