/// JSON form of the knobs, for counterexample files: each knob by its raw name, and
/// `peersPerSample` as `"all"` or the integer k.
extension PeersPerSample: Codable {
    /// Decodes `"all"` or an integer k.
    /// - Throws: `DecodingError.dataCorrupted` for any other value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let k = try? container.decode(Int.self) {
            self = .k(k)
        } else if try container.decode(String.self) == "all" {
            self = .all
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "peersPerSample is \"all\" or an integer k")
        }
    }

    /// Encodes `"all"` or the integer k.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .all: try container.encode("all")
        case .k(let k): try container.encode(k)
        }
    }
}

