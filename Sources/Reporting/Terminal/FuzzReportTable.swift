import Foundation
import Fuzz

/// The table `fuzz` prints per spec: property, outcome, expected, cases, effect, the deciding
/// comparison, the counterexample path and the reproduce command; then the stable profiles.
public struct FuzzReportTable {
    public var report: FuzzReport

    public init(report: FuzzReport) { self.report = report }

    public var rendered: String {
        let table = TextTable(
            columns: ["property", "outcome", "expected", "check", "cases", "effect", "lower bound", "counterexample"],
            rows: report.properties.map { line in
                [
                    line.id, line.outcome.rawValue, line.expected, line.meetsExpectation ? "ok" : "FAIL",
                    "\(line.cases)", line.effect.map(Self.number) ?? "-",
                    line.lowerBound.map(Self.number) ?? "-", line.counterexample ?? "-",
                ]
            })
        var out = "\(report.spec) (seed \(report.seed), budget \(report.budget)\(report.shard.map { ", shard \($0)" } ?? ""))\n"
        out += table.rendered
        for line in report.properties {
            if let comparison = line.comparison { out += "  \(line.id): \(comparison)\n" }
        }
        for line in report.properties where line.outcome == .violated {
            out += "  reproduce \(line.id): \(line.reproduce)\n"
        }
        for profile in report.stableProfiles {
            let payoffs = profile.payoffs.keys.sorted().map { "\($0) \(Self.number(profile.payoffs[$0]!))" }
            out += "  stable profile: \(profile.profile) (\(profile.cases) cases; mean net units: \(payoffs.joined(separator: ", ")))\n"
        }
        out += report.allMet ? "every outcome meets its expectation\n" : "an outcome does not meet its expectation\n"
        return out
    }

    /// A figure with at most 4 significant decimals.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if abs(x) >= 1000 || x == x.rounded() { return String(format: "%.0f", x) }
        return String(format: "%.4g", x)
    }
}
