extension Contract {
    /// Every broken invariant, described; empty when the state is consistent. The oracle of
    /// tests and fuzzers.
    ///
    /// - Funds are conserved exactly: `paidIn == withdrawn + sum(claimable) + slashed +
    ///   residue + escrow`, and the records account for every unit.
    /// - No negative amount anywhere; zero balances are removed.
    /// - Escrow holds exactly the current round's deposits (and the unpaid consensus reward).
    /// - Each round is settled at most once: one record per settled round, in order, with
    ///   contiguous heights.
    /// - Seats are consistent: a reveal implies a commitment implies a registration.
    /// - Complexity: O(n + settled rounds * n).
    public func checkInvariants() -> [String] { _checkInvariants() }

    func _checkInvariants() -> [String] {
        var problems: [String] = []
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        for (account, amount) in balances {
            check(amount > 0, "balance of \(account) is \(amount); it must be positive or absent")
        }
        check(funds.paidIn >= 0, "paidIn is negative: \(funds.paidIn)")
        check(funds.withdrawn >= 0, "withdrawn is negative: \(funds.withdrawn)")
        check(funds.slashed >= 0, "slashed is negative: \(funds.slashed)")
        check(funds.residue >= 0, "residue is negative: \(funds.residue)")
        check(funds.escrow >= 0, "escrow is negative: \(funds.escrow)")

        let claimable = sumOrNil(balances.values)
        let accounted = claimable.flatMap {
            sumOrNil([funds.withdrawn, $0, funds.slashed, funds.residue, funds.escrow])
        }
        check(
            accounted == funds.paidIn,
            "not conserved: paid in \(funds.paidIn), but withdrawn + claimable + slashed + "
                + "residue + escrow = \(accounted.map(String.init) ?? "overflow")")

        let registered = seats.count(where: \.registered)
        let (deposits, overflow) = registered.multipliedReportingOverflow(by: config.deposit)
        let reward = isFinished ? 0 : config.requesterReward
        check(
            !overflow && deposits &+ reward == funds.escrow,
            "escrow \(funds.escrow) is not \(registered) deposits plus the unpaid reward \(reward)")

        problems += _checkRounds(claimable: claimable)
        check(
            seats.count == config.members.count,
            "\(seats.count) seats for \(config.members.count) members")
        for (i, seat) in seats.enumerated() {
            check(seat.commitment == nil || seat.registered, "member \(i) committed unregistered")
            check(seat.reveal == nil || seat.commitment != nil, "member \(i) revealed uncommitted")
            check(!isFinished || seat == Seat(), "member \(i) has a seat after the last round")
        }
        check(
            deployHeight <= roundStart && roundStart <= height,
            "heights out of order: deploy \(deployHeight), round start \(roundStart), "
                + "last \(height)")
        return problems
    }

    /// The per-round records against the accounts.
    private func _checkRounds(claimable: Int?) -> [String] {
        var problems: [String] = []
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        check(
            round <= config.rounds && records.count == round,
            "round \(round) of \(config.rounds) with \(records.count) records")
        // One pass over the records, with overflow-checked running sums (no allocation).
        var start = deployHeight
        var credited: Int? = 0, recorded: Int? = 0, slashedSum: Int? = 0, residueSum: Int? = 0
        func add(_ total: inout Int?, _ amount: Int?) {
            guard let t = total, let a = amount else { total = nil; return }
            let (sum, overflow) = t.addingReportingOverflow(a)
            total = overflow ? nil : sum
        }
        for (k, record) in records.enumerated() {
            check(record.round == k, "record \(k) is for round \(record.round)")
            check(
                record.startHeight == start,
                "round \(k) starts at \(record.startHeight), not \(start)")
            check(record.settleHeight >= record.startHeight, "round \(k) settled before it started")
            start = record.settleHeight
            check(record.payouts.count == record.workers.count, "round \(k): payouts per worker")
            var paid: Int? = 0
            var negative = false
            for payout in record.payouts {
                negative = negative || payout < 0
                add(&paid, payout)
            }
            check(!negative, "round \(k): negative payout")
            add(&paid, record.requesterRefund)
            var out = paid
            add(&out, record.slashedAmount)
            add(&out, record.residue)
            check(out == record.paidIn, "round \(k): pays out \(out ?? -1) of \(record.paidIn)")
            add(&credited, paid ?? -1)
            add(&recorded, record.paidIn)
            add(&slashedSum, record.slashedAmount)
            add(&residueSum, record.residue)
        }
        check(start == roundStart, "round \(round) starts at \(roundStart), not \(start)")
        add(&recorded, funds.escrow)
        check(
            recorded == funds.paidIn,
            "records and escrow hold \(recorded ?? -1), not \(funds.paidIn)")
        check(slashedSum == funds.slashed, "slashed account \(funds.slashed) does not match the records")
        check(residueSum == funds.residue, "residue account \(funds.residue) does not match the records")
        check(
            credited != nil && credited == claimable.flatMap { sumOrNil([$0, funds.withdrawn]) },
            "credited \(credited ?? -1), but claimable + withdrawn differ")
        return problems
    }
}
