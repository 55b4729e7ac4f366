import Mechanisms

/// The one settle-and-pay sequence of a PTSFD round, shared by the contract (`Contract`'s
/// settle), the `settle` command and the `budget-solvent` check: mask the member-indexed votes
/// by the round's peer allocation, keep the settling workers, settle in integers
/// (`FixedPointSettlement`) and pay (`Payout.plan(rule:deposits:units:)`).
public enum RoundSettlement {
    /// Settles and pays one PTSFD round.
    /// - Parameters:
    ///   - votes: the member-indexed revealed votes (missing for members without a reveal).
    ///   - settling: the settling members, in member order.
    ///   - reportedLabelCounts: the settling members' revealed labelCounts (used under
    ///     `labelCount = paper`), or `nil` to recompute them.
    ///   - beta: beta, `|beta| <= FixedPoint.maximumParameter`.
    ///   - lambda: the round's lambda, `|lambda| <= FixedPoint.maximumParameter`.
    ///   - knobs: the contract's knobs; under `peersPerSample = .k` the allocation runs over all
    ///     members of `votes` with `allocationSeed`.
    ///   - unitsPerReward: units per 1.0 of reward (>= 1).
    ///   - deposit: each settling worker's deposit.
    ///   - allocationSeed: s_r, the round's allocation seed (unused under `.all`).
    /// - Complexity: O(m * (n + |C|)).
    public static func ptsfd(
        votes: VoteMatrix, settling: [Int], reportedLabelCounts: [[Int]]?,
        beta: Double, lambda: Double, knobs: Knobs, unitsPerReward: Int, deposit: Int,
        allocationSeed: UInt64
    ) -> FixedPointSettlement {
        let masked = votes.masked(peersPerSample: knobs.peersPerSample, seed: allocationSeed)
        return FixedPointSettlement.settle(
            votes: masked.selecting(workers: settling), reportedLabelCounts: reportedLabelCounts,
            betaWad: FixedPoint.wad(beta), lambdaWad: FixedPoint.wad(lambda), knobs: knobs,
            unitsPerReward: unitsPerReward, deposit: deposit)
    }
}
