/// One member's state in the current round.
public struct Seat: Hashable, Sendable {
    /// Whether the member paid its deposit for this round.
    public internal(set) var registered = false
    /// The member's hashCommit, once committed.
    public internal(set) var commitment: Hash32? = nil
    /// The opened payload, once revealed.
    public internal(set) var reveal: RevealPayload? = nil

    /// A seat with nothing done yet.
    public init() {}
}

/// The contract's accounts, in integer units.
///
/// Conservation: `paidIn == withdrawn + (sum of claimable balances) + slashed + residue + escrow`.
public struct Funds: Hashable, Sendable {
    /// Everything ever paid in: deposits and the requester's reward.
    public internal(set) var paidIn: Int
    /// Everything paid out by withdraw.
    public internal(set) var withdrawn: Int
    /// Forfeited deposits, kept by the contract.
    public internal(set) var slashed: Int
    /// Payout rounding dust and unclaimed pool remainders, kept by the contract.
    public internal(set) var residue: Int
    /// Held for the round in progress: its deposits (and the unpaid consensus reward).
    public internal(set) var escrow: Int
}
