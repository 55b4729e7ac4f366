import Foundation
import Fuzz
import Verification

/// The SARIF 2.1.0 report, for GitHub code scanning: one rule per property id (`verify/<id>`,
/// `fuzz/<id>`) with help text and `security-severity`, one result per finding located at the
/// line of the responsible key in the spec file, with the finding's stable ID as its
/// `partialFingerprints`. Plain `Codable`.
public enum SARIFRenderer {
    /// The schema the output conforms to (OASIS SARIF 2.1.0, errata 01).
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The SARIF text of `report`.
    public static func render(_ report: CheckReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log(report)), as: UTF8.self) + "\n"
    }

    /// The SARIF log of `report`.
    static func log(_ report: CheckReport) -> Log {
        let rules = rules()
        let results = report.findings.map { f in
            let ruleID = "\(f.source.rawValue)/\(f.property)"
            return Result(
                ruleId: ruleID, ruleIndex: rules.firstIndex { $0.id == ruleID } ?? 0, level: f.severity.sarifLevel,
                message: Message(text: "\(f.id): \(f.title). \(f.exploitScenario) Recommendation: \(f.recommendation)"),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: artifact(f.target.file), region: Region(startLine: f.target.line)))],
                partialFingerprints: ["serumcheckFinding/v1": f.id],
                properties: ResultProperties(
                    finding: f.id, severity: f.severity.rawValue, difficulty: f.difficulty.rawValue,
                    type: f.type.rawValue, key: f.target.key, reproduce: f.reproduce))
        }
        return Log(
            schema: schemaURI, version: "2.1.0",
            runs: [Run(
                tool: Tool(driver: Driver(name: "serumcheck", rules: rules)), results: results)])
    }

    /// A spec file's location: relative to the checkout (`%SRCROOT%`, which code scanning
    /// resolves to the repository root), or a `file://` URI when absolute.
    static func artifact(_ file: String) -> ArtifactLocation {
        if file.hasPrefix("/") { return ArtifactLocation(uri: "file://" + file, uriBaseId: nil) }
        return ArtifactLocation(uri: file.hasPrefix("./") ? String(file.dropFirst(2)) : file, uriBaseId: "%SRCROOT%")
    }

    /// One rule per property id of `verify` and of `fuzz`.
    static func rules() -> [Rule] {
        PropertyID.allCases.map { rule("verify", $0.rawValue, Rubric.entry(for: $0)) }
            + FuzzPropertyID.allCases.map { rule("fuzz", $0.rawValue, Rubric.entry(for: $0)) }
    }

    static func rule(_ source: String, _ id: String, _ r: RubricEntry) -> Rule {
        let help = "\(r.claim) Severity \(r.severity.rawValue), difficulty \(r.difficulty.rawValue) (\(r.type.rawValue)). "
            + "Responsible spec keys: \(r.keys.joined(separator: ", ")). \(r.advice)"
        return Rule(
            id: "\(source)/\(id)", name: id, shortDescription: Message(text: r.title), fullDescription: Message(text: r.claim),
            help: Help(text: help, markdown: "**\(id)** (`serumcheck \(source)`): \(r.claim)\n\n"
                + "Severity **\(r.severity.rawValue)**, difficulty **\(r.difficulty.rawValue)**, type `\(r.type.rawValue)`. "
                + "Responsible spec keys: " + r.keys.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n\(r.advice)"),
            defaultConfiguration: Configuration(level: r.severity.sarifLevel),
            properties: RuleProperties(securitySeverity: r.severity.securitySeverity, tags: ["security", r.type.rawValue]))
    }

    // MARK: the SARIF objects used

    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Help
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Help: Encodable {
        var text: String
        var markdown: String
    }

    struct Configuration: Encodable { var level: String }

    struct RuleProperties: Encodable {
        var securitySeverity: String
        var tags: [String]
        enum CodingKeys: String, CodingKey { case securitySeverity = "security-severity", tags }
    }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var finding: String
        var severity: String
        var difficulty: String
        var type: String
        var key: String
        var reproduce: String
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable { var startLine: Int }
}
