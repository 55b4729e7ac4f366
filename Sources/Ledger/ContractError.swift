/// Why the contract refused a deployment or a transaction. A refused transaction leaves the
/// contract unchanged.
public enum ContractError: Error, Hashable, Sendable, CustomStringConvertible {
    // Deployment.
    /// The federation is empty.
    case noMembers
    /// An address is listed twice among the members.
    case duplicateMember(Address)
    /// A consensus contract needs at least two workers.
    case tooFewMembers(count: Int, minimum: Int)
    /// The deposit is below 1 unit.
    case depositTooSmall(Int)
    /// The commit or reveal window is shorter than 1 block.
    case windowTooShort(Phase, blocks: Int)
    /// The lambda schedule has no entry, so there would be no round.
    case emptyLambdaSchedule
    /// beta, a lambda or an entropy threshold is infinite or NaN.
    case nonFiniteParameter(name: String, value: Double)
    /// beta or a lambda beyond `+-limit` (`FixedPoint.maximumParameter`), the range the integer
    /// settlement carries without overflow.
    case parameterOutOfRange(name: String, value: Double, limit: Double)
    /// The number of classes is outside `1 ... 254`.
    case classesOutOfRange(Int)
    /// No public sample, or a vote table of `samples * members` that could overflow.
    case samplesOutOfRange(samples: Int, members: Int)
    /// Fewer than 1 unit per 1.0 of reward.
    case unitsPerRewardTooSmall(Int)
    /// `peersPerSample = .k(k)` with k outside `2 ... members`.
    case peersPerSampleOutOfRange(k: Int, members: Int)
    /// The requester's reward is negative.
    case negativeReward(Int)
    /// Deposits and reward could overflow (see `ContractConfig.validate()`).
    case amountsTooLarge(members: Int, rounds: Int, deposit: Int, reward: Int)
    /// The deploy height is negative.
    case negativeHeight(Int)
    // Any transaction.
    /// The transaction's height is below the last accepted height.
    case heightWentBackwards(height: Int, last: Int)
    /// Every round is settled; only withdraw is accepted.
    case contractFinished(rounds: Int)
    /// The sender is not in the federation.
    case notAMember(Address)
    /// The height lies outside the phase's half-open window `[opens, closes)`.
    case outsideWindow(Phase, height: Int, opens: Int, closes: Int)
    // Register, commit, reveal.
    /// A registration paid another amount than the deposit.
    case wrongDeposit(sent: Int, required: Int)
    /// The member already registered in this round.
    case alreadyRegistered(Address, round: Int)
    /// The member has not registered in this round.
    case notRegistered(Address, round: Int)
    /// The member already committed in this round.
    case alreadyCommitted(Address, round: Int)
    /// A reveal without a commitment.
    case notCommitted(Address, round: Int)
    /// The member already revealed in this round.
    case alreadyRevealed(Address, round: Int)
    /// A consensus result sent to a PTSFD contract, or labels to a consensus contract.
    case wrongPayloadKind(expected: String)
    /// Y does not have one byte per public sample.
    case wrongLabelsLength(found: Int, expected: Int)
    /// A byte of Y is neither a class nor `0xFF`.
    case labelOutOfRange(sample: Int, label: UInt8, classes: Int)
    /// labelCount does not have one entry per class.
    case wrongLabelCountLength(found: Int, expected: Int)
    /// A labelCount entry is negative.
    case negativeLabelCount(class: Int, value: Int)
    /// The reveal's hashCommit differs from the commitment.
    case revealMismatch(Address, committed: Hash32, revealed: Hash32)
    // Settle and withdraw.
    /// Settle before the reveal window has closed.
    case settleTooEarly(height: Int, deadline: Int)
    /// Settle of a round that is already settled.
    case roundAlreadySettled(round: Int)
    /// Settle names a round that is not the current one (nor a settled one).
    case wrongRound(requested: Int, current: Int)
    /// Withdraw with a claimable balance of 0.
    case nothingToWithdraw(Address)
    /// An amount would overflow `Int` (ruled out by deploy validation, but never a trap).
    case arithmeticOverflow(String)

    /// A sentence naming the rule and the offending values.
    public var description: String {
        switch self {
        case .noMembers: "the federation has no members"
        case .duplicateMember(let a): "member \(a) is listed twice"
        case .tooFewMembers(let n, let min): "\(n) members, but at least \(min) are needed"
        case .depositTooSmall(let d): "the deposit must be at least 1 unit, not \(d)"
        case .windowTooShort(let p, let b): "the \(p) window must be at least 1 block, not \(b)"
        case .emptyLambdaSchedule: "the lambda schedule is empty (it sets the number of rounds)"
        case .nonFiniteParameter(let name, let v): "\(name) must be finite, not \(v)"
        case .parameterOutOfRange(let name, let v, let limit):
            "\(name) must lie in [-\(limit), \(limit)] (the integer settlement's range), not \(v)"
        case .classesOutOfRange(let c): "classes must be between 1 and 254, not \(c)"
        case .samplesOutOfRange(let m, let n):
            "\(m) samples for \(n) members: need at least 1 sample and a vote table that fits"
        case .unitsPerRewardTooSmall(let u): "unitsPerReward must be at least 1, not \(u)"
        case .peersPerSampleOutOfRange(let k, let n):
            "peers per sample k = \(k) must lie in 2 ... \(n) (the number of members)"
        case .negativeReward(let r): "the requester's reward must not be negative, not \(r)"
        case .amountsTooLarge(let n, let rounds, let d, let r):
            "amounts could overflow: \(n) members, \(rounds) rounds, deposit \(d), reward \(r) "
                + "exceed Int.max / 4 in n^2 * d + r or rounds * n * d + r"
        case .negativeHeight(let h): "the deploy height must not be negative, not \(h)"
        case .heightWentBackwards(let h, let last):
            "height \(h) is below the last accepted height \(last)"
        case .contractFinished(let rounds):
            "all \(rounds) rounds are settled; only withdraw is open"
        case .notAMember(let a): "\(a) is not a member of the federation"
        case .outsideWindow(let p, let h, let open, let close):
            "\(p) is open during blocks [\(open), \(close)), not at height \(h)"
        case .wrongDeposit(let sent, let required): "sent \(sent) units, the deposit is \(required)"
        case .alreadyRegistered(let a, let r): "\(a) already registered for round \(r)"
        case .notRegistered(let a, let r): "\(a) is not registered for round \(r)"
        case .alreadyCommitted(let a, let r): "\(a) already committed in round \(r)"
        case .notCommitted(let a, let r): "\(a) has no commitment in round \(r)"
        case .alreadyRevealed(let a, let r): "\(a) already revealed in round \(r)"
        case .wrongPayloadKind(let kind): "this contract expects a \(kind) reveal"
        case .wrongLabelsLength(let found, let expected):
            "Y has \(found) bytes, but there are \(expected) public samples"
        case .labelOutOfRange(let j, let label, let c):
            "sample \(j): label \(label) is neither a class (0 ..< \(c)) nor 0xFF"
        case .wrongLabelCountLength(let found, let expected):
            "labelCount has \(found) entries, but there are \(expected) classes"
        case .negativeLabelCount(let x, let v): "labelCount[\(x)] = \(v) is negative"
        case .revealMismatch(let a, let committed, let revealed):
            "the reveal of \(a) hashes to \(revealed), but the commitment is \(committed)"
        case .settleTooEarly(let h, let deadline):
            "settle opens at height \(deadline), not \(h)"
        case .roundAlreadySettled(let r): "round \(r) is already settled"
        case .wrongRound(let requested, let current):
            "settle names round \(requested), but the current round is \(current)"
        case .nothingToWithdraw(let a): "\(a) has nothing to withdraw"
        case .arithmeticOverflow(let what): "arithmetic overflow in \(what)"
        }
    }
}
