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

    public init(
        timeoutMilliseconds: UInt32 = 10_000, deadline: Deadline? = nil,
        onQuery: (@Sendable (PropertyID) -> Void)? = nil
    ) {
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
        PropertyID.allCases.filter { $0.isPTSFD == (spec.mechanism.kind == .ptsfd) }
    }

    /// Checks `properties` (all that apply when `nil`) on `spec`.
    public func verify(_ spec: Spec, properties: [PropertyID]? = nil) -> [PropertyResult] {
        (properties ?? Self.properties(for: spec)).map { check($0, on: spec) }
    }

    /// Checks one property, timing it.
    public func check(_ id: PropertyID, on spec: Spec) -> PropertyResult {
        let clock = ContinuousClock()
        var verdict = Verdict.unknown(reason: "not checked")
        var smt2: String? = nil
        var notes: [String] = []
        let elapsed = clock.measure {
            (verdict, smt2, notes) = decide(id, on: spec)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return PropertyResult(
            id: id, verdict: verdict, expected: spec.checks[id.rawValue]?.rawValue ?? "proved",
            seconds: seconds, smt2: smt2, notes: notes)
    }

    func decide(_ id: PropertyID, on spec: Spec) -> (Verdict, String?, [String]) {
        if id.isPTSFD != (spec.mechanism.kind == .ptsfd) {
            return (.unknown(reason: "\(id.rawValue) does not apply to a \(spec.mechanism.kind.rawValue) spec"), nil, [])
        }
        if let deadline, deadline.passed { return (.unknown(reason: deadline.reason), nil, []) }
        let claims: [any Claim]
        let setting: PTSFDSetting
        switch id {
        case .budgetSolvent:
            let (verdict, notes) = BudgetSolventCheck(spec: spec).run()
            return (verdict, nil, notes)
        case .iewdsTruthfulUnique, .coalitionResilient:
            return ConsensusVerification(spec: spec, verifier: self, property: id).decide(id)
        case .heuristicPayoffIdentity:
            setting = PTSFDSetting(spec: spec)
            claims = [HeuristicPayoffClaim(setting: setting, statement: .identity)]
        case .heuristicUnprofitable:
            setting = PTSFDSetting(spec: spec)
            claims = [HeuristicPayoffClaim(setting: setting, statement: .unprofitable)]
        case .selfPredicting:
            setting = PTSFDSetting(spec: spec)
            claims = SelfPredictingClaim.all(setting)
        case .truthfulBestResponse:
            setting = PTSFDSetting(spec: spec)
            claims = TruthfulBestResponseClaim.all(setting)
        case .collusionUnprofitable:
            setting = PTSFDSetting(spec: spec)
            claims = CollusionClaim.all(setting)
        case .honestParticipation:
            setting = PTSFDSetting(spec: spec)
            claims = [HonestParticipationClaim(setting: setting)]
        }
        let (verdict, smt2) = prover(for: id).decide(claims)
        var notes = Self.modelNotes(setting)
        if id == .honestParticipation { notes.append(minimumCertainty(setting)) }
        if id == .collusionUnprofitable {
            notes.append("class maps checked: \(claims.count) (the halves map, and every single merge x -> y "
                + "through one per orbit of the classes' prior symmetry)")
        }
        return (verdict, smt2, notes)
    }

    static func modelNotes(_ setting: PTSFDSetting) -> [String] {
        let beliefs: String = switch setting.beliefs.source {
        case .explicit: "beliefs: the explicit [beliefs] matrix with R = federation.prior"
        case .accuracy(let w, let p): "beliefs: accuracy model, worker accuracy in [\(w.lower), \(w.upper)], peer accuracy in [\(p.lower), \(p.upper)]"
        }
        return [beliefs, "normalization factor rho = \(setting.rho) (R as the mechanism computes it = rho * R)"]
    }

    /// The largest minimum certainty of Eq. 7 over the classes and ranges: `max rho R(x) beta`.
    func minimumCertainty(_ setting: PTSFDSetting) -> String {
        let context = Context()
        let algebra = TermAlgebra(context: context)
        let variables = setting.beliefs.variables + [setting.beta]
        var best: (value: Rational, x: Int)? = nil
        // The classes of one orbit share their optimum (BeliefModel+Symmetry).
        for x in setting.beliefs.representativeClasses {
            let optimizer = Optimizer(context: context, timeoutMilliseconds: timeoutMilliseconds)
            let terms = variables.map { context.real($0.name) }
            for (v, t) in zip(variables, terms) {
                optimizer.add(t .>= context.real(v.lower))
                optimizer.add(t .<= context.real(v.upper))
            }
            let certainty = algebra.multiply(
                algebra.multiply(algebra.constant(setting.rho), setting.beliefs.reportPrior(algebra, terms, x)),
                terms[variables.count - 1])
            optimizer.maximize(certainty)
            guard case .optimal(_, let values)? = try? optimizer.check(), case .finite(let r)? = values.first else {
                return "minimum certainty A_ij (Eq. 7): unknown (the optimiser gave no finite optimum)"
            }
            if best == nil || r > best!.value { best = (r, x) }
        }
        guard let best else { return "minimum certainty A_ij (Eq. 7): no classes" }
        return "minimum certainty A_ij (Eq. 7, no effort cost) for a report to pay: \(best.value) "
            + "(~\(best.value.doubleValue)), reached for class \(best.x) at the top of the ranges"
    }
}
