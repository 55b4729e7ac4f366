import Mechanisms
import Solver
import Specs

/// What the PTSFD claims need from a spec: beliefs, the parameters as variables, and the
/// normalisation knob as a factor on R.
///
/// In the population limit (every worker reports every sample honestly), line 20 of
/// Algorithm 3 gives `R_i = (G - labelCount_i) / (n * M[i]) = R * (n - 1) / n`: the `paper`
/// normalisation scales R by `rho = (n - 1) / n`, the `proper` one by `rho = 1`. The mechanism
/// pays `1 / (rho * R(y))` on a match. The same holds under a `k`-peer allocation.
public struct PTSFDSetting: Sendable {
    public let beliefs: BeliefModel
    public let beta: Variable
    public let lambda: Variable
    public let coalition: Variable
    public let rho: Rational
    public let classes: Int
    public let workers: Int

    public init(spec: Spec) {
        beliefs = BeliefModel(spec: spec)
        beta = Variable("beta", spec.mechanism.beta)
        let lambdas = spec.contract.lambdaSchedule + [spec.mechanism.lambda]
        lambda = Variable(
            "lambda", .range(min: lambdas.map(\.lowerBound).min()!, max: lambdas.map(\.upperBound).max()!))
        coalition = Variable("coalition", spec.federation.coalition)
        classes = spec.federation.classes
        workers = spec.federation.workers
        rho = spec.knobs.normalization == .paper
            ? Rational(workers - 1) / Rational(workers) : 1
    }

    /// The reward on a match with report y: `1 / (rho * R(y))`.
    func matchReward<A: Algebra>(_ alg: A, _ v: [A.Number], _ y: Int) -> A.Number {
        alg.divide(alg.constant(1), alg.multiply(alg.constant(rho), beliefs.reportPrior(alg, v, y)))
    }

    /// An honest worker's expected per-sample reward before lambda (Eq. 6 with A = the belief):
    /// `sum_x P_w(x) * (P(x|x) / (rho R(x)) - beta) = sum_x joint(x, x) / (rho R(x)) - beta`.
    func honestReward<A: Algebra>(_ alg: A, _ v: [A.Number], beta: A.Number) -> A.Number {
        let matched = alg.sum((0 ..< classes).map { x in
            alg.multiply(beliefs.joint(alg, v, x, x), matchReward(alg, v, x))
        })
        return alg.subtract(matched, beta)
    }
}
