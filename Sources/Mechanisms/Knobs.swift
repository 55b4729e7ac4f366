/// How R_i, the distribution of the other workers' reports, is normalised.
public enum Normalization: String, CaseIterable, Sendable, Codable {
    /// Line 20 of Algorithm 3 (and Eq. 12) as printed: `R_i = (G - labelCount_i) / (n * M[i])`,
    /// which does not sum to one.
    case paper
    /// `R_i(x) = (G(x) - labelCount_i(x)) / sum_y (G(y) - labelCount_i(y))`, a distribution.
    case proper
}

/// How the aggregated label of a sample is chosen from its votes.
public enum Aggregation: String, CaseIterable, Sendable, Codable {
    /// Lines 29-31 of Algorithm 3 exactly as printed: the loop compares a vote count with the
    /// label index held so far (`if Votes[j, c] > globalLabels[j] then globalLabels[j] = c`).
    case paper
    /// The class with most votes, ties to the lowest class index.
    case argmax
}

/// Whether the contract trusts the labelCount a worker reveals.
public enum LabelCountPolicy: String, CaseIterable, Sendable, Codable {
    /// The reported labelCount is used as is (section 4.3 leaves validation out of scope).
    case paper
    /// labelCount is recomputed from the revealed votes; a mismatch is slashed.
    case verified
}

/// What the commitment hash binds.
public enum CommitmentScheme: String, CaseIterable, Sendable, Codable {
    /// `H(Y, labelCount, salt)` as in Algorithm 2.
    case paper
    /// Additionally binds the sender's address, the contract address and the round number, so a
    /// commitment cannot be copied by another worker or replayed in another round.
    case bound
}

/// How many workers label each public sample (section 4.7, Eq. 15).
public enum PeersPerSample: Hashable, Sendable {
    /// Every worker labels every sample (the baseline of Algorithm 3).
    case all
    /// A seeded allocation in which each sample is labelled by exactly `k >= 2` workers.
    case k(Int)
}

/// How settled rewards become integer payouts out of the pool of deposits.
public enum PayoutRule: String, CaseIterable, Sendable, Codable {
    /// Worker i is paid `D_i + reward_i` (section 3.1) whatever the pool holds; a pool that cannot
    /// pay is shared pro rata (see `Payout`).
    case paper
    /// Zero-sum: `D_i + (reward_i - mean reward)`, losses capped at the deposit and gains scaled
    /// to the losses, never paying out more than the pool (see `Payout`).
    case balanced
}

/// Every choice the PTSFD paper makes, as a named knob.
public struct Knobs: Hashable, Sendable, Codable {
    public var normalization: Normalization
    public var aggregation: Aggregation
    public var labelCount: LabelCountPolicy
    public var commitment: CommitmentScheme
    public var peersPerSample: PeersPerSample
    public var payout: PayoutRule

    public init(
        normalization: Normalization = .proper,
        aggregation: Aggregation = .argmax,
        labelCount: LabelCountPolicy = .verified,
        commitment: CommitmentScheme = .bound,
        peersPerSample: PeersPerSample = .all,
        payout: PayoutRule = .balanced
    ) {
        self.normalization = normalization
        self.aggregation = aggregation
        self.labelCount = labelCount
        self.commitment = commitment
        self.peersPerSample = peersPerSample
        self.payout = payout
    }

    /// The hardened defaults.
    public static let hardened = Knobs()

    /// Every knob at the value that follows the printed text.
    public static let paper = Knobs(
        normalization: .paper, aggregation: .paper, labelCount: .paper,
        commitment: .paper, peersPerSample: .all, payout: .paper)
}
