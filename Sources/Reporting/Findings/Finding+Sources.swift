import Foundation

extension SpecSection {
    /// The finding of a verification entry that is refuted or misses its expectation.
    func finding(_ e: VerificationEntry) -> Finding {
        let rubric = Rubric.entry(for: e.id)
        let key = responsibleKey(rubric)
        var (severity, type, title) = (rubric.severity, rubric.type, rubric.title)
        let scenario: String, recommendation: String
        switch e.verdict {
        case .refuted:
            let values = e.values.map { v in
                "\(v.name) = \(v.exact)" + (v.exact.contains("/") ? " (~\(Self.float(v.float)))" : "")
            }
            scenario = "Z3 found a counterexample, re-checked in exact arithmetic: "
                + e.counterexample.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + "."
                + (values.isEmpty ? "" : " There " + values.joined(separator: ", ") + ".")
            recommendation = self.recommendation(rubric, property: e.id.rawValue, verify: true)
        case .unknown:
            (severity, type, title) = (.informational, .undecided, "Undecided: \(e.id.rawValue)")
            scenario = "None shown: Z3 did not decide (\(e.reason ?? "no reason given"))."
            recommendation = "Give Z3 more time (`--timeout-ms`), or narrow the spec's ranges."
        case .proved:
            (severity, type) = (.informational, .expectation)
            title = "Proved, though the spec expects \(e.expected.rawValue): \(e.id.rawValue)"
            scenario = "None: Z3 proved the claim over the spec's ranges."
            recommendation = "Update the spec's expectation: `\(e.id.rawValue) = \"proved\"` in [checks]."
        }
        return Finding(
            id: Finding.stableID(spec: name, source: .verify, property: e.id.rawValue), source: .verify,
            property: e.id.rawValue, title: title, severity: severity, difficulty: rubric.difficulty, type: type,
            target: target(key),
            description: "`\(e.id.rawValue)` is \(e.verdict.rawValue) on \(file) (\(name)); the spec expects "
                + "\(e.expected.rawValue). The claim: \(rubric.claim)",
            exploitScenario: scenario, recommendation: recommendation,
            reproduce: "serumcheck verify \(file) --property \(e.id.rawValue)")
    }

    /// The finding of a fuzz entry that is violated or misses its expectation.
    func finding(_ e: FuzzEntry) -> Finding {
        let rubric = Rubric.entry(for: e.id)
        let key = responsibleKey(rubric)
        var (severity, type, title) = (rubric.severity, rubric.type, rubric.title)
        var scenario: String
        switch e.outcome {
        case .violated:
            scenario = e.comparison.map { "The campaign (seed \(fuzz?.seed ?? 0), \(e.cases) cases) found: \($0)." }
                ?? "The campaign (seed \(fuzz?.seed ?? 0), \(e.cases) cases) found a violation."
            if let c = e.counterexample {
                scenario += " Case \(c.caseIndex): \(c.label); shrunk from \(c.originalShape)"
                    + (c.shape.map { " to \($0)" } ?? "") + " in \(c.shrinkSteps) steps."
                if let mean = c.mean, let low = c.lowerBound {
                    scenario += " Mean gain \(Self.float(mean)) (lower confidence bound \(Self.float(low)))."
                }
            } else if let effect = e.effect, let low = e.lowerBound {
                scenario += " Mean gain \(Self.float(effect)) (lower confidence bound \(Self.float(low)))."
            }
        case .holds:
            (severity, type) = (.informational, .expectation)
            title = "Holds, though the spec expects \(e.expected): \(e.id.rawValue)"
            scenario = "None: no case of the campaign violated the property."
        }
        return Finding(
            id: Finding.stableID(spec: name, source: .fuzz, property: e.id.rawValue), source: .fuzz,
            property: e.id.rawValue, title: title, severity: severity, difficulty: rubric.difficulty, type: type,
            target: target(key),
            description: "`\(e.id.rawValue)` is \(e.outcome.rawValue) on \(file) (\(name)); the spec expects "
                + "\(e.expected). The claim: \(rubric.claim)",
            exploitScenario: scenario,
            recommendation: e.outcome == .violated ? recommendation(rubric, property: e.id.rawValue, verify: false)
                : "Update the spec's expectation: `\(e.id.rawValue) = \"holds\"` in [checks].",
            reproduce: e.reproduce)
    }

    /// A float for prose: six significant digits.
    static func float(_ x: Double) -> String { String(format: "%.6g", x) }
}
