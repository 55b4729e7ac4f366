/// How serious a finding is, from what it puts at stake (the README's rubric):
///
/// - **high**, funds at risk: the contract can pay out more than it holds, lose track of a
///   deposit, settle twice, pay a non-member, or let a reveal or refusal change what it must not;
/// - **medium**, incentive broken in expectation: a deviation (a heuristic or misreported
///   label, a coalition, a copied commitment, padding, sybils, a withheld reveal) earns more
///   than honesty in expectation, or honesty earns nothing;
/// - **low**, guarantee only under an assumption: a condition a guarantee rests on fails (a
///   prior that is not self-predicting, an honest equilibrium that is not the only one, a
///   distillation that does not help), but no deviation is shown to pay by itself;
/// - **informational**: the verdict is undecided (unknown), or a property is better than the
///   spec expects (proved where it expects refuted).
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case high, medium, low, informational

    /// GitHub code scanning's `security-severity` (CVSS-like, 0-10): high >= 7, medium >= 4.
    public var securitySeverity: String {
        switch self {
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .informational: "0.0"
        }
    }

    /// SARIF's `level` of a result.
    public var sarifLevel: String {
        switch self {
        case .high: "error"
        case .medium: "warning"
        case .low, .informational: "note"
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How hard a finding is to exploit (the README's rubric):
///
/// - **low**: one worker, alone, by what it reports or sends (a heuristic label, padding, a
///   copied commitment, a false labelCount, a withheld reveal), or no one at all (the contract
///   misbehaves in an ordinary round);
/// - **medium**: several workers or identities coordinating (a coalition, sybils);
/// - **high**: conditions no attacker controls (the task's prior and the workers' beliefs).
public enum Difficulty: String, Hashable, Sendable, Codable, CaseIterable {
    case low, medium, high
}

/// What kind of weakness a finding is.
public enum FindingType: String, Hashable, Sendable, Codable, CaseIterable {
    /// Funds at risk: solvency, conservation, settlement, payment.
    case fundsAtRisk = "funds-at-risk"
    /// A profitable deviation from honest reporting.
    case incentive
    /// A guarantee's assumption that fails.
    case assumption
    /// The check did not decide.
    case undecided
    /// The verdict is better than the spec expects.
    case expectation
}

/// The rubric entry of one property: title, severity, difficulty, type, the spec keys that
/// decide it, and what removes it.
public struct RubricEntry: Hashable, Sendable {
    /// A one-line title of a failure of the property.
    public var title: String
    /// The property's claim, for rule help text.
    public var claim: String
    public var severity: Severity
    public var difficulty: Difficulty
    public var type: FindingType
    /// The spec keys responsible for the property, most specific first: a finding points at
    /// the first one the spec file writes (else at its table's header).
    public var keys: [String]
    /// The knob whose paper-literal value breaks the property; the hardened value removes it.
    public var knob: String?
    /// The parameter key (`mechanism.beta`) whose synthesized range restores the property
    /// (`verify --synthesize`, so `verify` properties only).
    public var synthesize: String?
    /// What to do when neither a hardened knob nor a synthesized range applies.
    public var advice: String
}

/// The rubric: one entry per property id, by an exhaustive switch (`Rubric+Verification`,
/// `Rubric+Fuzz`); a new property id does not compile until it has one.
public enum Rubric {}
