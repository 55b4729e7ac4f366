import Solver

/// `heuristic-payoff-identity` and `heuristic-unprofitable` (Witt et al., Eq. 8).
///
/// A heuristic worker reports y with probability q(y), independently of the sample; an honest
/// peer reports y with probability R(y). Its expected per-sample reward (before lambda) is
/// ```
/// E(q) = sum_y q(y) * R(y) / (rho R(y)) - beta
/// ```
/// The identity claims `E(q) = 1 - beta` for every distribution q; unprofitability claims
/// `E(q) <= 0`. Both range over q, beta and the beliefs' accuracies.
struct HeuristicPayoffClaim: MeasuredClaim {
    enum Statement { case identity, unprofitable }
    let setting: PTSFDSetting
    let statement: Statement

    var labels: [(name: String, value: String)] { setting.workerLabels }

    var variables: [Variable] {
        setting.beliefs.variables + [setting.beta]
            + (0 ..< setting.classes).map { Variable("q\($0)", 0, 1) }
    }

    private var offset: Int { setting.beliefs.variables.count }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        let q = Array(v[(offset + 1)...])
        return setting.beliefs.positivity(a, v) + [a.equal(a.sum(q), a.constant(1))]
    }

    func expected<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        let beta = v[offset]
        let q = Array(v[(offset + 1)...])
        let matched = a.sum((0 ..< setting.classes).map { y in
            a.multiply(q[y], a.multiply(setting.beliefs.reportPrior(a, v, y), setting.matchReward(a, v, y)))
        })
        return a.subtract(matched, beta)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        let e = expected(a, v)
        switch statement {
        case .identity: return a.equal(e, a.subtract(a.constant(1), v[offset]))
        case .unprofitable: return a.lessOrEqual(e, a.constant(0))
        }
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational {
        let e = expected(a, v)
        switch statement {
        case .identity:
            let gap = e - (1 - v[offset])
            return gap < 0 ? gap : -gap
        case .unprofitable: return -e
        }
    }

    /// `heuristic_payoff` E(q) (= 1 / rho - beta); `honest_payoff` at the same point; for the
    /// identity, its right-hand side `identity_payoff` = 1 - beta; `rho`, the normalisation
    /// factor of the checked worker (PTSFDSetting).
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] {
        var values = [PropertyValue("heuristic_payoff", expected(a, v))]
        if statement == .identity { values.append(PropertyValue("identity_payoff", 1 - v[offset])) }
        values.append(PropertyValue("honest_payoff", setting.honestReward(a, v, beta: v[offset])))
        values.append(PropertyValue("rho", setting.rho(a, v)))
        return values
    }

    /// The corners of the accuracy and beta ranges, each with every pure report q = e_y (E is
    /// linear in q, so a pure q is extreme).
    var witnessPoints: [[Rational]] {
        Self.corners(of: setting.beliefs.variables + [setting.beta], thenPureDistributionsOf: setting.classes)
    }
}
