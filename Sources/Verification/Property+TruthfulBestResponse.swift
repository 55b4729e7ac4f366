import Solver

/// `truthful-best-response` (Witt et al., Appendix A): against honest peers, no mapping from
/// observed to reported class, randomised or not, earns more than reporting truthfully.
///
/// A mapping is a row-stochastic sigma(y | x); its expected reward (before lambda) is
/// ```
/// E(sigma) = sum_x sum_y sigma(y|x) * ( joint(x, y) / (rho R(y)) - beta P_w(x) )
/// ```
/// E is a sum of one term per observed x, each depending only on the row sigma(. | x), so
/// `E(sigma) <= E(truthful)` for every sigma exactly when it holds row by row (replace one row of
/// the truthful mapping to see the converse). One claim per x, over every distribution of its
/// row; a counterexample is the observed class and the profitable row.
struct TruthfulBestResponseClaim: MeasuredClaim {
    let setting: PTSFDSetting
    let observed: Int

    var labels: [(name: String, value: String)] { setting.workerLabels + [("observed", "\(observed)")] }

    var variables: [Variable] {
        setting.beliefs.variables + [setting.beta]
            + (0 ..< setting.classes).map { Variable("sigma\($0)", 0, 1) }
    }

    private var offset: Int { setting.beliefs.variables.count }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        setting.beliefs.positivity(a, v) + [a.equal(a.sum(Array(v[(offset + 1)...])), a.constant(1))]
    }

    /// The row's expected reward when observing x and reporting y.
    func payoff<A: Algebra>(_ a: A, _ v: [A.Number], _ y: Int) -> A.Number {
        let b = setting.beliefs, x = observed
        return a.subtract(
            a.multiply(b.joint(a, v, x, y), setting.matchReward(a, v, y)),
            a.multiply(v[offset], b.ownMarginal(a, v, x)))
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        a.lessOrEqual(rowPayoff(a, v), payoff(a, v, observed))
    }

    /// Per sample on which the worker observes x: `truthful_payoff`, `deviation_payoff` of
    /// the row sigma, and `best_response_gain`, their difference (at most 0 when truthful is a
    /// best response).
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] {
        let own = setting.beliefs.ownMarginal(a, v, observed)
        let truthful = a.divide(payoff(a, v, observed), own)
        let deviation = a.divide(rowPayoff(a, v), own)
        return [
            PropertyValue("best_response_gain", deviation - truthful),
            PropertyValue("truthful_payoff", truthful), PropertyValue("deviation_payoff", deviation),
        ]
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational {
        let own = setting.beliefs.ownMarginal(a, v, observed)
        return a.divide(payoff(a, v, observed) - rowPayoff(a, v), own)
    }

    func rowPayoff<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        let sigma = Array(v[(offset + 1)...])
        return a.sum((0 ..< setting.classes).map { y in a.multiply(sigma[y], payoff(a, v, y)) })
    }

    /// The corners of the accuracy and beta ranges, each with every pure misreport y != x (the
    /// row's payoff is linear in sigma, so the best deviation is pure; reporting x itself is no
    /// deviation and would always show a gain of 0).
    var witnessPoints: [[Rational]] {
        let offset = setting.beliefs.variables.count + 1
        return Self.corners(of: setting.beliefs.variables + [setting.beta], thenPureDistributionsOf: setting.classes)
            .filter { $0[offset + observed] == 0 }
    }

    static func all(_ setting: PTSFDSetting) -> [TruthfulBestResponseClaim] {
        // Every observed class, one per orbit of the classes' symmetry (BeliefModel+Symmetry).
        setting.beliefs.representativeClasses.map { TruthfulBestResponseClaim(setting: setting, observed: $0) }
    }
}
