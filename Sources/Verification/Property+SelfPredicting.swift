import Solver

/// `self-predicting` (Witt et al., Eq. 10 and Appendix A): for every observed x and y != x,
/// ```
/// P(x | x) / R(x)  >  P(y | x) / R(y)
/// ```
/// Multiplied by `P_w(x) R(x) R(y) > 0`: `joint(x, x) R(y) > joint(x, y) R(x)`. One claim per
/// (x, y); a counterexample names the observed class and the more profitable misreport.
struct SelfPredictingClaim: MeasuredClaim {
    let setting: PTSFDSetting
    let observed: Int
    let reported: Int

    var labels: [(name: String, value: String)] {
        setting.workerLabels + [("observed", "\(observed)"), ("misreport", "\(reported)")]
    }

    var variables: [Variable] { setting.beliefs.variables }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        setting.beliefs.positivity(a, v)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        let b = setting.beliefs
        let truthful = a.multiply(b.joint(a, v, observed, observed), b.reportPrior(a, v, reported))
        let misreport = a.multiply(b.joint(a, v, observed, reported), b.reportPrior(a, v, observed))
        return a.greater(truthful, misreport)
    }

    /// `truthful_score` P(x | x) / R(x) and `misreport_score` P(y | x) / R(y) (Eq. 10), and
    /// their difference `score_margin`, which must be positive.
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] {
        let (truthful, misreport) = scores(a, v)
        return [
            PropertyValue("score_margin", truthful - misreport),
            PropertyValue("truthful_score", truthful), PropertyValue("misreport_score", misreport),
        ]
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational {
        let (truthful, misreport) = scores(a, v)
        return truthful - misreport
    }

    func scores(_ a: ExactAlgebra, _ v: [Rational]) -> (truthful: Rational, misreport: Rational) {
        let b = setting.beliefs, x = observed, y = reported
        let own = b.ownMarginal(a, v, x)
        return (
            a.divide(a.divide(b.joint(a, v, x, x), own), b.reportPrior(a, v, x)),
            a.divide(a.divide(b.joint(a, v, x, y), own), b.reportPrior(a, v, y)))
    }

    static func all(_ setting: PTSFDSetting) -> [SelfPredictingClaim] {
        // Every pair (x, y), one per orbit of the classes' symmetry (BeliefModel+Symmetry).
        setting.beliefs.representativePairs.map { SelfPredictingClaim(setting: setting, observed: $0.x, reported: $0.y) }
    }
}
