import Foundation
import Ledger

/// One row of the findings table: a property that is refuted or violated, or that does not
/// meet the spec's expectation.
public struct Finding: Hashable, Sendable, Codable {
    /// `SC-` and 8 hex digits of Keccak-256 of `<spec name>/<source>/<property id>`: the same
    /// finding has the same ID in every run.
    public var id: String
    /// `verify` or `fuzz`.
    public var source: Source
    /// The property id.
    public var property: String
    public var title: String
    public var severity: Severity
    public var difficulty: Difficulty
    public var type: FindingType
    public var target: Target
    public var description: String
    /// The counterexample in words and values.
    public var exploitScenario: String
    public var recommendation: String
    /// The command that reproduces the finding.
    public var reproduce: String

    enum CodingKeys: String, CodingKey {
        case id, source, property, title, severity, difficulty, type, target, description, recommendation, reproduce
        case exploitScenario = "exploit_scenario"
    }

    /// Which command judged the property.
    public enum Source: String, Hashable, Sendable, Codable {
        case verify, fuzz
    }

    /// Where the finding is located: the spec file and the line of the responsible key.
    public struct Target: Hashable, Sendable, Codable {
        public var file: String
        public var spec: String
        public var key: String
        public var line: Int
    }

    /// `findings` sorted by severity, most severe first, keeping their order otherwise.
    static func bySeverity(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }

    /// The stable ID of a property's finding on a spec.
    public static func stableID(spec: String, source: Source, property: String) -> String {
        let hash = Keccak256.hash(utf8: "\(spec)/\(source.rawValue)/\(property)").bytes
        return "SC-" + hash.prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}

extension CheckReport {
    /// The findings of every section, the most severe first (then in section order, verify
    /// before fuzz, then property order).
    public var findings: [Finding] { Finding.bySeverity(specs.flatMap(\.findings)) }
}

extension SpecSection {
    /// The findings of this spec.
    public var findings: [Finding] {
        let verify = verification.filter(\.isFinding).map(finding)
        let fuzz = (self.fuzz?.entries ?? []).filter(\.isFinding).map(finding)
        return Finding.bySeverity(verify + fuzz)
    }

    /// The key a finding points at: the paper-literal knob that breaks the property when the
    /// spec sets it so, else the first of the rubric's keys the spec writes, else the first.
    func responsibleKey(_ rubric: RubricEntry) -> String {
        if let knob = paperLiteralKnob(rubric) { return knob.key }
        return rubric.keys.first { keyLines[$0] != nil } ?? rubric.keys[0]
    }

    func paperLiteralKnob(_ rubric: RubricEntry) -> Setting? {
        guard let key = rubric.knob else { return nil }
        return knobs.first { $0.key == key && $0.isPaperLiteral }
    }

    func target(_ key: String) -> Finding.Target {
        Finding.Target(file: file, spec: name, key: key, line: location(of: key))
    }

    /// What removes a finding: the hardened knob, else a synthesized range (`verify` only),
    /// else the rubric's advice.
    func recommendation(_ rubric: RubricEntry, property: String, verify: Bool) -> String {
        if let knob = paperLiteralKnob(rubric), let hardened = knob.hardened {
            return "Set `\(knob.key) = \"\(hardened)\"` (the hardened knob; the spec uses the paper-literal \"\(knob.value)\")."
        }
        guard verify, let key = rubric.synthesize else { return rubric.advice }
        if let range = synthesis.first(where: { $0.key == key && $0.properties.contains { $0.rawValue == property } }) {
            return "Set `\(key) = \(range.toml)`: synthesized, and proved there for "
                + range.properties.map(\.rawValue).joined(separator: ", ") + "."
        }
        guard let parameter = SynthesizedRange.parameter(forKey: key, mechanism: mechanism)?.rawValue else {
            return rubric.advice
        }
        return rubric.advice + " `serumcheck verify \(file) --synthesize \(parameter) --property \(property)` finds an interval of \(parameter) on which it is proved."
    }
}
