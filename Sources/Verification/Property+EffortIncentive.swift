import Solver

/// `effort-incentive` (Witt et al., section 3.3, Eq. 4 and 6): against honest peers, high effort
/// e_1 earns strictly more per sample than low effort e_0, net of what each costs:
/// ```
/// effort_gain = (lambda * E_high - c(e_1)) - (lambda * E_low - c(e_0))  >  0
/// ```
/// `E_high` is the honest worker's expected reward with the spec's accuracy (Eq. 6 with A the
/// belief, `PTSFDSetting.honestReward`). Low effort is either
/// - the heuristic report (Eq. 8: a report independent of the sample earns `1/rho - beta`
///   whatever its distribution; also the reward of a worker at chance accuracy, the default),
///   or
/// - when the spec gives `costs.accuracy_low`, reporting its own observation made with that
///   accuracy (the accuracy model with the worker's accuracy replaced by `accuracy_low`; the
///   peers keep theirs).
/// The fixed cost and the number of samples are the same for both efforts and cancel.
struct EffortIncentiveClaim: MeasuredClaim {
    enum LowEffort: String { case heuristic = "heuristic report", ownObservation = "own observation at accuracy_low" }
    let setting: PTSFDSetting
    let costs: PTSFDCosts
    let low: LowEffort

    var labels: [(name: String, value: String)] { setting.workerLabels + [("low_effort", low.rawValue)] }

    var variables: [Variable] {
        setting.beliefs.variables + [setting.beta, setting.lambda, costs.effortHigh, costs.effortLow]
            + (low == .ownObservation ? [costs.accuracyLow!] : [])
    }

    private var offset: Int { setting.beliefs.variables.count }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] {
        setting.beliefs.positivity(a, v)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        a.less(lowProfit(a, v), highProfit(a, v))
    }

    /// `lambda * E_high - c(e_1)` per sample.
    func highProfit<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        a.subtract(a.multiply(v[offset + 1], setting.honestReward(a, v, beta: v[offset])), v[offset + 2])
    }

    /// `lambda * E_low - c(e_0)` per sample.
    func lowProfit<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        let beta = v[offset]
        let reward: A.Number = switch low {
        case .heuristic:
            a.subtract(a.divide(a.constant(1), setting.rho(a, v)), beta)
        case .ownObservation:
            // The low-effort worker's own accuracy (the claim's last variable) takes the place
            // of its noise; the peers keep theirs (`BeliefModel.withOwnAccuracy`).
            setting.withOwnAccuracy(at: offset + 4).honestReward(a, v, beta: beta)
        }
        return a.subtract(a.multiply(v[offset + 1], reward), v[offset + 3])
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational { highProfit(a, v) - lowProfit(a, v) }

    /// `effort_gain`, `high_effort_profit` and `low_effort_profit`, per sample.
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] {
        let high = highProfit(a, v), lowValue = lowProfit(a, v)
        return [
            PropertyValue("effort_gain", high - lowValue), PropertyValue("high_effort_profit", high),
            PropertyValue("low_effort_profit", lowValue),
        ]
    }

    /// The claims of a spec, or why it cannot be checked: an explicit `[beliefs]` matrix says
    /// nothing of what a worker of another accuracy observes.
    static func all(_ setting: PTSFDSetting, _ costs: PTSFDCosts) -> Result<[EffortIncentiveClaim], Refusal> {
        var claims = [EffortIncentiveClaim(setting: setting, costs: costs, low: .heuristic)]
        if let accuracy = costs.accuracyLow {
            if case .explicit = setting.beliefs.source {
                return .failure(Refusal(reason: "costs.accuracy_low = [\(accuracy.lower), \(accuracy.upper)] needs the accuracy model: "
                    + "an explicit [beliefs] matrix says nothing of what a low-effort worker observes (leave accuracy_low out for chance)"))
            }
            claims.append(EffortIncentiveClaim(setting: setting, costs: costs, low: .ownObservation))
        }
        return .success(claims)
    }

    struct Refusal: Error { let reason: String }
}
