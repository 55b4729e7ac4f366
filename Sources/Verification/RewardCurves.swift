import Mechanisms
import Solver
import Specs

/// The expected per-sample rewards of verify's PTSFD model along beta, at the spec's other
/// values, for a report's chart (the analytic counterpart of Witt et al. Fig. 6): an honest
/// worker's (Eq. 6), a report independent of the sample (Eq. 8), and a member of a coalition of
/// the spec's largest fraction on the halves map (Eq. 11), each before lambda.
///
/// Exact, from the same claims `verify` decides; drawn only where the model has one value
/// besides beta (one kind of worker, every belief and the lambda-free quantities fixed), so a
/// curve never stands for a range it does not show.
public struct RewardCurves: Hashable, Sendable {
    /// The beta values, from 0 to twice the spec's largest beta (2 when that is 0).
    public var beta: [Rational]
    /// (name, the reward at each beta).
    public var series: [Series]
    /// The spec's beta, when it is one value.
    public var specBeta: Rational?
    /// The coalition fraction of the collusion curve.
    public var coalition: Rational

    public struct Series: Hashable, Sendable {
        public var name: String
        public var values: [Rational]
    }

    /// The curves of `spec` over `points` values of beta, or `nil` for a consensus spec or one
    /// whose beliefs, workers or report fractions range or differ.
    public static func againstBeta(_ spec: Spec, points: Int = 9) -> RewardCurves? {
        guard spec.mechanism.kind == .ptsfd, points >= 2 else { return nil }
        let settings = PTSFDSetting.perWorker(spec: spec)
        guard settings.count == 1, let setting = settings.first else { return nil }
        let fixed = setting.beliefs.variables
        guard fixed.allSatisfy({ $0.lower == $0.upper }) else { return nil }
        let beliefs = fixed.map(\.lower)
        let top = setting.beta.upper > 0 ? 2 * setting.beta.upper : 2
        let betas = (0 ..< points).map { top * Rational($0) / Rational(points - 1) }
        let a = ExactAlgebra()
        let coalition = setting.coalition.upper
        let heuristic = HeuristicPayoffClaim(setting: setting, statement: .identity)
        let halves = CollusionClaim.all(setting)[0]
        let pure = [Rational(1)] + Array(repeating: Rational(0), count: setting.classes - 1)
        let honest = betas.map { setting.honestReward(a, beliefs, beta: $0) }
        let sampleFree = betas.map { heuristic.expected(a, beliefs + [$0] + pure) }
        let colluding = betas.map { halves.colludingReward(a, beliefs + [$0, coalition]) }
        guard !a.divisionByZero.flag else { return nil }
        return RewardCurves(
            beta: betas,
            series: [
                Series(name: "honest (Eq. 6)", values: honest),
                Series(name: "report independent of the sample (Eq. 8)", values: sampleFree),
                Series(name: "coalition member, halves map (Eq. 11)", values: colluding),
            ],
            specBeta: setting.beta.lower == setting.beta.upper ? setting.beta.lower : nil,
            coalition: coalition)
    }
}
