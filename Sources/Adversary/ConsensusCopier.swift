/// A free rider of the consensus mechanism: it computes nothing, commits the hashCommit that
/// another worker published and, once that worker has revealed, reveals the same payload
/// (Lu, Tang and Wang, section IV: the commitment `Commit(y_i, K_i)` is meant to stop exactly
/// this), for any task.
///
/// - Under the `paper` commitment `keccak256(result || salt)` the copied payload opens the
///   copied commitment, so the contract accepts it: the copier earns like the worker it copies
///   (d + r/n when everyone agrees) without doing the work.
/// - Under `bound` the commitment also hashes the sender, contract and round, so the copied
///   reveal is refused (`ContractError.revealMismatch`); the copier has failed to de-commit
///   (σe), loses d, and every worker that submitted gets only d/2 back.
///
/// The round driver carries this out (`ConsensusAction.copyCommitment(of:)`).
public struct CommitmentCopier<Task>: ConsensusWorker, Sendable {
    /// The strategy's name in specs and in the catalogue.
    public static var strategyName: String { CommitmentCopierStrategy.name }
    /// The worker whose commitment and reveal it copies.
    public let target: Int

    /// A copier of worker `target`.
    public init(target: Int) { self.target = target }

    /// "copies worker j".
    public var name: String { "copies worker \(target)" }

    /// `.copyCommitment(of: target)`.
    public func action(for task: Task) -> ConsensusAction { .copyCommitment(of: target) }
}
