import Ledger

/// The checkers of the contract properties (`FuzzPropertyID.Layer.contract`), one per
/// property, run after every step. Each returns `nil` when the property holds, or a message.
public enum ContractChecks {
    /// Every contract-layer property, in `FuzzPropertyID` order.
    public static let properties: [FuzzPropertyID] = FuzzPropertyID.allCases.filter {
        $0.layer == .contract
    }

    /// Runs the checker of `property` on one step.
    /// - Returns: a message when the property is violated, `nil` when it holds or when the
    ///   property is not judged by the contract layer.
    public static func check<C: ContractUnderTest>(
        _ property: FuzzPropertyID, _ o: ContractObservation<C>
    ) -> String? {
        switch property {
        case .depositConservation: depositConservation(o)
        case .singleSettlement: singleSettlement(o)
        case .revealBinding: revealBinding(o)
        case .withholdingSlashed: withholdingSlashed(o)
        case .refusalNoEffect: refusalNoEffect(o)
        case .membersOnlyPaid: membersOnlyPaid(o)
        case .withdrawBounded: withdrawBounded(o)
        case .noFreeRiding, .labelCountIntegrity, .honestDominatesHeuristic,
            .honestDominatesCollusion, .certaintyThresholdUnpunished, .paddingUnprofitable,
            .sybilUnprofitable, .withholdingUnprofitable, .honestUniqueEquilibrium,
            .distillationHelpsHonest:
            nil
        }
    }

    /// `deposit-conservation`: the implementation's own invariants hold, and the units it
    /// says were paid in and withdrawn equal the driver's count, exactly.
    static func depositConservation<C: ContractUnderTest>(_ o: ContractObservation<C>) -> String? {
        if !o.afterAlreadyConsistent {
            let problems = o.after.checkInvariants()
            if !problems.isEmpty { return problems.joined(separator: "; ") }
        }
        let funds = o.after.funds
        if funds.paidIn != o.book.paidIn {
            return "the contract holds \(funds.paidIn) paid in, the driver counted \(o.book.paidIn)"
        }
        if funds.withdrawn != o.book.withdrawn {
            return "the contract paid out \(funds.withdrawn), the driver counted \(o.book.withdrawn)"
        }
        return nil
    }

    /// `single-settlement`: at most one accepted settle per round, and one record per
    /// settled round.
    static func singleSettlement<C: ContractUnderTest>(_ o: ContractObservation<C>) -> String? {
        let after = o.after
        if after.records.count != after.round {
            return "\(after.records.count) records in round \(after.round)"
        }
        if case .settle(_, let r) = o.step.transaction, o.refusal == nil {
            if o.book.settledRounds.dropLast().contains(r) { return "round \(r) settled twice" }
            if after.round != o.before.round + 1 {
                return "an accepted settle moved round \(o.before.round) to \(after.round)"
            }
        } else if after.round != o.before.round {
            return "round moved from \(o.before.round) to \(after.round) without a settle"
        }
        return nil
    }

    /// `reveal-binding`: an accepted reveal opens the sender's own commitment of the round,
    /// recomputed here from the configuration.
    static func revealBinding<C: ContractUnderTest>(_ o: ContractObservation<C>) -> String? {
        guard o.refusal == nil, case .reveal(let sender, let payload) = o.step.transaction else {
            return nil
        }
        let before = o.before
        guard let i = before.config.members.firstIndex(of: sender) else {
            return "accepted a reveal from non-member \(sender)"
        }
        guard let committed = before.seats[i].commitment else {
            return "accepted a reveal from \(sender) without a commitment"
        }
        let opened = before.expectedCommitment(of: payload, by: sender)
        guard opened == committed else {
            return "accepted a reveal from \(sender) hashing to \(opened), committed \(committed)"
        }
        return nil
    }

    /// `withholding-slashed`: at an accepted settle, every member registered in the round
    /// without a reveal is in the record's slashed list, is paid nothing and credited nothing.
    static func withholdingSlashed<C: ContractUnderTest>(_ o: ContractObservation<C>) -> String? {
        guard o.refusal == nil, case .settle = o.step.transaction else { return nil }
        let before = o.before
        guard let record = o.after.records.last, o.after.records.count > before.records.count
        else { return "an accepted settle left no record" }
        for (i, seat) in before.seats.enumerated() where seat.registered && seat.reveal == nil {
            let member = before.config.members[i]
            if !record.slashed.contains(member) {
                return "withholder \(member) is not slashed in round \(record.round)"
            }
            if let paid = record.payout(of: member), paid != 0 {
                return "withholder \(member) is paid \(paid) in round \(record.round)"
            }
            let gained = o.after.claimable(member) - before.claimable(member)
            if gained > 0 { return "withholder \(member) is credited \(gained)" }
        }
        return nil
    }

    /// `refusal-no-effect`: a refused transaction leaves the state equal to the state before.
    static func refusalNoEffect<C: ContractUnderTest>(_ o: ContractObservation<C>) -> String? {
        guard let refusal = o.refusal, !o.unchanged else { return nil }
        return "refused (\(refusal)) but changed the state"
    }

    /// `members-only-paid`: only members, and the deployer of a consensus contract (its
    /// refund), hold a claimable balance.
    static func membersOnlyPaid<C: ContractUnderTest>(_ o: ContractObservation<C>) -> String? {
        let after = o.after
        guard after.balances != o.before.balances else { return nil }
        let config = after.config
        var refundable = false
        if case .consensus = config.mechanism { refundable = true }
        for (account, amount) in after.balances where amount != 0 {
            if refundable && account == after.deployer { continue }
            if !config.members.contains(account) {
                return "non-member \(account) holds a claimable balance of \(amount)"
            }
        }
        return nil
    }

    /// `withdraw-bounded`: an accepted withdraw pays exactly the balance owed (leaving 0), and
    /// nobody ever withdraws more than was credited to it in total; nothing else pays out.
    static func withdrawBounded<C: ContractUnderTest>(_ o: ContractObservation<C>) -> String? {
        let paid = o.after.funds.withdrawn &- o.before.funds.withdrawn
        guard o.refusal == nil, case .withdraw(let sender) = o.step.transaction else {
            return paid == 0 ? nil : "paid out \(paid) without a withdraw"
        }
        let owed = o.before.claimable(sender)
        if paid != owed { return "withdraw paid \(sender) \(paid), it was owed \(owed)" }
        if o.after.claimable(sender) != 0 {
            return "\(sender) still holds \(o.after.claimable(sender)) after withdrawing"
        }
        let total = o.book.withdrawnBy[sender] ?? 0, credited = o.book.credited[sender] ?? 0
        if total > credited { return "\(sender) withdrew \(total) in total, credited \(credited)" }
        return nil
    }
}
