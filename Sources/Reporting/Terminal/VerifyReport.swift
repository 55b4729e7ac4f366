import Foundation
import Verification

/// The verdicts of `verify`, as plain data: JSON for CI, a table for people.
///
/// JSON: `{"specs": [{"spec", "name", "properties": [{"id", "verdict", "expected", "met",
/// "seconds", "counterexample": {String: String}, "reason", "notes", "smt2", "values":
/// {name: {"exact": "p/q", "float": Double}}, "values_at": {String: String}, "values_method",
/// "caveats": [String]}]}], "command"}`.
public struct VerifyReport: Encodable {
    /// One value behind a verdict: exact text and the nearest double.
    public struct Value: Encodable {
        public var exact: String
        public var float: Double
    }

    public struct Property: Encodable {
        public var id: String
        public var verdict: String
        public var expected: String
        public var met: Bool
        public var seconds: Double
        public var counterexample: [String: String]
        public var reason: String?
        public var notes: [String]
        public var smt2: String?
        public var values: [String: Value]
        public var valuesAt: [String: String]
        public var valuesMethod: String
        public var caveats: [String]
        /// The report's entry this property is shown from.
        public var entry: VerificationEntry

        public enum CodingKeys: String, CodingKey {
            case id, verdict, expected, met, seconds, counterexample, reason, notes, smt2, values, caveats
            case valuesAt = "values_at", valuesMethod = "values_method"
        }

        /// The property of `entry`, with the SMT-LIB2 text of its queries.
        public init(_ entry: VerificationEntry, smt2: String?) {
            self.entry = entry
            id = entry.id.rawValue
            verdict = entry.verdict.rawValue
            expected = entry.expected.rawValue
            met = entry.met
            seconds = entry.seconds
            counterexample = Dictionary(entry.counterexample.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            reason = entry.reason
            notes = entry.notes
            self.smt2 = smt2
            values = Dictionary(entry.values.map { ($0.name, Value(exact: $0.exact, float: $0.float)) }, uniquingKeysWith: { a, _ in a })
            valuesAt = Dictionary(entry.valuesAt.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            valuesMethod = entry.valuesMethod
            caveats = entry.caveats
        }
    }

    public struct SpecVerdicts: Encodable {
        public var spec: String
        public var name: String
        public var properties: [Property]
    }

    public var specs: [SpecVerdicts] = []
    public var command: String

    public init(command: String) { self.command = command }

    /// Adds a spec's results, each shown from its `VerificationEntry` (the check report's model).
    public mutating func add(spec path: String, name: String, results: [PropertyResult]) {
        specs.append(SpecVerdicts(spec: path, name: name, properties: results.map { r in
            Property(VerificationEntry(r, specName: name), smt2: r.smt2)
        }))
    }

    /// Whether every verdict met its expectation.
    public var allMet: Bool { specs.allSatisfy { $0.properties.allSatisfy(\.met) } }

    /// The file of one property's SMT-LIB2 queries: `DIR/<spec name>.<property>.smt2`.
    public static func smt2Path(in directory: String, spec: String, property: PropertyID) -> String {
        "\(directory)/" + VerificationEntry.smt2FileName(spec: spec, property: property)
    }

    public var table: String {
        var out = ""
        for spec in specs {
            out += "\(spec.spec) (\(spec.name))\n"
            let rows = spec.properties.map { p in
                [p.id, p.verdict + (p.caveats.isEmpty ? "" : "*"), p.expected, p.met ? "ok" : "FAILED",
                 p.entry.deciding.map { "\($0.name) = \($0.short)" } ?? "", String(format: "%.2f s", p.seconds)]
            }
            out += TextTable(columns: ["property", "verdict", "expected", "check", "deciding value", "time"], rows: rows).rendered
            if spec.properties.contains(where: { !$0.caveats.isEmpty }) {
                let caveats = Set(spec.properties.flatMap(\.caveats)).sorted()
                out += "  * rests on an assumption the spec does not satisfy: \(caveats.joined(separator: ", "))\n"
            }
            for p in spec.properties {
                if !p.entry.counterexample.isEmpty {
                    out += "  \(p.id): counterexample " + p.entry.counterexample.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + "\n"
                }
                if let reason = p.reason { out += "  \(p.id): \(reason)\n" }
                for note in p.notes where note.hasPrefix("minimum certainty") || note.hasPrefix("elimination order")
                    || note.hasPrefix("nearest consistent matrix") {
                    out += "  \(p.id): \(note)\n"
                }
            }
            out += "\n"
        }
        let failed = specs.flatMap { s in s.properties.filter { !$0.met }.map { "\(s.spec): \($0.id)" } }
        out += failed.isEmpty ? "every verdict meets its expectation\n" : "NOT MET: \(failed.joined(separator: ", "))\n"
        return out
    }
}
