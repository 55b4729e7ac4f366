import Solver

/// `honest-participation` (Witt et al., Eq. 6-7): an honest worker with the spec's accuracy has
/// a positive expected reward, `lambda * E_honest > 0`, for every parameter in range
/// (individual rationality with no variable cost).
///
/// Eq. 7 with `c_i(e_i) = 0` gives the minimum certainty that makes one report worthwhile:
/// `A_ij >= rho R(x) beta`; the verifier reports its largest value over the classes and ranges.
struct HonestParticipationClaim: Claim {
    let setting: PTSFDSetting

    var labels: [(name: String, value: String)] { [] }

    var variables: [Variable] { setting.beliefs.variables + [setting.beta, setting.lambda] }

    private var offset: Int { setting.beliefs.variables.count }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        setting.beliefs.positivity(a, v)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        let reward = setting.honestReward(a, v, beta: v[offset])
        return a.less(a.constant(0), a.multiply(v[offset + 1], reward))
    }
}
