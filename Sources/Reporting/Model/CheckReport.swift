/// The result of a check run: one section per spec, in the order the specs were given.
///
/// This is the one model every report renders from. It is `Codable` (the JSON report is its
/// encoding, documented by `Schemas/check-report.schema.json`): schema version 1. The findings
/// are derived (`findings`) and written into the JSON beside the sections, never read back.
public struct CheckReport: Hashable, Sendable, Codable {
    /// The schema version of the JSON this model encodes to.
    public static let schemaVersion = 1

    /// The schema version, `schemaVersion` when made by this code.
    public var schema: Int
    /// The command line that produced the run.
    public var command: String
    /// One section per spec.
    public var specs: [SpecSection]

    public init(command: String, specs: [SpecSection]) {
        self.schema = Self.schemaVersion
        self.command = command
        self.specs = specs
    }

    /// Whether every verification and fuzz entry meets its expectation.
    public var allMet: Bool {
        specs.allSatisfy { s in s.verification.allSatisfy(\.met) && (s.fuzz?.entries.allSatisfy(\.met) ?? true) }
    }

    enum CodingKeys: String, CodingKey {
        case schema, command, specs, findings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        command = try c.decode(String.self, forKey: .command)
        specs = try c.decode([SpecSection].self, forKey: .specs)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(command, forKey: .command)
        try c.encode(findings, forKey: .findings)
        try c.encode(specs, forKey: .specs)
    }
}
