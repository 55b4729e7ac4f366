// Consensus instantiations of Lu, Tang and Wang (sections IV to VI): what a played
// `ConsensusRound` leaves behind.
import Adversary
import Ledger

/// A settled consensus round.
public struct ConsensusRoundOutcome: Equatable, Sendable {
    /// What each worker did, in worker order.
    public var actions: [ConsensusAction]
    /// The contract after settlement (balances not yet withdrawn).
    public var contract: Contract
    /// Copiers whose reveal the contract refused (under the `bound` commitment the copied
    /// payload does not open the copier's own commitment), by worker, with the refusal.
    public var refusedReveals: [Int: ContractError]
    /// Withholders that did not reveal because revealing would have paid less than d, in
    /// worker order.
    public var withheld: [Int]

    /// A settled round with what was refused and withheld.
    public init(
        actions: [ConsensusAction], contract: Contract,
        refusedReveals: [Int: ContractError] = [:], withheld: [Int] = []
    ) {
        self.actions = actions
        self.contract = contract
        self.refusedReveals = refusedReveals
        self.withheld = withheld
    }

    /// The contract's record of the round.
    public var record: RoundRecord { contract.records[0] }

    /// What the contract credits each worker (deposit refund included), in worker order.
    public var payouts: [Int] { record.payouts }

    /// Each worker's utility, payout minus the deposit it paid (0 for an absent worker that
    /// paid nothing and got nothing): the entries of Lu, Tang and Wang's Tables I and II.
    public var utilities: [Int] {
        zip(actions, record.payouts).map { action, payout in
            action.registers ? payout - contract.config.deposit : payout
        }
    }
}
