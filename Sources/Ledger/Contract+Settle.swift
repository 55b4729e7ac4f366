import Mechanisms

extension Contract {
    /// The allocation seed of round `r` under `.k` peers per sample: the first output of stream
    /// r of the deployed `allocationSeed`, `SplitMix64(seed: allocationSeed, stream: r).next()`.
    /// - Parameters:
    ///   - allocationSeed: `PTSFDTerms.allocationSeed`.
    ///   - round: the 0-based round.
    public static func allocationSeed(_ allocationSeed: UInt64, round: Int) -> UInt64 {
        var generator = SplitMix64(seed: allocationSeed, stream: UInt64(truncatingIfNeeded: round))
        return generator.next()
    }

    /// Settles the current round once its reveal window has closed, then opens the next round
    /// at this height.
    /// - Throws: `roundAlreadySettled` for an earlier round, `contractFinished`, `wrongRound`
    ///   for any other round than the current one, `settleTooEarly`, or `arithmeticOverflow`.
    mutating func _settle(
        by sender: Address, round requested: Int, at height: Int
    ) throws(ContractError) {
        guard !(0 ..< round).contains(requested) else {
            throw .roundAlreadySettled(round: requested)
        }
        guard !isFinished else { throw .contractFinished(rounds: config.rounds) }
        guard requested == round else { throw .wrongRound(requested: requested, current: round) }
        guard height >= settleHeight else {
            throw .settleTooEarly(height: height, deadline: settleHeight)
        }
        let record: RoundRecord
        switch config.mechanism {
        case .ptsfd(let terms): record = try _settlePTSFD(terms, by: sender, at: height)
        case .consensus(let terms): record = try _settleConsensus(terms, by: sender, at: height)
        }
        records.append(record)
        round += 1
        roundStart = height
        seats = Array(repeating: Seat(), count: seats.count)
    }

    /// PTSFD settlement (Witt et al., section 4.5, Algorithm 3) in integers
    /// (`contracts/README.md`, "Integer settlement").
    ///
    /// 1. Registered members without a reveal are slashed. Under `verified`, a revealed
    ///    labelCount that differs from `VoteMatrix.labelCount(of:)` of the revealed Y is slashed
    ///    and its worker excluded.
    /// 2. `RoundSettlement.ptsfd` masks the member-indexed votes by the seeded `PeerAllocation`
    ///    over all members when `peersPerSample` is `.k`, with seed `allocationSeed(_:round:)`,
    ///    keeps the settling workers in member order, settles them with
    ///    `FixedPointSettlement` (`lambda = lambdaSchedule[round]`) and pays them with
    ///    `Payout.plan(rule:deposits:units:)`; the residue goes to the residue account.
    /// With no settling worker nothing is computed: no payouts, no labels (an empty list).
    mutating func _settlePTSFD(
        _ terms: PTSFDTerms, by sender: Address, at height: Int
    ) throws(ContractError) -> RoundRecord {
        let members = config.members, deposit = config.deposit
        let revealed = _collectReveals(terms)
        let settling = revealed.settling
        var seed: UInt64? = nil
        var rewards: [Double] = [], units: [Int] = [], labels: [Int] = []
        var payouts: [Int] = [], residue = 0, shortfall = false
        if let votes = revealed.votes, !settling.isEmpty {
            let roundSeed = Self.allocationSeed(terms.allocationSeed, round: round)
            if case .k = terms.knobs.peersPerSample { seed = roundSeed }
            let settlement = RoundSettlement.ptsfd(
                votes: votes, settling: settling, reportedLabelCounts: revealed.reportedCounts,
                beta: terms.beta, lambda: terms.lambdaSchedule[round], knobs: terms.knobs,
                unitsPerReward: terms.unitsPerReward, deposit: deposit, allocationSeed: roundSeed)
            rewards = settling.indices.map { settlement.reward(of: $0) }
            (units, labels) = (settlement.units, settlement.labels)
            let plan = settlement.plan
            (payouts, residue, shortfall) = (plan.payouts, plan.residue, plan.shortfall)
        }

        let paidIn = try checkedMultiply(revealed.registered, deposit, "round deposits")
        let slashedAmount = try checkedMultiply(revealed.slashed.count, deposit, "slashed deposits")
        for (k, i) in settling.enumerated() { try credit(payouts[k], to: members[i]) }
        funds.slashed = try checkedAdd(funds.slashed, slashedAmount, "slashed account")
        funds.residue = try checkedAdd(funds.residue, residue, "residue account")
        funds.escrow = try checkedSubtract(funds.escrow, paidIn, "escrow")
        return RoundRecord(
            round: round, startHeight: roundStart, settleHeight: height, settledBy: sender,
            paidIn: paidIn, workers: settling.map { members[$0] }, payouts: payouts,
            rewards: rewards, rewardUnits: units, labels: labels, slashed: revealed.slashed.map { members[$0] },
            slashedAmount: slashedAmount, residue: residue, shortfall: shortfall,
            requesterRefund: 0, allocationSeed: seed)
    }

    /// The reveals of the current PTSFD round: the member-indexed votes (`nil` when nobody
    /// revealed, so that an empty round allocates nothing), the settling members, the slashed
    /// members and the reported labelCounts of the settling ones.
    /// - Complexity: O(n * m).
    func _collectReveals(_ terms: PTSFDTerms) -> RevealedRound {
        let n = config.members.count, m = terms.samples
        var round = RevealedRound()
        for i in 0 ..< n where seats[i].registered {
            round.registered += 1
            guard case .labels(let y, let labelCount, _)? = seats[i].reveal else {
                round.slashed.append(i)
                continue
            }
            var votes = round.votes ?? VoteMatrix(workers: n, samples: m, classes: terms.classes)
            round.votes = nil  // keep the storage uniquely referenced while writing
            let missing = votes.missingCode
            votes.withMutableCodes { codes in
                for j in 0 ..< m { codes[j &* n &+ i] = y[j] == 0xFF ? missing : y[j] }
            }
            let checked = terms.knobs.labelCount == .verified
            let truthful = !checked || Self.labelCount(of: y, classes: terms.classes) == labelCount
            round.votes = votes
            if !truthful {
                round.slashed.append(i)
                continue
            }
            round.settling.append(i)
            round.reportedCounts.append(labelCount)
        }
        return round
    }
}

extension Contract {
    /// labelCount of a revealed Y: how often each class occurs, `0xFF` not counted; the same
    /// as `VoteMatrix.labelCount(of:)` of the worker's column, read off Y's contiguous bytes.
    /// - Precondition: every byte is a class below `classes` or `0xFF` (`validate` checked it).
    /// - Complexity: O(m + |C|).
    static func labelCount(of y: [UInt8], classes: Int) -> [Int] {
        var histogram = InlineArray<256, Int>(repeating: 0)
        y.withUnsafeBufferPointer { bytes in
            for byte in bytes { histogram[Int(byte)] &+= 1 }
        }
        return (0 ..< classes).map { histogram[$0] }
    }
}

/// What `_collectReveals` finds in a PTSFD round.
struct RevealedRound {
    var votes: VoteMatrix? = nil
    var registered = 0
    var settling: [Int] = []
    var slashed: [Int] = []
    var reportedCounts: [[Int]] = []
}
