import Ledger

/// A value the EVM host returns (state, event arguments) in one canonical form, so that the
/// Ledger's expected observation and the host's reply compare with `==`.
///
/// Integers are decimal text (they exceed 2^53, and int256 exceeds every Swift integer type),
/// byte strings and addresses lower-case `0x` hex, everything else as JSON has it.
public indirect enum EVMValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// JSON `null` (a record without an allocation seed).
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer as canonical decimal text (`-` for negatives, no leading zeros).
    case integer(String)
    /// Bytes (an address, a hash, Y) as lower-case `0x` hex.
    case bytes(String)
    /// Any other text.
    case text(String)
    /// A list.
    case list([EVMValue])
    /// An object.
    case object([String: EVMValue])

    /// An integer value.
    public static func int<I: BinaryInteger>(_ value: I) -> EVMValue { .integer(String(value)) }

    /// An address value.
    public static func address(_ value: Address) -> EVMValue { .bytes(value.description) }

    /// A bytes value.
    public static func hex(_ bytes: [UInt8]) -> EVMValue { .bytes(Hex.encode(bytes)) }

    /// Decodes any JSON value: `true`/`false`, numbers (integers), strings (decimal text is an
    /// integer, `0x` text bytes, the rest text), lists and objects.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let s = try? c.decode(String.self) {
            self = Self.canonical(s)
        } else if let i = try? c.decode(Int64.self) {
            self = .integer(String(i))
        } else if let u = try? c.decode(UInt64.self) {
            self = .integer(String(u))
        } else if let d = try? c.decode(Double.self) {
            self = d == d.rounded() && abs(d) < 1e300 ? .integer(String(format: "%.0f", d)) : .text(String(d))
        } else if let l = try? c.decode([EVMValue].self) {
            self = .list(l)
        } else {
            // Address keys (claimable balances) compare in lower case, whatever casing the host uses.
            let object = try c.decode([String: EVMValue].self)
            self = .object(Dictionary(uniqueKeysWithValues: object.map { key, value in
                (key.hasPrefix("0x") || key.hasPrefix("0X") ? "0x" + key.dropFirst(2).lowercased() : key, value)
            }))
        }
    }

    /// Encodes the value as JSON: integers as decimal strings, bytes as hex strings.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .integer(let s), .bytes(let s), .text(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .object(let o): try c.encode(o)
        }
    }

    /// The canonical value of a JSON string: `0x` hex (lower-cased) is bytes, decimal text an
    /// integer (leading zeros dropped), anything else text.
    static func canonical(_ s: String) -> EVMValue {
        if s.hasPrefix("0x") || s.hasPrefix("0X") {
            let digits = s.dropFirst(2)
            if digits.allSatisfy(\.isHexDigit) { return .bytes("0x" + digits.lowercased()) }
            return .text(s)
        }
        let negative = s.hasPrefix("-")
        let digits = negative ? s.dropFirst() : Substring(s)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .text(s) }
        let trimmed = digits.drop { $0 == "0" }
        if trimmed.isEmpty { return .integer("0") }
        return .integer((negative ? "-" : "") + trimmed)
    }

    /// The value as compact text: integers and bytes bare, lists in brackets, objects in braces
    /// with sorted keys.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .integer(let s), .bytes(let s): s
        case .text(let s): "\"\(s)\""
        case .list(let l): "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .object(let o):
            "{" + o.keys.sorted().map { "\($0): \(o[$0]!.description)" }.joined(separator: ", ") + "}"
        }
    }

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> EVMValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The order in which state fields are compared, so that the first difference names a
    /// cause (`records[0].rewards[1]`) rather than its consequence (`claimable.0x..`).
    public static let comparisonOrder = [
        "height", "round", "round_start", "seats", "registered", "committed", "commitment", "revealed", "reveal_hash",
        "records", "start_height", "settle_height", "settled_by", "workers", "slashed", "labels", "allocation_seed",
        "rewards", "payouts", "shortfall", "residue", "slashed_amount", "paid_in", "requester_refund", "funds",
        "claimable",
    ]
    private static let rank = Dictionary(uniqueKeysWithValues: comparisonOrder.enumerated().map { ($1, $0) })

    /// Whether key `a` is compared before key `b`.
    static func comparedBefore(_ a: String, _ b: String) -> Bool {
        switch (rank[a], rank[b]) {
        case (let x?, let y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }

    /// The first place where `self` (expected) and `other` differ: its path from `path`
    /// (`records[0].payouts[1]`), and both values there; `nil` when they are equal.
    /// Object keys of `self` are visited cause before effect (`comparisonOrder`: the timeline,
    /// the seats, then each record's workers, slashed members, labels and reward units before
    /// its payouts and money, then the funds and the balances), any other key after them in
    /// sorted order; a key `self` lacks is not compared (the expectation says what is
    /// compared), a key `other` lacks differs as `<absent>`.
    public func firstDifference(
        from other: EVMValue, at path: String
    ) -> (path: String, expected: EVMValue, found: EVMValue)? {
        if case .list(let a) = self, case .list(let b) = other {
            for k in 0 ..< min(a.count, b.count) {
                if let d = a[k].firstDifference(from: b[k], at: "\(path)[\(k)]") { return d }
            }
            if a.count != b.count { return (path, self, other) }
            return nil
        }
        if case .object(let a) = self, case .object(let b) = other {
            for key in a.keys.sorted(by: Self.comparedBefore) {
                let sub = path.isEmpty ? key : "\(path).\(key)"
                switch (a[key], b[key]) {
                case (let x?, let y?):
                    if let d = x.firstDifference(from: y, at: sub) { return d }
                case (let x?, nil): return (sub, x, .text("<absent>"))
                case (nil, _): continue
                }
            }
            return nil
        }
        // Scalars, or values of different kinds: equal or different as a whole.
        return self == other ? nil : (path, self, other)
    }
}
