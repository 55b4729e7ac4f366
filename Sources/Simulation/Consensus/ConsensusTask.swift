// Consensus instantiations of Lu, Tang and Wang (section V): the machine-learning task a round
// is about. What a worker does in the round (`ConsensusAction`) and who decides it
// (`ConsensusWorker`) live in `Adversary`.
import Adversary
import Ledger

/// A machine-learning task run through the consensus mechanism, whose public randomness is
/// the requester's coin r (section V).
public protocol ConsensusTask {
    /// r: the requester's coin.
    var coin: Hash32 { get }
}

extension ConsensusTask {
    /// The consensus round for this task with deposit d and reward r; the task's public input
    /// (for the `equalToInput` rule of E_ck) is the coin's 32 bytes.
    public func round(deposit: Int, reward: Int) -> ConsensusRound {
        ConsensusRound(deposit: deposit, reward: reward, input: coin.bytes)
    }

    /// Runs the task end to end through the Ledger's consensus contract: each worker decides
    /// its action (training or evaluating as it chooses), then `round(deposit:reward:)` is
    /// played.
    /// - Parameters:
    ///   - workers: the workers' behaviours, in worker order.
    ///   - deposit: d.
    ///   - reward: r.
    /// - Throws: `ContractError` if the contract refuses a transaction.
    public func run(
        _ workers: [any ConsensusWorker<Self>], deposit: Int, reward: Int
    ) throws(ContractError) -> ConsensusRoundOutcome {
        try round(deposit: deposit, reward: reward).play(self, workers: workers)
    }
}
