/// The parameters a consensus spec's `[strategies]` or a fuzz campaign gives the consensus
/// strategies of ``StrategyCatalog``: each factory reads the fields it needs.
public struct ConsensusStrategyParameters: Hashable, Sendable, Codable {
    /// Which rule of E_ck a junk submitter's result falls under.
    public enum Junk: String, CaseIterable, Hashable, Sendable, Codable {
        /// All zero bytes.
        case allZero = "all_zero"
        /// All 0xFF bytes.
        case allOne = "all_one"
        /// The task's input.
        case equalInput = "equal_input"

        /// The junk result for a task whose results have `length` bytes.
        public func bytes(length: Int, input: [UInt8]) -> [UInt8] {
            switch self {
            case .allZero: [UInt8](repeating: 0, count: length)
            case .allOne: [UInt8](repeating: 0xFF, count: length)
            case .equalInput: input
            }
        }
    }

    /// The worker whose commitment a commitment copier copies.
    public var copyTarget: Int
    /// The rule a junk submitter's result falls under.
    public var junk: Junk
    /// The split of the workers named `coalition` (members in worker order take the roles of
    /// `ConsensusCoalition.roles`); its size must equal their number.
    public var coalition: ConsensusCoalition

    /// Parameters; by default copy worker 0, all-zero junk, and a one-member coalition that
    /// sends nothing.
    public init(
        copyTarget: Int = 0, junk: Junk = .allZero,
        coalition: ConsensusCoalition = ConsensusCoalition(p: 0, q: 0, l: 1)
    ) {
        self.copyTarget = copyTarget
        self.junk = junk
        self.coalition = coalition
    }
}

extension ConsensusCoalition: Codable {
    private enum CodingKeys: String, CodingKey { case p, q, l, agreedJunk }

    /// Decodes `{"p", "q", "l", "agreedJunk"}`, refusing a split the type cannot hold.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let p = try c.decode(Int.self, forKey: .p), q = try c.decode(Int.self, forKey: .q)
        let l = try c.decode(Int.self, forKey: .l)
        let agreed = try c.decodeIfPresent(Bool.self, forKey: .agreedJunk) ?? false
        guard p >= 0, q >= 0, l >= 0, p + q + l >= 1, p + q + l <= 1_000_000 else {
            throw DecodingError.dataCorruptedError(
                forKey: .p, in: c, debugDescription: "coalition (\(p), \(q), \(l)) is not a split")
        }
        if agreed {
            guard p == 0, l == 0, q >= 2 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .agreedJunk, in: c,
                    debugDescription: "an agreed junk (sigma_3) needs p = l = 0 and q >= 2")
            }
            self = .sigma3(size: q)
        } else {
            self.init(p: p, q: q, l: l)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(p, forKey: .p)
        try c.encode(q, forKey: .q)
        try c.encode(l, forKey: .l)
        try c.encode(agreedJunk, forKey: .agreedJunk)
    }
}
