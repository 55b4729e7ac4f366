import Solver

/// `collusion-unprofitable` (Witt et al., Eq. 11): a coalition holding a fraction f of the
/// workers maps classes through g onto fewer reported classes; no member earns more than by
/// truthful reporting, once R reflects the coalition's reports.
///
/// With honest outsiders, a member that observes x reports g(x) and matches a colluding peer
/// when that peer's observation z has g(z) = g(x), an honest peer when it reports g(x):
/// ```
/// R_col(y)  = f * sum_{z: g(z) = y} R(z) + (1 - f) * R(y)
/// E_col     = sum_x [ f * sum_{z: g(z) = g(x)} joint(x, z) + (1 - f) * joint(x, g(x)) ]
///                   / (rho R_col(g(x)))  -  beta
/// E_honest  = sum_x joint(x, x) / (rho R(x)) - beta
/// ```
/// claiming `E_col <= E_honest` for every f in `federation.coalition`, beta and accuracy. The
/// maps checked: every merge of one class into another (x -> y), and the paper's example of
/// section 3.3 generalised, the first half of the classes onto the first class and the rest
/// onto the last. With heterogeneous workers (`BeliefModel+Workers.swift`) the colluding and
/// the honest peers are both drawn from the checked worker's peer mixture.
struct CollusionClaim: MeasuredClaim {
    let setting: PTSFDSetting
    let map: [Int]
    let mapName: String

    var labels: [(name: String, value: String)] { setting.workerLabels + [("class_map", mapName)] }

    var variables: [Variable] {
        setting.beliefs.variables + [setting.beta, setting.coalition]
    }

    private var offset: Int { setting.beliefs.variables.count }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        setting.beliefs.positivity(a, v)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        a.lessOrEqual(colludingReward(a, v), setting.honestReward(a, v, beta: v[offset]))
    }

    /// `coalition_payoff` (a member's E_col), `honest_payoff` (E_honest) and `collusion_gain`,
    /// their difference (at most 0 when collusion does not pay).
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] {
        let colluding = colludingReward(a, v), honest = setting.honestReward(a, v, beta: v[offset])
        return [
            PropertyValue("collusion_gain", colluding - honest),
            PropertyValue("coalition_payoff", colluding), PropertyValue("honest_payoff", honest),
        ]
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational {
        setting.honestReward(a, v, beta: v[offset]) - colludingReward(a, v)
    }

    /// A coalition member's expected per-sample reward before lambda, E_col.
    func colludingReward<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        let b = setting.beliefs, c = setting.classes
        let beta = v[offset], f = v[offset + 1]
        let honestShare = a.subtract(a.constant(1), f)
        func colludingPrior(_ y: Int) -> A.Number {
            let merged = a.sum((0 ..< c).filter { map[$0] == y }.map { b.reportPrior(a, v, $0) })
            return a.add(a.multiply(f, merged), a.multiply(honestShare, b.reportPrior(a, v, y)))
        }
        let colluding = a.sum((0 ..< c).map { x in
            let y = map[x]
            let withColluders = a.sum((0 ..< c).filter { map[$0] == y }.map { b.joint(a, v, x, $0) })
            let matched = a.add(a.multiply(f, withColluders), a.multiply(honestShare, b.joint(a, v, x, y)))
            return a.divide(matched, a.multiply(setting.rho(a, v), colludingPrior(y)))
        })
        return a.subtract(colluding, beta)
    }

    static func all(_ setting: PTSFDSetting) -> [CollusionClaim] {
        let c = setting.classes
        var claims: [CollusionClaim] = []
        let half = (c + 1) / 2
        let halves = (0 ..< c).map { $0 < half ? 0 : c - 1 }
        claims.append(CollusionClaim(setting: setting, map: halves, mapName: "0-\(half - 1) -> 0, \(half)-\(c - 1) -> \(c - 1)"))
        // Every merge x -> y, one per orbit of the classes' symmetry (BeliefModel+Symmetry).
        for (x, y) in setting.beliefs.representativePairs {
            var map = Array(0 ..< c)
            map[x] = y
            claims.append(CollusionClaim(setting: setting, map: map, mapName: "\(x) -> \(y)"))
        }
        return claims
    }
}
