import Foundation

/// The report as the HTML and Markdown templates see it: text already formatted (and, for
/// Markdown, escaped by `escape`), flags for optional parts. Built from `CheckReport` alone.
struct ReportView {
    var command: String
    var specCount: Int
    var findingCount: Int
    var hasFindings: Bool
    var allMet: Bool
    var findings: [FindingRow]
    var specs: [SpecView]

    struct FindingRow {
        var id: String
        var title: String
        var severity: String
        var difficulty: String
        var type: String
        var source: String
        var property: String
        var file: String
        var key: String
        var line: Int
        var description: String
        var scenario: String
        var recommendation: String
        /// The description and recommendation as runs of text and `code` (for HTML).
        var descriptionParts: [Part]
        var recommendationParts: [Part]
        /// Not escaped: it goes into a code block (the HTML template escapes it itself).
        var reproduce: String
    }

    /// A run of text, or of code where the text had it between backticks.
    struct Part {
        var text: String
        var code: Bool

        /// `a `b` c` -> "a ", code "b", " c".
        static func split(_ text: String) -> [Part] {
            text.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { k, run in
                run.isEmpty ? nil : Part(text: String(run), code: k % 2 == 1)
            }
        }
    }

    struct SpecView {
        var anchor: String
        var file: String
        var name: String
        var description: String
        var mechanism: String
        var parameters: [SettingRow]
        var hasKnobs: Bool
        var knobs: [SettingRow]
        var hasVerification: Bool
        var verification: [VerificationRow]
        var details: [String]
        var hasCaveats: Bool
        var caveats: String
        var hasFuzz: Bool
        var fuzzSeed: String
        var fuzzBudget: Int
        var fuzz: [FuzzRow]
        var hasStable: Bool
        var stable: [StableRow]
        var hasSimulation: Bool
        var simulationRounds: Int
        var simulation: [SimulationRow]
        var hasCharts: Bool
        /// Inline SVG, inserted as is.
        var charts: String
    }

    struct SettingRow {
        var key: String
        var value: String
        var hardened: String
        var paperLiteral: Bool
    }

    struct VerificationRow {
        var id: String
        var verdict: String
        var expected: String
        var met: Bool
        var check: String
        var deciding: String
        var time: String
        var smt2: String
    }

    struct FuzzRow {
        var id: String
        var outcome: String
        var expected: String
        var met: Bool
        var check: String
        var cases: Int
        var effect: String
        var comparison: String
        var reproduce: String
    }

    struct StableRow {
        var profile: String
        var cases: Int
        var payoffs: String
    }

    struct SimulationRow {
        var strategy: String
        var workers: Int
        var meanReward: String
        var meanNet: String
        var accuracy: String
    }

    /// The view of `report`; `escape` is applied to every piece of text taken from it, and
    /// `charts` maps a spec file to its inline SVG.
    init(_ report: CheckReport, escape e: (String) -> String, charts: [String: String]) {
        command = e(report.command)
        specCount = report.specs.count
        let all = report.findings
        findingCount = all.count
        hasFindings = !all.isEmpty
        allMet = report.allMet
        findings = all.map { f in
            FindingRow(
                id: f.id, title: e(f.title), severity: f.severity.rawValue, difficulty: f.difficulty.rawValue,
                type: f.type.rawValue, source: f.source.rawValue, property: f.property, file: e(f.target.file),
                key: e(f.target.key), line: f.target.line, description: e(f.description), scenario: e(f.exploitScenario),
                recommendation: e(f.recommendation), descriptionParts: Part.split(e(f.description)),
                recommendationParts: Part.split(e(f.recommendation)), reproduce: f.reproduce)
        }
        // The SVG a caller passes for a spec file, else the spec's own charts drawn.
        specs = report.specs.enumerated().map { k, s in
            Self.spec(s, index: k, escape: e, charts: charts[s.file] ?? s.charts?.map(ChartRenderer.svg).joined())
        }
    }

    static func spec(_ s: SpecSection, index: Int, escape e: (String) -> String, charts: String?) -> SpecView {
        func setting(_ x: Setting) -> SettingRow {
            SettingRow(key: e(x.key), value: e(x.value), hardened: e(x.hardened ?? ""), paperLiteral: x.isPaperLiteral)
        }
        var details: [String] = []
        for v in s.verification {
            if !v.counterexample.isEmpty {
                details.append(e("\(v.id.rawValue): counterexample " + v.counterexample.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")))
            }
            if let reason = v.reason { details.append(e("\(v.id.rawValue): \(reason)")) }
            for note in v.notes { details.append(e("\(v.id.rawValue): \(note)")) }
        }
        let caveats = Set(s.verification.flatMap(\.caveats)).sorted()
        let fuzz = s.fuzz
        return SpecView(
            anchor: "spec-\(index + 1)", file: e(s.file), name: e(s.name), description: e(s.description),
            mechanism: s.mechanism.rawValue, parameters: s.parameters.map(setting), hasKnobs: !s.knobs.isEmpty,
            knobs: s.knobs.map(setting), hasVerification: !s.verification.isEmpty,
            verification: s.verification.map { v in
                VerificationRow(
                    id: v.id.rawValue, verdict: v.verdict.rawValue + (v.caveats.isEmpty ? "" : "*"),
                    expected: v.expected.rawValue, met: v.met, check: v.met ? "ok" : "FAILED",
                    deciding: e(v.deciding.map { "\($0.name) = \($0.short)" } ?? ""),
                    time: String(format: "%.2f s", v.seconds), smt2: e(v.smt2File ?? ""))
            },
            details: details, hasCaveats: !caveats.isEmpty,
            caveats: e("* rests on an assumption the spec does not satisfy: " + caveats.joined(separator: ", ")),
            hasFuzz: fuzz != nil, fuzzSeed: fuzz.map { String($0.seed) } ?? "", fuzzBudget: fuzz?.budget ?? 0,
            fuzz: (fuzz?.entries ?? []).map { f in
                FuzzRow(
                    id: f.id.rawValue, outcome: f.outcome.rawValue, expected: f.expected, met: f.met,
                    check: f.met ? "ok" : "FAILED", cases: f.cases,
                    effect: f.effect.map { String(format: "%.4g", $0) + (f.lowerBound.map { " (>= " + String(format: "%.4g", $0) + ")" } ?? "") } ?? "",
                    comparison: e(f.comparison ?? ""), reproduce: e(f.reproduce))
            },
            hasStable: !(fuzz?.stableProfiles.isEmpty ?? true),
            stable: (fuzz?.stableProfiles ?? []).map { p in
                StableRow(
                    profile: e(p.profile), cases: p.cases,
                    payoffs: e(p.payoffs.map { "\($0.name) \(String(format: "%.1f", $0.value))" }.joined(separator: ", ")))
            },
            hasSimulation: s.simulation != nil, simulationRounds: s.simulation?.rounds ?? 0,
            simulation: (s.simulation?.groups ?? []).map { g in
                SimulationRow(
                    strategy: e(g.strategy), workers: g.workers, meanReward: String(format: "%.2f", g.meanReward),
                    meanNet: String(format: "%.1f", g.meanNet),
                    accuracy: g.accuracyBefore.flatMap { b in
                        g.accuracyAfter.map { a in String(format: "%.1f%% -> %.1f%%", b * 100, a * 100) }
                    } ?? "-")
            },
            hasCharts: !(charts ?? "").isEmpty, charts: charts ?? "")
    }
}
