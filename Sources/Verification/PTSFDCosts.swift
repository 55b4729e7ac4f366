import Solver
import Specs

/// A PTSFD spec's `[costs]` as claim variables (Witt et al., Eq. 4, 6 and 7), kept beside
/// `PTSFDSetting` for the claims that weigh rewards against costs.
///
/// Rewards and costs are in the same units, per sample: an honest worker's profit over a round
/// of m samples is `m * (lambda * E_honest - c(e_1)) - c_fix` (Eq. 4 with Eq. 6 summed over the
/// samples; the utility of the improved model is taken to offset nothing, as in the paper's
/// analysis).
struct PTSFDCosts: Sendable {
    /// c(e_1), per sample.
    let effortHigh: Variable
    /// c(e_0), per sample.
    let effortLow: Variable
    /// c_fix, per round.
    let fixed: Variable
    /// m, the samples of a round (1 when the spec has no fixed cost: m then only scales the profit).
    let samples: Variable
    /// The low-effort worker's accuracy; `nil` for chance, where its observation is independent of
    /// the sample and its report is the heuristic one (Eq. 8).
    let accuracyLow: Variable?

    init(spec: Spec) {
        let costs = spec.costs
        // A spec without [costs] has them all 0: its counterexamples need not say so.
        let given = costs != .none
        effortHigh = Variable("effort_high", costs.effortHigh).reported(given)
        effortLow = Variable("effort_low", costs.effortLow).reported(given)
        fixed = Variable("fixed", costs.fixed).reported(given)
        samples = Variable("samples", costs.samples ?? .value(1)).reported(given)
        accuracyLow = costs.accuracyLow.map { Variable("accuracy_low", $0) }
    }

    /// The largest value of `beta + c(e_1) / lambda` over the spec's ranges, the factor of Eq. 7
    /// (`A >= rho R(x) (beta + c(e_1) / lambda)`): `beta_hi + c_hi / lambda_lo`, or `nil` when it
    /// is unbounded (lambda can be 0 while the effort cost is positive: no certainty makes a
    /// report pay). The factor increases in beta and c and decreases in lambda, and R(x) >= 0
    /// does not depend on them, so the largest certainty is `rho * max_x R(x) * this`.
    func largestCertaintyFactor(beta: Variable, lambda: Variable) -> Rational? {
        if effortHigh.upper == 0 { return beta.upper }
        return lambda.lower == 0 ? nil : beta.upper + effortHigh.upper / lambda.lower
    }
}
