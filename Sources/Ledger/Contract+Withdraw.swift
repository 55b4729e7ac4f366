extension Contract {
    /// Pays `sender` its whole claimable balance.
    /// - Throws: `nothingToWithdraw` when nothing is owed (so a second withdraw is refused).
    mutating func _withdraw(_ sender: Address) throws(ContractError) {
        let amount = balance(of: sender)
        guard amount > 0 else { throw .nothingToWithdraw(sender) }
        funds.withdrawn = try checkedAdd(funds.withdrawn, amount, "total withdrawn")
        balances[sender] = nil
    }
}
