/// The few lines `check` prints when it is done: per spec how many results met their
/// expectations, the findings by severity with their IDs, and where the report is.
public struct CheckSummary: Sendable {
    public var report: CheckReport
    /// The directory the report set was written into.
    public var out: String

    public init(report: CheckReport, out: String) {
        self.report = report
        self.out = out
    }

    public var text: String {
        var lines: [String] = []
        for spec in report.specs {
            let verified = spec.verification.filter(\.met).count
            var line = "\(spec.file) (\(spec.name)): verify \(verified)/\(spec.verification.count) as expected"
            if let fuzz = spec.fuzz {
                line += ", fuzz \(fuzz.entries.filter(\.met).count)/\(fuzz.entries.count) as expected (\(fuzz.budget) cases, seed \(fuzz.seed))"
            }
            if let simulation = spec.simulation { line += ", simulated \(simulation.rounds) round\(simulation.rounds == 1 ? "" : "s")" }
            lines.append(line)
        }
        let findings = report.findings
        lines.append(findings.isEmpty ? "no findings" : "\(findings.count) finding\(findings.count == 1 ? "" : "s"):")
        for f in findings {
            lines.append("  \(f.id) \(f.severity.rawValue): \(f.title) (\(f.target.file):\(f.target.line))")
        }
        lines.append(report.allMet ? "every result meets its expectation" : "some results do not meet their expectation (see the findings)")
        lines.append("report: \(out)/report.html (also report.md, report.json, junit.xml, serumcheck.sarif)")
        return lines.joined(separator: "\n") + "\n"
    }
}
