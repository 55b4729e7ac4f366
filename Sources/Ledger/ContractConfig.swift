import Mechanisms

/// The terms of a PTSFD contract (Witt et al., section 4.1): the reward parameters and the
/// shape of the public data set.
public struct PTSFDTerms: Hashable, Sendable {
    /// beta, the penalty term of Eq. 2 (finite).
    public var beta: Double
    /// lambda per round: `lambdaSchedule[r]` scales round r, and the contract runs
    /// `lambdaSchedule.count` rounds (each entry finite, at least one entry).
    public var lambdaSchedule: [Double]
    /// |C|, the number of classes, `1 ... VoteMatrix.maximumClasses` (so `0xFF` is never a class).
    public var classes: Int
    /// m, the number of public samples: the length of every revealed `Y`.
    public var samples: Int
    /// The mechanism knobs (normalization, aggregation, label-count policy, commitment scheme,
    /// peers per sample, payout rule).
    public var knobs: Knobs
    /// Integer units paid per 1.0 of reward (>= 1).
    public var unitsPerReward: Int
    /// The seed of the peer allocation when `knobs.peersPerSample` is `.k`; round r uses
    /// `SplitMix64(seed: allocationSeed, stream: UInt64(r)).next()`.
    public var allocationSeed: UInt64

    /// Terms with the given parameters; see the properties for their meaning.
    public init(
        beta: Double, lambdaSchedule: [Double], classes: Int, samples: Int,
        knobs: Knobs = .hardened, unitsPerReward: Int, allocationSeed: UInt64 = 0
    ) {
        self.beta = beta
        self.lambdaSchedule = lambdaSchedule
        self.classes = classes
        self.samples = samples
        self.knobs = knobs
        self.unitsPerReward = unitsPerReward
        self.allocationSeed = allocationSeed
    }
}

/// The terms of a commit-reveal consensus contract (Lu, Tang and Wang, sections IV and VI).
/// It runs one round.
public struct ConsensusTerms: Hashable, Sendable {
    /// r, the requester's reward, paid into the contract by the deployer at deploy (>= 0).
    public var reward: Int
    /// E_ck, the results that count as no submission.
    public var junk: CommonKnowledgeSet
    /// The task's input (for the `equalToInput` junk rule).
    public var input: [UInt8]
    /// What the commitment binds.
    public var commitment: CommitmentScheme

    /// Terms with the given parameters; see the properties for their meaning.
    public init(
        reward: Int, junk: CommonKnowledgeSet = .paper, input: [UInt8] = [],
        commitment: CommitmentScheme = .bound
    ) {
        self.reward = reward
        self.junk = junk
        self.input = input
        self.commitment = commitment
    }
}

/// Everything fixed when the contract is deployed (Witt et al., section 4.1).
public struct ContractConfig: Hashable, Sendable, Codable {
    /// Which reward mechanism the contract runs.
    public enum Mechanism: Hashable, Sendable {
        /// The Peer Truth Serum for Federated Distillation (Witt et al.).
        case ptsfd(PTSFDTerms)
        /// The commit-reveal consensus mechanism (Lu, Tang and Wang).
        case consensus(ConsensusTerms)
    }

    /// The contract's own address (`address(this)`), bound into `bound` commitments.
    public var contract: Address
    /// The mechanism and its terms.
    public var mechanism: Mechanism
    /// A digest of the task description.
    public var taskDigest: Hash32
    /// A digest of the public data set X_pub.
    public var publicDataDigest: Hash32
    /// D, the deposit each worker pays per round, in integer units (>= 1).
    public var deposit: Int
    /// Blocks for registration and commit, from the start of a round (>= 1).
    public var commitWindow: Int
    /// Blocks for reveal, right after the commit window (>= 1).
    public var revealWindow: Int
    /// The federation: the only addresses that may register, in worker-index order.
    public var members: [Address]

    /// A configuration with the given fields; see the properties for their meaning.
    public init(
        contract: Address, mechanism: Mechanism, taskDigest: Hash32 = .zero,
        publicDataDigest: Hash32 = .zero, deposit: Int, commitWindow: Int, revealWindow: Int,
        members: [Address]
    ) {
        self.contract = contract
        self.mechanism = mechanism
        self.taskDigest = taskDigest
        self.publicDataDigest = publicDataDigest
        self.deposit = deposit
        self.commitWindow = commitWindow
        self.revealWindow = revealWindow
        self.members = members
    }

    /// The number of rounds: the length of the lambda schedule, or 1 for consensus.
    public var rounds: Int {
        switch mechanism {
        case .ptsfd(let terms): terms.lambdaSchedule.count
        case .consensus: 1
        }
    }

    /// The reward the deployer pays in at deploy: r for consensus, 0 for PTSFD.
    public var requesterReward: Int {
        if case .consensus(let terms) = mechanism { return terms.reward }
        return 0
    }

    /// The commitment scheme in force.
    public var commitmentScheme: CommitmentScheme {
        switch mechanism {
        case .ptsfd(let terms): terms.knobs.commitment
        case .consensus(let terms): terms.commitment
        }
    }
}
