import Specs

/// What Z3 established about a property: no more, no less.
public enum Verdict: Hashable, Sendable {
    /// No counterexample exists in the spec's ranges (Z3 answered unsat for every query).
    case proved
    /// A counterexample, re-checked in exact arithmetic.
    case refuted(Counterexample)
    /// Z3 could not decide (timeout, incomplete theory) or a model could not be re-checked.
    case unknown(reason: String)

    /// `proved`, `refuted` or `unknown`, as in reports and `[checks]`.
    public var name: String {
        switch self {
        case .proved: "proved"
        case .refuted: "refuted"
        case .unknown: "unknown"
        }
    }

    public var counterexample: Counterexample? {
        if case .refuted(let c) = self { return c }
        return nil
    }
}

/// A concrete counterexample: named values as exact text (rationals allowed), in a stable order.
public struct Counterexample: Hashable, Sendable {
    public var entries: [(name: String, value: String)]

    public init(_ entries: [(name: String, value: String)]) { self.entries = entries }

    public subscript(name: String) -> String? { entries.first { $0.name == name }?.value }

    public static func == (a: Counterexample, b: Counterexample) -> Bool {
        a.entries.map(\.name) == b.entries.map(\.name) && a.entries.map(\.value) == b.entries.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for e in entries {
            hasher.combine(e.name)
            hasher.combine(e.value)
        }
    }
}

/// The outcome of checking one property on one spec: plain data a report can render.
public struct PropertyResult: Hashable, Sendable {
    public var id: PropertyID
    public var verdict: Verdict
    /// The verdict the spec's `[checks]` expects (`proved` when it does not say).
    public var expected: Spec.ExpectedVerdict
    public var seconds: Double
    /// The SMT-LIB2 text of the queries that decided the verdict, when Z3 decided it.
    public var smt2: String?
    /// Figures and the method used (for example the minimum certainty, or the bounds of a
    /// bounded check), one line each.
    public var notes: [String]
    /// The quantities that decide the verdict (`PropertyValues`).
    public var values: PropertyValues
    /// Assumptions of the spec the verdict rests on and that do not hold (for example beliefs
    /// that no joint distribution produces); empty when it rests on none.
    public var caveats: [Caveat]

    public init(
        id: PropertyID, verdict: Verdict, expected: Spec.ExpectedVerdict, seconds: Double, smt2: String?,
        notes: [String], values: PropertyValues = .none, caveats: [Caveat] = []
    ) {
        self.id = id
        self.verdict = verdict
        self.expected = expected
        self.seconds = seconds
        self.smt2 = smt2
        self.notes = notes
        self.values = values
        self.caveats = caveats
    }

    /// Whether the verdict is the expected one.
    public var meetsExpectation: Bool {
        switch (verdict, expected) {
        case (.proved, .proved), (.refuted, .refuted), (.unknown, .unknown): true
        case (.proved, _), (.refuted, _), (.unknown, _): false
        }
    }
}

/// An assumption a verdict rests on that the spec does not satisfy.
public enum Caveat: String, Hashable, Sendable, CaseIterable {
    /// The `[beliefs]` matrix and the prior come from no one joint distribution
    /// (`beliefs-consistent` is refuted): a verdict under them is about beliefs no worker can hold.
    case inconsistentBeliefs = "inconsistent-beliefs"
}
