/// What the contract keeps about one settled round.
///
/// Money of the round: `sum(payouts) + requesterRefund + slashedAmount + residue == paidIn`.
public struct RoundRecord: Sendable, Equatable, CustomStringConvertible {
    /// The 0-based round.
    public var round: Int
    /// s_r, the height at which the round started.
    public var startHeight: Int
    /// The height of the settle transaction (the start of the next round).
    public var settleHeight: Int
    /// Who sent the settle transaction.
    public var settledBy: Address
    /// Paid into the round: its deposits, plus the requester's reward for consensus.
    public var paidIn: Int
    /// The paid workers, in member order: for PTSFD the settling workers (revealed and, under
    /// `verified`, with a true labelCount); for consensus every member.
    public var workers: [Address]
    /// `payouts[k]` is credited to `workers[k]` (deposit refund included).
    public var payouts: [Int]
    /// PTSFD reward_i of each settling worker (lambda applied) for analysis and display:
    /// `FixedPointSettlement.reward(of:)`, t_i / WAD (+-infinity when unbounded); empty for
    /// consensus.
    public var rewards: [Double]
    /// PTSFD units_i of each settling worker, the integer reward the payout plan consumed
    /// (`FixedPointSettlement.units`; the EVM contract's `record_rewards(r)`); empty for
    /// consensus.
    public var rewardUnits: [Int]
    /// PTSFD Y_aggr, the aggregated label of each sample (-1 where nobody reported under
    /// `argmax`); empty for consensus and for a PTSFD round in which no worker settled.
    public var labels: [Int]
    /// Registered members that lost their whole deposit: for PTSFD, those that did not reveal or
    /// (under `verified`) revealed a false labelCount; for consensus, those without a valid
    /// submission (none, or in E_ck).
    public var slashed: [Address]
    /// The units moved to the slashed account.
    public var slashedAmount: Int
    /// The units of the pool paid to nobody (PTSFD payout rounding or unclaimed remainder).
    public var residue: Int
    /// True when `paper` payout claims exceeded the pool and were paid pro rata.
    public var shortfall: Bool
    /// Consensus: the reward returned to the requester (deployer); 0 for PTSFD.
    public var requesterRefund: Int
    /// PTSFD with `.k` peers per sample: the allocation seed of this round.
    public var allocationSeed: UInt64?

    /// The payout credited to `worker` in this round, or `nil` if it was not paid.
    public func payout(of worker: Address) -> Int? {
        workers.firstIndex(of: worker).map { payouts[$0] }
    }

    /// Equality with rewards compared bit for bit, so a NaN reward equals itself.
    public static func == (a: RoundRecord, b: RoundRecord) -> Bool {
        a.round == b.round && a.startHeight == b.startHeight && a.settleHeight == b.settleHeight
            && a.settledBy == b.settledBy && a.paidIn == b.paidIn && a.workers == b.workers
            && a.payouts == b.payouts && a.rewardUnits == b.rewardUnits && a.labels == b.labels && a.slashed == b.slashed
            && a.slashedAmount == b.slashedAmount && a.residue == b.residue
            && a.shortfall == b.shortfall && a.requesterRefund == b.requesterRefund
            && a.allocationSeed == b.allocationSeed
            && a.rewards.map(\.bitPattern) == b.rewards.map(\.bitPattern)
    }

    /// A one-line summary of the round's money.
    public var description: String {
        "round \(round) [\(startHeight), \(settleHeight)]: paid in \(paidIn), payouts \(payouts), "
            + (rewardUnits.isEmpty ? "" : "reward units \(rewardUnits), ")
            + "slashed \(slashedAmount), residue \(residue), refund \(requesterRefund)"
    }
}
