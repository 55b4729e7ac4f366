import Mechanisms

// JSON forms of the Ledger's values, for counterexample files that replay transaction
// sequences: addresses and 32-byte values as `0x` hex strings, byte strings (Y, results,
// inputs) as `0x` hex strings, everything else by field name.

/// Decodes a `0x` hex string of any even length.
private func decodeHexBytes(_ container: any SingleValueDecodingContainer) throws -> [UInt8] {
    let text = try container.decode(String.self)
    guard let bytes = Hex.decode(text) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "not hex: \(text)")
    }
    return bytes
}

/// A byte string coded as one `0x` hex string.
package struct HexBytes: Codable, Sendable {
    package var bytes: [UInt8]
    package init(_ bytes: [UInt8]) { self.bytes = bytes }
    package init(from decoder: any Decoder) throws {
        bytes = try decodeHexBytes(try decoder.singleValueContainer())
    }
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Hex.encode(bytes))
    }
}

extension Address: Codable {
    /// Decodes `0x` and 40 hex digits.
    /// - Throws: `DecodingError.dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let address = Address(bytes: try decodeHexBytes(container)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not 20 bytes")
        }
        self = address
    }

    /// Encodes `0x` and 40 lower-case hex digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Hash32: Codable {
    /// Decodes `0x` and 64 hex digits.
    /// - Throws: `DecodingError.dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = Hash32(bytes: try decodeHexBytes(container)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not 32 bytes")
        }
        self = value
    }

    /// Encodes `0x` and 64 lower-case hex digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension RevealPayload: Codable {
    private enum Key: String, CodingKey { case kind, y, labelCount, result, salt }

    /// Decodes `{"kind": "labels", "y", "labelCount", "salt"}` or
    /// `{"kind": "result", "result", "salt"}`.
    /// - Throws: `DecodingError` for another kind or a missing field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let salt = try c.decode(Hash32.self, forKey: .salt)
        switch try c.decode(String.self, forKey: .kind) {
        case "labels":
            self = .labels(
                y: try c.decode(HexBytes.self, forKey: .y).bytes,
                labelCount: try c.decode([Int].self, forKey: .labelCount), salt: salt)
        case "result":
            self = .result(try c.decode(HexBytes.self, forKey: .result).bytes, salt: salt)
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown payload kind \(other)")
        }
    }

    /// Encodes the payload with its kind; byte strings as hex.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .labels(let y, let labelCount, let salt):
            try c.encode("labels", forKey: .kind)
            try c.encode(HexBytes(y), forKey: .y)
            try c.encode(labelCount, forKey: .labelCount)
            try c.encode(salt, forKey: .salt)
        case .result(let bytes, let salt):
            try c.encode("result", forKey: .kind)
            try c.encode(HexBytes(bytes), forKey: .result)
            try c.encode(salt, forKey: .salt)
        }
    }
}

extension Transaction: Codable {
    private enum Key: String, CodingKey { case kind, sender, value, commitment, payload, round }

    /// Decodes `{"kind": "register" | "commit" | "reveal" | "settle" | "withdraw", "sender",
    /// ...}` with the fields of that kind.
    /// - Throws: `DecodingError` for another kind or a missing field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let sender = try c.decode(Address.self, forKey: .sender)
        switch try c.decode(String.self, forKey: .kind) {
        case "register": self = .register(sender: sender, value: try c.decode(Int.self, forKey: .value))
        case "commit":
            self = .commit(sender: sender, commitment: try c.decode(Hash32.self, forKey: .commitment))
        case "reveal":
            self = .reveal(sender: sender, payload: try c.decode(RevealPayload.self, forKey: .payload))
        case "settle": self = .settle(sender: sender, round: try c.decode(Int.self, forKey: .round))
        case "withdraw": self = .withdraw(sender: sender)
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown transaction kind \(other)")
        }
    }

    /// Encodes the transaction with its kind and fields.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(sender, forKey: .sender)
        switch self {
        case .register(_, let value):
            try c.encode("register", forKey: .kind)
            try c.encode(value, forKey: .value)
        case .commit(_, let commitment):
            try c.encode("commit", forKey: .kind)
            try c.encode(commitment, forKey: .commitment)
        case .reveal(_, let payload):
            try c.encode("reveal", forKey: .kind)
            try c.encode(payload, forKey: .payload)
        case .settle(_, let round):
            try c.encode("settle", forKey: .kind)
            try c.encode(round, forKey: .round)
        case .withdraw:
            try c.encode("withdraw", forKey: .kind)
        }
    }
}
