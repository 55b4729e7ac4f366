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
        let named = [
            ("paidIn", funds.paidIn), ("withdrawn", funds.withdrawn), ("slashed", funds.slashed),
            ("residue", funds.residue), ("escrow", funds.escrow),
        ]
        for (name, amount) in named { check(amount >= 0, "\(name) is negative: \(amount)") }

        let claimable = sumOrNil(balances.values)
        let accounted = claimable.flatMap {
            sumOrNil([funds.withdrawn, $0, funds.slashed, funds.residue, funds.escrow])
        }
        check(
            accounted == funds.paidIn,
            "not conserved: paid in \(funds.paidIn), but withdrawn + claimable + slashed + "
                + "residue + escrow = \(accounted.map(String.init) ?? "overflow")")

        let registered = seats.filter(\.registered).count
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
        var start = deployHeight
        for (k, record) in records.enumerated() {
            check(record.round == k, "record \(k) is for round \(record.round)")
            check(
                record.startHeight == start,
                "round \(k) starts at \(record.startHeight), not \(start)")
            check(record.settleHeight >= record.startHeight, "round \(k) settled before it started")
            start = record.settleHeight
            check(record.payouts.count == record.workers.count, "round \(k): payouts per worker")
            check(record.payouts.allSatisfy { $0 >= 0 }, "round \(k): negative payout")
            let out = sumOrNil(
                record.payouts + [record.requesterRefund, record.slashedAmount, record.residue])
            check(out == record.paidIn, "round \(k): pays out \(out ?? -1) of \(record.paidIn)")
        }
        check(start == roundStart, "round \(round) starts at \(roundStart), not \(start)")
        let credited = sumOrNil(records.map { sumOrNil($0.payouts + [$0.requesterRefund]) ?? -1 })
        let totalIn = sumOrNil(records.map(\.paidIn) + [funds.escrow])
        check(
            totalIn == funds.paidIn,
            "records and escrow hold \(totalIn ?? -1), not \(funds.paidIn)")
        check(
            sumOrNil(records.map(\.slashedAmount)) == funds.slashed,
            "slashed account \(funds.slashed) does not match the records")
        check(
            sumOrNil(records.map(\.residue)) == funds.residue,
            "residue account \(funds.residue) does not match the records")
        check(
            credited != nil && credited == claimable.flatMap { sumOrNil([$0, funds.withdrawn]) },
            "credited \(credited ?? -1), but claimable + withdrawn differ")
        return problems
    }
}
