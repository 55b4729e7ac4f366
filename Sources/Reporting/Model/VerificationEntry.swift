import Foundation
import Specs
import Verification

/// One property `verify` checked on a spec: the verdict, the expectation, the values that
/// decide it (exact, with a float) and the counterexample as data.
public struct VerificationEntry: Hashable, Sendable, Codable {
    public var id: PropertyID
    public var verdict: VerdictKind
    public var expected: VerdictKind
    /// Whether the verdict is the expected one.
    public var met: Bool
    public var seconds: Double
    /// The counterexample of a refuted property, in its stable order.
    public var counterexample: [NamedText]
    /// Why the verdict is unknown.
    public var reason: String?
    public var notes: [String]
    /// The file `--emit-smt2` writes the queries to (`<spec name>.<property>.smt2`), when Z3
    /// was asked.
    public var smt2File: String?
    /// The values that decide the verdict, the deciding one first.
    public var values: [ExactValue]
    /// The point (and case) the values were taken at, by name.
    public var valuesAt: [NamedText]
    /// How that point was chosen.
    public var valuesMethod: String
    /// Assumptions the verdict rests on that the spec does not satisfy.
    public var caveats: [String]

    enum CodingKeys: String, CodingKey {
        case id, verdict, expected, met, seconds, counterexample, reason, notes, values, caveats
        case smt2File = "smt2_file", valuesAt = "values_at", valuesMethod = "values_method"
    }

    public init(
        id: PropertyID, verdict: VerdictKind, expected: VerdictKind, seconds: Double,
        counterexample: [NamedText] = [], reason: String? = nil, notes: [String] = [], smt2File: String? = nil,
        values: [ExactValue] = [], valuesAt: [NamedText] = [], valuesMethod: String = "", caveats: [String] = [],
        met: Bool? = nil
    ) {
        self.id = id
        self.verdict = verdict
        self.expected = expected
        self.met = met ?? (verdict == expected)
        self.seconds = seconds
        self.counterexample = counterexample
        self.reason = reason
        self.notes = notes
        self.smt2File = smt2File
        self.values = values
        self.valuesAt = valuesAt
        self.valuesMethod = valuesMethod
        self.caveats = caveats
    }

    /// The entry of `result` on the spec named `specName`.
    public init(_ result: PropertyResult, specName: String) {
        var reason: String? = nil
        if case .unknown(let why) = result.verdict { reason = why }
        self.init(
            id: result.id, verdict: VerdictKind(result.verdict), expected: VerdictKind(result.expected),
            seconds: result.seconds,
            counterexample: (result.verdict.counterexample?.entries ?? []).map { NamedText(name: $0.name, value: $0.value) },
            reason: reason, notes: result.notes,
            smt2File: result.smt2 == nil ? nil : Self.smt2FileName(spec: specName, property: result.id),
            values: result.values.values.map(ExactValue.init),
            valuesAt: result.values.at.keys.sorted().map { NamedText(name: $0, value: result.values.at[$0]!) },
            valuesMethod: result.values.method, caveats: result.caveats.map(\.rawValue), met: result.meetsExpectation)
    }

    /// `<spec name>.<property>.smt2`: the file of one property's SMT-LIB2 queries.
    public static func smt2FileName(spec: String, property: PropertyID) -> String {
        "\(spec).\(property.rawValue).smt2"
    }

    /// The deciding value.
    public var deciding: ExactValue? { values.first }

    /// Refuted, or not the expected verdict: a finding.
    public var isFinding: Bool { verdict == .refuted || !met }
}

/// `proved`, `refuted` or `unknown`: a verdict, or the verdict a spec expects.
public enum VerdictKind: String, Hashable, Sendable, Codable, CaseIterable {
    case proved, refuted, unknown

    public init(_ verdict: Verdict) {
        switch verdict {
        case .proved: self = .proved
        case .refuted: self = .refuted
        case .unknown: self = .unknown
        }
    }

    public init(_ expected: Spec.ExpectedVerdict) {
        switch expected {
        case .proved: self = .proved
        case .refuted: self = .refuted
        case .unknown: self = .unknown
        }
    }
}

/// A value that decides a verdict: its name, exact (`p/q`) and the nearest double.
public struct ExactValue: Hashable, Sendable, Codable {
    public var name: String
    public var exact: String
    public var float: Double

    public init(name: String, exact: String, float: Double) {
        self.name = name
        self.exact = exact
        self.float = float
    }

    public init(_ v: PropertyValue) { self.init(name: v.name, exact: v.exact.description, float: v.float) }

    /// The exact text when short (an integer, a small fraction), else the float to six
    /// significant digits with a `~`: how tables show a value.
    public var short: String {
        exact.count <= 12 ? exact : "~" + String(format: "%.6g", float)
    }
}

/// A name and a value as text (a counterexample's variable, a point's coordinate).
public struct NamedText: Hashable, Sendable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
