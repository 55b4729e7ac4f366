/// What one worker does in a round of the commit-reveal consensus mechanism (Lu, Tang and
/// Wang, section IV: TaskPrepare, Commit, Reveal).
///
/// An action states the worker's conduct; whoever drives the contract (`ConsensusRound` in
/// `Simulation`) carries it out, showing the worker only what it could see on chain: the
/// others' commitments during the commit window and their reveals once they are public.
public enum ConsensusAction: Hashable, Sendable {
    /// Registers with the deposit d, commits to the result and reveals it (σt when the result
    /// is the correct one, σf otherwise, or σe when it lies in E_ck).
    case reveal([UInt8])
    /// Registers and commits to the result but never reveals (σe: fails to de-commit).
    case commitWithoutReveal([UInt8])
    /// Registers with the deposit and never commits (σe: fails to commit).
    case registerOnly
    /// Never registers, so pays no deposit; the round still counts it as a failed worker.
    case absent
    /// Registers and computes nothing: commits the hashCommit that worker `of` published and,
    /// once that worker has revealed, reveals the same payload (result and salt). Under the
    /// `paper` commitment `H(result, salt)` the copy opens and the copier free-rides; under
    /// `bound` the commitment also binds the sender, so the copied reveal is refused and the
    /// copier ends as a worker that failed to de-commit (σe). If worker `of` never commits, the
    /// copier commits nothing; if it never reveals, neither does the copier.
    case copyCommitment(of: Int)
    /// Registers and commits to the result, watches the other workers' reveals and reveals
    /// only if revealing pays back at least the deposit d (judged by a dry run of the
    /// settlement); otherwise withholds (σe: fails to de-commit).
    case revealUnlessUnprofitable([UInt8])

    /// The result the worker commits to itself, if any (`nil` for a copier, which commits
    /// another worker's hashCommit without knowing its result).
    public var committedResult: [UInt8]? {
        switch self {
        case .reveal(let result), .commitWithoutReveal(let result),
            .revealUnlessUnprofitable(let result):
            result
        case .registerOnly, .absent, .copyCommitment:
            nil
        }
    }

    /// Whether the worker registers (pays the deposit): every action but `.absent`.
    public var registers: Bool {
        switch self {
        case .absent: false
        case .reveal, .commitWithoutReveal, .registerOnly, .copyCommitment,
            .revealUnlessUnprofitable:
            true
        }
    }
}
