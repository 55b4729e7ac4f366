import Fuzz
import Verification

/// A check run against a committed baseline report (`check --baseline FILE`).
///
/// A guarantee regressed when the baseline had a property `proved` (verify) or `holds` (fuzz)
/// on a spec and the current run has it `refuted`, `unknown` or `violated`, or no longer checks
/// it on a spec the run still checks. The reverse is an improvement, reported and never failed.
/// Specs are matched by name; a baseline spec absent from the run is listed, not judged.
/// Timings never count.
public struct BaselineComparison: Hashable, Sendable {
    /// One property whose outcome changed.
    public struct Change: Hashable, Sendable {
        public var spec: String
        /// `verify` or `fuzz`.
        public var layer: String
        public var property: String
        public var was: String
        public var now: String

        public var line: String { "\(spec): \(property) (\(layer)) was \(was), now \(now)" }
    }

    public private(set) var regressions: [Change] = []
    public private(set) var improvements: [Change] = []
    /// Baseline specs the run did not check.
    public private(set) var unmatched: [String] = []

    /// Whether the run keeps every guarantee of the baseline.
    public var passed: Bool { regressions.isEmpty }

    public init(baseline: CheckReport, current: CheckReport) {
        let now = Dictionary(current.specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for old in baseline.specs {
            guard let new = now[old.name] else {
                unmatched.append(old.name)
                continue
            }
            let verifyNow = Dictionary(new.verification.map { ($0.id, $0.verdict) }, uniquingKeysWith: { a, _ in a })
            for entry in old.verification {
                let current = verifyNow[entry.id]
                judge(
                    spec: old.name, layer: "verify", property: entry.id.rawValue, was: entry.verdict.rawValue,
                    now: current?.rawValue ?? "not checked",
                    wasGood: entry.verdict == .proved, isGood: current == .proved)
            }
            guard let oldFuzz = old.fuzz else { continue }
            let fuzzNow = Dictionary((new.fuzz?.entries ?? []).map { ($0.id, $0.outcome) }, uniquingKeysWith: { a, _ in a })
            for entry in oldFuzz.entries {
                // A fuzz section absent from the run (no --budget, no --fuzz-results) is not judged.
                guard new.fuzz != nil else { break }
                let current = fuzzNow[entry.id]
                judge(
                    spec: old.name, layer: "fuzz", property: entry.id.rawValue, was: entry.outcome.rawValue,
                    now: current?.rawValue ?? "not checked",
                    wasGood: entry.outcome == .holds, isGood: current == .holds)
            }
        }
    }

    private mutating func judge(spec: String, layer: String, property: String, was: String, now: String, wasGood: Bool, isGood: Bool) {
        let change = Change(spec: spec, layer: layer, property: property, was: was, now: now)
        if wasGood && !isGood { regressions.append(change) }
        if !wasGood && isGood { improvements.append(change) }
    }

    /// The comparison in lines for the terminal (`baseline FILE: ...`).
    public func summary(baselineFile: String) -> String {
        var lines: [String] = []
        if regressions.isEmpty {
            lines.append("baseline \(baselineFile): no guarantee regressed")
        } else {
            lines.append("baseline \(baselineFile): \(regressions.count) guarantee\(regressions.count == 1 ? "" : "s") regressed")
            lines += regressions.map { "  REGRESSED \($0.line)" }
        }
        lines += improvements.map { "  improved  \($0.line)" }
        lines += unmatched.map { "  not in this run: spec \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
