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
struct TruthfulBestResponseClaim: Claim {
    let setting: PTSFDSetting
    let observed: Int

    var labels: [(name: String, value: String)] { [("observed", "\(observed)")] }

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
        let sigma = Array(v[(offset + 1)...])
        let deviation = a.sum((0 ..< setting.classes).map { y in a.multiply(sigma[y], payoff(a, v, y)) })
        return a.lessOrEqual(deviation, payoff(a, v, observed))
    }

    static func all(_ setting: PTSFDSetting) -> [TruthfulBestResponseClaim] {
        // Every observed class, one per orbit of the classes' symmetry (BeliefModel+Symmetry).
        setting.beliefs.representativeClasses.map { TruthfulBestResponseClaim(setting: setting, observed: $0) }
    }
}
