import Fuzz
import Reporting
import Solver
import Specs
import Verification

/// A check run over two specs, made by hand so the rendered reports are the same in every run:
/// `paper-literal.toml` (Eq. 8 and the budget refuted, as it expects; fuzz finds a copied
/// commitment paying) and `paper-48-example.toml` (section 4.8's counterexample; one
/// expectation deliberately missed and one verdict unknown, to show both). The spec files are
/// frozen copies of the shipped ones (`Data/specs/`), so that editing a shipped spec does not
/// change the snapshots; the reports name them `specs/<name>` as a run in a checkout would.
enum Fixtures {
    static func spec(_ name: String) throws -> (Spec, SpecLines) {
        let path = "\(testsDirectory)/Data/specs/\(name)"
        return (try Spec.load(path: path), SpecLines.load(path: path))
    }

    static func literal() throws -> SpecSection {
        let (spec, lines) = try spec("paper-literal.toml")
        // Eq. 8 with R_i = (n-1)/n of a distribution (n = 10): a report independent of the
        // sample earns n/(n-1) - beta = 10/9 - 1 = 1/9, where Eq. 8 says 1 - beta = 0.
        let identity = PropertyResult(
            id: .heuristicPayoffIdentity,
            verdict: .refuted(Verification.Counterexample([("beta", "1"), ("q0", "1"), ("q1", "0")])),
            expected: .refuted, seconds: 0.04, smt2: "(check-sat)", notes: [],
            values: PropertyValues(
                values: [PropertyValue("heuristic_payoff", Rational(1, 9)), PropertyValue("identity_payoff", Rational(0))],
                at: ["beta": "1"], method: "at the counterexample"))
        let unprofitable = PropertyResult(
            id: .heuristicUnprofitable,
            verdict: .refuted(Verification.Counterexample([("beta", "1"), ("q0", "1")])),
            expected: .refuted, seconds: 0.05, smt2: "(check-sat)", notes: [],
            values: PropertyValues(
                values: [PropertyValue("heuristic_payoff", Rational(1, 9)), PropertyValue("honest_payoff", Rational(64, 9))],
                at: ["beta": "1"], method: "at the counterexample"))
        let budget = PropertyResult(
            id: .budgetSolvent,
            verdict: .refuted(Verification.Counterexample([("workers", "2"), ("samples", "1"), ("classes", "2")])),
            expected: .refuted, seconds: 0.38, smt2: nil, notes: ["bounded check"],
            values: PropertyValues(values: [PropertyValue("budget_shortfall", Rational(3))], method: "at the counterexample"))
        let proved: [PropertyResult] = [PropertyID.selfPredicting, .truthfulBestResponse, .collusionUnprofitable, .honestParticipation]
            .map { PropertyResult(id: $0, verdict: .proved, expected: .proved, seconds: 0.06, smt2: "(check-sat)", notes: []) }
        let fuzz = FuzzSection(
            seed: 0, budget: 200,
            entries: [
                FuzzEntry(
                    id: .noFreeRiding, outcome: .violated, expected: "violated", cases: 200, effect: 12.5, lowerBound: 3.25,
                    confidence: 0.99, comparison: "commitment-copier vs honest",
                    counterexampleFile: "serumcheck-fuzz/paper-literal/no-free-riding.json",
                    reproduce: "serumcheck replay serumcheck-fuzz/paper-literal/no-free-riding.json",
                    counterexample: FuzzCounterexample(
                        caseIndex: 17, label: "commitment-copier vs honest", shape: "n=3 m=4 |C|=2 R=8",
                        originalShape: "n=9 m=40 |C|=10 R=8", shrinkSteps: 6, mean: 12.5, lowerBound: 3.25)),
                FuzzEntry(id: .depositConservation, outcome: .holds, expected: "holds", cases: 200, reproduce: "serumcheck fuzz specs/paper-literal.toml --seed 0 --budget 200"),
            ],
            stableProfiles: [.init(profile: "all heuristic", cases: 40, payoffs: [NamedNumber(name: "heuristic", value: -3.5)])])
        return SpecSection(
            file: "specs/paper-literal.toml", spec: spec, lines: lines,
            verification: [budget, unprofitable, identity] + proved, fuzz: nil
        ).with(fuzz: fuzz, simulation: SimulationSummary(rounds: 2, groups: [
            .init(strategy: "honest", workers: 8, meanReward: 14156.31, meanNet: 3932.3, accuracyBefore: 0.549, accuracyAfter: 0.686),
            .init(strategy: "heuristic", workers: 2, meanReward: 68.97, meanNet: -10155),
        ]))
    }

    static func example48() throws -> SpecSection {
        let (spec, lines) = try spec("paper-48-example.toml")
        // Section 4.8 (3): observing a, P(a|a)/R(a) = 0.8/0.9 = 8/9 and P(b|a)/R(b) = 0.2/0.1 = 2,
        // so the score margin of the truth over b is 8/9 - 2 = -10/9.
        let selfPredicting = PropertyResult(
            id: .selfPredicting,
            verdict: .refuted(Verification.Counterexample([("observed", "0"), ("misreport", "1")])),
            expected: .refuted, seconds: 0.05, smt2: "(check-sat)", notes: [],
            values: PropertyValues(
                values: [PropertyValue("score_margin", Rational(-10, 9)), PropertyValue("truthful_score", Rational(8, 9)),
                         PropertyValue("misreport_score", Rational(2))],
                at: ["observed": "0", "misreport": "1"], method: "at the counterexample"))
        // Expected refuted in the spec; shown here as unknown (a timeout) to render that case.
        let truthful = PropertyResult(
            id: .truthfulBestResponse, verdict: .unknown(reason: "timeout after 10000 ms"), expected: .refuted,
            seconds: 10.0, smt2: nil, notes: [])
        // Expected proved; refuted here to render a missed expectation.
        let participation = PropertyResult(
            id: .honestParticipation,
            verdict: .refuted(Verification.Counterexample([("beta", "9")])), expected: .proved, seconds: 0.11,
            smt2: "(check-sat)", notes: ["minimum certainty 0.5"],
            values: PropertyValues(values: [PropertyValue("honest_payoff", Rational(-1, 3))], at: ["beta": "9"], method: "at the counterexample"),
            caveats: [.inconsistentBeliefs])
        return SpecSection(
            file: "specs/paper-48-example.toml", spec: spec, lines: lines,
            verification: [selfPredicting, truthful, participation],
            synthesis: [SynthesizedRange(key: "mechanism.beta", properties: [.honestParticipation], lower: 0, upper: 7.5)])
    }

    static func report() throws -> CheckReport {
        CheckReport(command: "serumcheck check specs/paper-literal.toml specs/paper-48-example.toml", specs: [try literal(), try example48()])
    }
}

extension SpecSection {
    func with(fuzz: FuzzSection?, simulation: SimulationSummary?) -> SpecSection {
        var s = self
        s.fuzz = fuzz
        s.simulation = simulation
        return s
    }
}
