import Solver

/// `honest-participation` (Witt et al., Eq. 6-7): an honest worker with the spec's accuracy has
/// a positive expected reward, `lambda * E_honest > 0`, for every parameter in range
/// (individual rationality with no variable cost).
///
/// Eq. 7 with `c_i(e_i) = 0` gives the minimum certainty that makes one report worthwhile:
/// `A_ij >= rho R(x) beta`; the verifier reports its largest value over the classes and ranges.
struct HonestParticipationClaim: MeasuredClaim {
    let setting: PTSFDSetting

    var labels: [(name: String, value: String)] { [] }

    var variables: [Variable] { setting.beliefs.variables + [setting.beta, setting.lambda] }

    private var offset: Int { setting.beliefs.variables.count }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        setting.beliefs.positivity(a, v)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        a.less(a.constant(0), payoff(a, v))
    }

    /// `lambda * E_honest`, the honest worker's expected per-sample payoff.
    func payoff<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        a.multiply(v[offset + 1], setting.honestReward(a, v, beta: v[offset]))
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational { payoff(a, v) }

    /// `honest_payoff`, lambda * E_honest (positive when participation pays).
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] {
        [PropertyValue("honest_payoff", payoff(a, v))]
    }
}
