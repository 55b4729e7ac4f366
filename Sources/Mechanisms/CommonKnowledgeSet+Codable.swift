/// JSON form of E_ck, for counterexample files: a list of rules, each `"allZero"`, `"allOne"`,
/// `"equalToInput"` or `{"minimumEntropy": bitsPerByte}`.
extension CommonKnowledgeSet.Rule: Codable {
    private enum Key: String, CodingKey { case minimumEntropy }

    /// Decodes one rule.
    /// - Throws: `DecodingError.dataCorrupted` for an unknown rule.
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self),
            let bits = try keyed.decodeIfPresent(Double.self, forKey: .minimumEntropy)
        {
            self = .minimumEntropy(bitsPerByte: bits)
            return
        }
        let container = try decoder.singleValueContainer()
        switch try container.decode(String.self) {
        case "allZero": self = .allZero
        case "allOne": self = .allOne
        case "equalToInput": self = .equalToInput
        case let other:
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown common-knowledge rule \(other)")
        }
    }

    /// Encodes the rule by name, or `{"minimumEntropy": bits}`.
    public func encode(to encoder: any Encoder) throws {
        func name(_ text: String) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
        switch self {
        case .allZero: try name("allZero")
        case .allOne: try name("allOne")
        case .equalToInput: try name("equalToInput")
        case .minimumEntropy(let bits):
            var keyed = encoder.container(keyedBy: Key.self)
            try keyed.encode(bits, forKey: .minimumEntropy)
        }
    }
}

