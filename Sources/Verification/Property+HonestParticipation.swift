import Solver

/// `honest-participation` (Witt et al., Eq. 4 and 6-7): an honest worker with the spec's
/// accuracy makes a positive profit over a round, net of its costs,
/// ```
/// Pi = m * (lambda * E_honest - c(e_1)) - c_fix  >  0
/// ```
/// for every parameter in range (individual rationality: a worker does not participate if
/// Pi <= 0). With no costs (the papers' setting) this is `lambda * E_honest > 0`.
///
/// Eq. 7 gives the minimum certainty that makes one report worthwhile:
/// `A_ij >= rho R(x) (beta + c(e_1) / lambda)`; the verifier reports its largest value over the
/// classes and ranges (`Verifier.minimumCertainty`).
struct HonestParticipationClaim: MeasuredClaim {
    let setting: PTSFDSetting
    let costs: PTSFDCosts

    var labels: [(name: String, value: String)] { setting.workerLabels }

    var variables: [Variable] {
        setting.beliefs.variables + [setting.beta, setting.lambda, costs.effortHigh, costs.fixed, costs.samples]
    }

    private var offset: Int { setting.beliefs.variables.count }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        setting.beliefs.positivity(a, v)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        a.less(a.constant(0), profit(a, v))
    }

    /// `lambda * E_honest`, the honest worker's expected per-sample reward.
    func payoff<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        a.multiply(v[offset + 1], setting.honestReward(a, v, beta: v[offset]))
    }

    /// `m * (lambda * E_honest - c(e_1)) - c_fix`, the round's expected profit.
    func profit<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        let (cost, fixed, m) = (v[offset + 2], v[offset + 3], v[offset + 4])
        return a.subtract(a.multiply(m, a.subtract(payoff(a, v), cost)), fixed)
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational { profit(a, v) }

    /// `honest_profit`, the round's profit net of costs (positive when participation pays);
    /// `honest_payoff`, lambda * E_honest per sample before costs.
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] {
        [PropertyValue("honest_profit", profit(a, v)), PropertyValue("honest_payoff", payoff(a, v))]
    }
}
