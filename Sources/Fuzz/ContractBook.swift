import Ledger

/// The driver's own account of money, kept apart from the contract's: what it saw paid in
/// (accepted registrations and the deployer's reward), paid out by withdraw, and credited to
/// each account (increases of claimable balances), and which rounds it saw settled.
public struct ContractBook: Hashable, Sendable {
    /// Units paid in: the consensus reward at deploy plus every accepted registration's value.
    public internal(set) var paidIn: Int
    /// Units paid out: the claimable balance of the sender before each accepted withdraw.
    public internal(set) var withdrawn = 0
    /// Per account, every increase of its claimable balance so far.
    public internal(set) var credited: [Address: Int] = [:]
    /// Per account, everything withdrawn so far.
    public internal(set) var withdrawnBy: [Address: Int] = [:]
    /// The rounds named by accepted settle transactions, in order.
    public internal(set) var settledRounds: [Int] = []

    /// A fresh book for a contract deployed with `config`.
    public init(config: ContractConfig) {
        paidIn = config.requesterReward
    }

    /// Books one accepted step: money in, money out, credits (balance increases).
    /// - Complexity: O(1), plus O(accounts) when the balances changed.
    mutating func record<C: ContractUnderTest>(_ step: ContractStep, before: C, after: C) {
        switch step.transaction {
        case .register(_, let value):
            paidIn = paidIn &+ value
        case .withdraw(let sender):
            let paid = before.claimable(sender)
            withdrawn = withdrawn &+ paid
            withdrawnBy[sender, default: 0] &+= paid
        case .settle(_, let round):
            settledRounds.append(round)
        case .commit, .reveal:
            break
        }
        guard after.balances != before.balances else { return }
        for (account, amount) in after.balances {
            let increase = amount &- before.claimable(account)
            if increase > 0 { credited[account, default: 0] &+= increase }
        }
    }
}

/// What one step did, as the checkers see it: the state before and after, the step, whether
/// it was accepted, and the book after it.
public struct ContractObservation<C: ContractUnderTest> {
    /// The state before the step.
    public var before: C
    /// The state after the step (`before` itself when refused by a correct contract).
    public var after: C
    /// The step.
    public var step: ContractStep
    /// The refusal, or `nil` when the contract accepted the step.
    public var refusal: ContractError?
    /// The driver's book after the step.
    public var book: ContractBook
    /// Whether a refused step left the state equal to the state before (compared once per
    /// refused step; `false` for an accepted one).
    public var unchanged: Bool
    /// Whether the implementation's own `checkInvariants()` already passed on `after`: an
    /// unchanged state after a step whose before-state passed. A consistent state that did not
    /// change stays consistent, so `deposit-conservation` does not recheck it.
    public var afterAlreadyConsistent: Bool
}
