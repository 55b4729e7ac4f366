import Ledger
import Mechanisms
import Specs

/// What a campaign keeps fixed when it draws configurations: any field left `nil` is drawn.
/// Built from a spec with `init(spec:)`, so `fuzz` explores around the deployed terms.
public struct ContractBase: Hashable, Sendable {
    /// The mechanism, or `nil` to draw both (PTSFD 7 in 10).
    public var kind: Spec.Mechanism.Kind?
    /// The PTSFD knobs, or `nil` to draw every knob.
    public var knobs: Knobs?
    /// The deposits to draw from, or `nil` for a fixed menu including the largest allowed.
    public var deposits: ClosedRange<Int>?
    /// The consensus rewards to draw from, or `nil` for a small menu.
    public var rewards: ClosedRange<Int>?
    /// The commit window, or `nil` for 1 ... 3 blocks.
    public var commitWindow: Int?
    /// The reveal window, or `nil` for 1 ... 3 blocks.
    public var revealWindow: Int?
    /// The number of members, or `nil` for 2 ... 4.
    public var members: Int?
    /// The number of PTSFD classes, or `nil` for 1 ... 3.
    public var classes: Int?

    /// A base; every field defaults to "draw it".
    public init(
        kind: Spec.Mechanism.Kind? = nil, knobs: Knobs? = nil, deposits: ClosedRange<Int>? = nil,
        rewards: ClosedRange<Int>? = nil, commitWindow: Int? = nil, revealWindow: Int? = nil,
        members: Int? = nil, classes: Int? = nil
    ) {
        self.kind = kind
        self.knobs = knobs
        self.deposits = deposits
        self.rewards = rewards
        self.commitWindow = commitWindow
        self.revealWindow = revealWindow
        self.members = members
        self.classes = classes
    }

    /// The spec's mechanism kind, knobs, deposit and reward ranges, windows, federation size
    /// (at most `ContractAccounts.maximumMembers`) and classes.
    public init(spec: Spec) {
        self.init(
            kind: spec.mechanism.kind, knobs: spec.knobs, deposits: spec.mechanism.depositRange,
            rewards: spec.mechanism.rewardRange, commitWindow: spec.contract.commitWindow,
            revealWindow: spec.contract.revealWindow,
            members: min(spec.federation.workers, ContractAccounts.maximumMembers),
            classes: spec.federation.classes)
    }
}

/// The accounts of generated cases: members `Address(index: 0 ..< maximumMembers)`, a
/// stranger, the deployer and the contract, computed once.
public enum ContractAccounts {
    /// The largest federation a generated case has.
    public static let maximumMembers = 32
    /// `Address(index: k)` for `k` in `0 ..< maximumMembers`.
    public static let members: [Address] = (0 ..< maximumMembers).map { Address(index: UInt64($0)) }
    /// An address outside every federation.
    public static let stranger = Address(index: 999)
    /// The deployer (the consensus requester).
    public static let deployer = Address(index: 1000)
    /// The contract's own address.
    public static let contract = Address(index: 2000)
}
