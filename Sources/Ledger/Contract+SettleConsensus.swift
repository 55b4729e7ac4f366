import Mechanisms

extension Contract {
    /// Consensus settlement (Lu, Tang and Wang, sections IV and VI) through `Consensus.settle`.
    ///
    /// Every member is one of the n workers. A member that did not register, commit or reveal
    /// is `.none` (a failure); so is a result in E_ck. Payouts go to the members' claimable
    /// balances and the requester refund to the deployer's. `Consensus.settle` counts a deposit
    /// of D for every worker; a member that never registered paid nothing, so its D is taken
    /// back out of the slashed amount (its payout is 0, so the rest is unchanged).
    mutating func _settleConsensus(
        _ terms: ConsensusTerms, by sender: Address, at height: Int
    ) throws(ContractError) -> RoundRecord {
        let members = config.members, deposit = config.deposit
        let submissions: [Consensus.Submission] = seats.map { seat in
            guard seat.registered, case .result(let bytes, _)? = seat.reveal else { return .none }
            return .result(bytes)
        }
        let outcome = Consensus.settle(
            submissions, deposit: deposit, reward: terms.reward, junk: terms.junk,
            input: terms.input)
        let registered = seats.filter(\.registered).count
        let deposits = try checkedMultiply(registered, deposit, "round deposits")
        let unpaid = try checkedMultiply(members.count - registered, deposit, "unpaid deposits")
        let slashedAmount = try checkedSubtract(outcome.slashed, unpaid, "slashed deposits")
        guard slashedAmount >= 0 else { throw .arithmeticOverflow("negative consensus slash") }
        let paidIn = try checkedAdd(deposits, terms.reward, "round funds")

        for (i, member) in members.enumerated() { try credit(outcome.payouts[i], to: member) }
        try credit(outcome.requesterRefund, to: deployer)
        funds.slashed = try checkedAdd(funds.slashed, slashedAmount, "slashed account")
        funds.escrow = try checkedSubtract(funds.escrow, paidIn, "escrow")
        let failed = members.indices.filter { i in
            seats[i].registered
                && !Consensus.isValid(submissions[i], junk: terms.junk, input: terms.input)
        }
        return RoundRecord(
            round: round, startHeight: roundStart, settleHeight: height, settledBy: sender,
            paidIn: paidIn, workers: members, payouts: outcome.payouts, rewards: [], rewardUnits: [], labels: [],
            slashed: failed.map { members[$0] }, slashedAmount: slashedAmount, residue: 0,
            shortfall: false, requesterRefund: outcome.requesterRefund, allocationSeed: nil)
    }
}
