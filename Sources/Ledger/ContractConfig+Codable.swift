import Mechanisms

// JSON form of a contract configuration, for counterexample files: every field by name,
// addresses and digests as hex, the mechanism as `{"kind": "ptsfd", "ptsfd": {...}}` or
// `{"kind": "consensus", "consensus": {...}}`, the allocation seed as a decimal string (JSON
// numbers lose precision above 2^53).

extension PTSFDTerms: Codable {
    private enum Key: String, CodingKey {
        case beta, lambdaSchedule, classes, samples, knobs, unitsPerReward, allocationSeed
    }

    /// Decodes the terms; see the properties.
    /// - Throws: `DecodingError` for a missing field or a seed that is not a decimal UInt64.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let seedText = try c.decode(String.self, forKey: .allocationSeed)
        guard let seed = UInt64(seedText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .allocationSeed, in: c, debugDescription: "not a UInt64: \(seedText)")
        }
        self.init(
            beta: try c.decode(Double.self, forKey: .beta),
            lambdaSchedule: try c.decode([Double].self, forKey: .lambdaSchedule),
            classes: try c.decode(Int.self, forKey: .classes),
            samples: try c.decode(Int.self, forKey: .samples),
            knobs: try c.decode(Knobs.self, forKey: .knobs),
            unitsPerReward: try c.decode(Int.self, forKey: .unitsPerReward), allocationSeed: seed)
    }

    /// Encodes the terms; the allocation seed as a decimal string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(beta, forKey: .beta)
        try c.encode(lambdaSchedule, forKey: .lambdaSchedule)
        try c.encode(classes, forKey: .classes)
        try c.encode(samples, forKey: .samples)
        try c.encode(knobs, forKey: .knobs)
        try c.encode(unitsPerReward, forKey: .unitsPerReward)
        try c.encode(String(allocationSeed), forKey: .allocationSeed)
    }
}

extension ConsensusTerms: Codable {
    private enum Key: String, CodingKey { case reward, junk, input, commitment }

    /// Decodes the terms; the input as hex.
    /// - Throws: `DecodingError` for a missing field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        self.init(
            reward: try c.decode(Int.self, forKey: .reward),
            junk: try c.decode(CommonKnowledgeSet.self, forKey: .junk),
            input: try c.decode(HexBytes.self, forKey: .input).bytes,
            commitment: try c.decode(CommitmentScheme.self, forKey: .commitment))
    }

    /// Encodes the terms; the input as hex.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(reward, forKey: .reward)
        try c.encode(junk, forKey: .junk)
        try c.encode(HexBytes(input), forKey: .input)
        try c.encode(commitment, forKey: .commitment)
    }
}

extension ContractConfig.Mechanism: Codable {
    private enum Key: String, CodingKey { case kind, ptsfd, consensus }

    /// Decodes `{"kind": "ptsfd", "ptsfd": terms}` or `{"kind": "consensus", "consensus": terms}`.
    /// - Throws: `DecodingError` for another kind or missing terms.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "ptsfd": self = .ptsfd(try c.decode(PTSFDTerms.self, forKey: .ptsfd))
        case "consensus": self = .consensus(try c.decode(ConsensusTerms.self, forKey: .consensus))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown mechanism \(other)")
        }
    }

    /// Encodes the kind and its terms.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .ptsfd(let terms):
            try c.encode("ptsfd", forKey: .kind)
            try c.encode(terms, forKey: .ptsfd)
        case .consensus(let terms):
            try c.encode("consensus", forKey: .kind)
            try c.encode(terms, forKey: .consensus)
        }
    }
}

