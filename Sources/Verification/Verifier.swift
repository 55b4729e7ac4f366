import Mechanisms
import Solver
import Specs

/// Checks a spec's properties and reports one `PropertyResult` per property.
public struct Verifier: Sendable {
    /// The timeout of each Z3 query.
    public var timeoutMilliseconds: UInt32
    /// The whole run's time limit (`--time-limit`): past it, what is not decided is `unknown`.
    public var deadline: Deadline?
    /// Called before every Z3 query of a property (progress within a long property).
    public var onQuery: (@Sendable (PropertyID) -> Void)?
    /// Each spec's beliefs-consistency, decided once for every property that rests on it.
    public var beliefsMemo: BeliefsConsistencyMemo

    public init(
        timeoutMilliseconds: UInt32 = 10_000, deadline: Deadline? = nil,
        beliefsMemo: BeliefsConsistencyMemo = BeliefsConsistencyMemo(),
        onQuery: (@Sendable (PropertyID) -> Void)? = nil
    ) {
        self.beliefsMemo = beliefsMemo
        self.timeoutMilliseconds = timeoutMilliseconds
        self.deadline = deadline
        self.onQuery = onQuery
    }

    /// A prover for property `id` under this verifier's timeout, deadline and progress.
    func prover(for id: PropertyID, recordsSMT2: Bool = true, linear: Bool = false) -> Prover {
        var perQuery: (@Sendable () -> Void)? = nil
        if let report = onQuery { perQuery = { report(id) } }
        return Prover(
            timeoutMilliseconds: timeoutMilliseconds, recordsSMT2: recordsSMT2, linear: linear,
            deadline: deadline, onQuery: perQuery)
    }

    /// The properties that apply to a spec's mechanism, in report order.
    public static func properties(for spec: Spec) -> [PropertyID] {
        PropertyID.allCases.filter { $0.applies(to: spec.mechanism.kind) }
    }

    /// Checks `properties` (all that apply when `nil`) on `spec`.
    public func verify(_ spec: Spec, properties: [PropertyID]? = nil) -> [PropertyResult] {
        (properties ?? Self.properties(for: spec)).map { check($0, on: spec) }
    }

    /// Checks one property, timing it.
    public func check(_ id: PropertyID, on spec: Spec) -> PropertyResult {
        let clock = ContinuousClock()
        var decision = Decision(verdict: .unknown(reason: "not checked"))
        let elapsed = clock.measure {
            decision = decide(id, on: spec)
            decision.caveats += caveats(for: id, verdict: decision.verdict, on: spec)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return PropertyResult(
            id: id, verdict: decision.verdict, expected: spec.checks[id.rawValue] ?? .proved,
            seconds: seconds, smt2: decision.smt2, notes: decision.notes, values: decision.values,
            caveats: decision.caveats)
    }

    /// What deciding one property produced, before timing.
    struct Decision {
        var verdict: Verdict
        var smt2: String? = nil
        var notes: [String] = []
        var values: PropertyValues = .none
        var caveats: [Caveat] = []
    }

    /// Each property id owns its checker; the switch has no `default:`, so a new id cannot be
    /// reported without one.
    func decide(_ id: PropertyID, on spec: Spec) -> Decision {
        if !id.applies(to: spec.mechanism.kind) {
            return Decision(verdict: .unknown(reason: "\(id.rawValue) does not apply to a \(spec.mechanism.kind.rawValue) spec"))
        }
        if let deadline, deadline.passed { return Decision(verdict: .unknown(reason: deadline.reason)) }
        switch id {
        case .budgetSolvent:
            let (verdict, notes, values) = BudgetSolventCheck(spec: spec).run()
            return Decision(verdict: verdict, notes: notes, values: values)
        case .beliefsConsistent:
            return decideBeliefsConsistent(spec)
        case .iewdsTruthfulUnique, .coalitionResilient:
            return ConsensusVerification(spec: spec, verifier: self, property: id).decide(id)
        case .paperTablesDerived:
            return PaperTablesCheck(spec: spec, verifier: self).run()
        case .truthfulEquilibriumDominant:
            return TruthfulEquilibriumCheck(spec: spec, verifier: self).run()
        case .heuristicPayoffIdentity:
            return decideForEachWorker(id, spec) { [HeuristicPayoffClaim(setting: $0, statement: .identity)] }
        case .heuristicUnprofitable:
            return decideForEachWorker(id, spec) { [HeuristicPayoffClaim(setting: $0, statement: .unprofitable)] }
        case .selfPredicting:
            return decideForEachWorker(id, spec) { SelfPredictingClaim.all($0) }
        case .truthfulBestResponse:
            return decideForEachWorker(id, spec) { TruthfulBestResponseClaim.all($0) }
        case .collusionUnprofitable:
            var decision = decideForEachWorker(id, spec) { CollusionClaim.all($0) }
            let maps = CollusionClaim.all(PTSFDSetting(spec: spec)).count
            decision.notes.append("class maps checked: \(maps) (the halves map, and every single merge x -> y "
                + "through one per orbit of the classes' prior symmetry)")
            return decision
        case .honestParticipation:
            let settings = PTSFDSetting.perWorker(spec: spec), costs = PTSFDCosts(spec: spec)
            var decision = decideForEachWorker(id, spec) { [HonestParticipationClaim(setting: $0, costs: costs)] }
            let (note, certainty) = minimumCertainty(settings, costs)
            decision.notes.append(note)
            if let certainty { decision.values.values.append(PropertyValue("minimum_certainty", certainty)) }
            return decision
        case .effortIncentive:
            let settings = PTSFDSetting.perWorker(spec: spec), costs = PTSFDCosts(spec: spec)
            var claims: [any MeasuredClaim] = []
            for setting in settings {
                switch EffortIncentiveClaim.all(setting, costs) {
                case .success(let more): claims += more
                case .failure(let refusal): return Decision(verdict: .unknown(reason: refusal.reason))
                }
            }
            return decideClaims(id, settings, claims)
        }
    }

    /// The largest minimum certainty of Eq. 7 over the workers, classes and ranges, net of the
    /// effort cost: `max rho R(x) (beta + c(e_1) / lambda)`, the factor at its largest
    /// (`PTSFDCosts.largestCertaintyFactor`) and rho R(x) maximised over the beliefs' ranges.
    func minimumCertainty(_ settings: [PTSFDSetting], _ costs: PTSFDCosts) -> (note: String, value: Rational?) {
        var best: (value: Rational, x: Int, setting: PTSFDSetting)? = nil
        for setting in settings {
            guard let factor = costs.largestCertaintyFactor(beta: setting.beta, lambda: setting.lambda) else {
                return ("minimum certainty A_ij (Eq. 7): unbounded (lambda can be 0 while the effort cost "
                    + "c(e_1) is up to \(costs.effortHigh.upper): no certainty makes a report pay)", nil)
            }
            let context = Context()
            let algebra = TermAlgebra(context: context)
            let variables = setting.beliefs.variablesAtLargestRho
            // The classes of one orbit share their optimum (BeliefModel+Symmetry).
            for x in setting.beliefs.representativeClasses {
                let optimizer = Optimizer(context: context, timeoutMilliseconds: timeoutMilliseconds)
                // A fixed value is a constant, so rho's division by a pinned fraction stays linear.
                let terms = variables.map { $0.lower == $0.upper ? context.real($0.lower) : context.real($0.name) }
                for (v, t) in zip(variables, terms) {
                    optimizer.add(t .>= context.real(v.lower))
                    optimizer.add(t .<= context.real(v.upper))
                }
                let certainty = algebra.multiply(
                    algebra.multiply(setting.rho(algebra, terms), setting.beliefs.reportPrior(algebra, terms, x)),
                    algebra.constant(factor))
                optimizer.maximize(certainty)
                guard case .optimal(_, let values)? = try? optimizer.check(), case .finite(let r)? = values.first else {
                    return ("minimum certainty A_ij (Eq. 7): unknown (the optimiser gave no finite optimum)", nil)
                }
                if best == nil || r > best!.value { best = (r, x, setting) }
            }
        }
        guard let best else { return ("minimum certainty A_ij (Eq. 7): no classes", nil) }
        let cost = costs.effortHigh.upper == 0 ? "no effort cost" : "net of the effort cost c(e_1) up to \(costs.effortHigh.upper)"
        let worker = best.setting.workerLabels.first.map { " for worker \($0.value)" } ?? ""
        return ("minimum certainty A_ij (Eq. 7, \(cost)) for a report to pay: \(best.value) "
            + "(~\(best.value.doubleValue))\(best.value > 1 ? ", above 1: no report pays there" : ""), "
            + "reached for class \(best.x)\(worker) at the top of the ranges", best.value)
    }
}
