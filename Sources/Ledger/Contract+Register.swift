extension Contract {
    /// Registers member `i` for the current round with exactly one deposit (Witt et al.,
    /// section 4.2; Lu, Tang and Wang, TaskPrepare).
    /// - Throws: `outsideWindow(.registration)`, `alreadyRegistered`, `wrongDeposit`, or
    ///   `arithmeticOverflow`.
    mutating func _register(_ i: Int, value: Int, at height: Int) throws(ContractError) {
        let sender = config.members[i]
        try require(height, in: commitBlocks, for: .registration)
        guard !seats[i].registered else { throw .alreadyRegistered(sender, round: round) }
        guard value == config.deposit else {
            throw .wrongDeposit(sent: value, required: config.deposit)
        }
        funds.paidIn = try checkedAdd(funds.paidIn, value, "total paid in")
        funds.escrow = try checkedAdd(funds.escrow, value, "escrow")
        seats[i].registered = true
    }
}
