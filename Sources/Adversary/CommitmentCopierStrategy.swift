import Mechanisms

/// A free rider on the commit-reveal scheme of Witt et al., Algorithm 2: it trains nothing,
/// copies the hashCommit that worker `target` publishes, and once `target` has revealed
/// (Y, labelCount, salt) in public, reveals the same payload as its own.
///
/// Under `commitment = "paper"` (`H(Y, labelCount, salt)`) the copied reveal opens the copied
/// commitment, so the copier is paid as if it had the target's model; under `bound` the
/// commitment also binds sender, contract and round, the contract refuses the reveal and the
/// copier loses its deposit. The `no-free-riding` property asks that copying never earns what
/// the target earns.
///
/// Its own ``report(predictions:context:generator:)`` is empty: it has nothing of its own to
/// report, and whoever drives the contract carries out ``conduct``.
public struct CommitmentCopierStrategy: WorkerStrategy {
    /// `"commitment-copier"`, the name specs and the catalogue use.
    public static let name = "commitment-copier"

    /// The worker (index in the federation) whose commitment and payload are copied.
    public let target: Int

    /// ``name``.
    public var name: String { Self.name }
    /// The copier computes nothing.
    public var trainsModel: Bool { false }
    /// ``ProtocolConduct/copiesCommitment(target:)`` of ``target``.
    public var conduct: ProtocolConduct { .copiesCommitment(target: target) }

    /// A copier of worker `target`'s commitment.
    ///
    /// - Precondition: `target >= 0` (specs check `strategies.copy_target` against the
    ///   federation and the copier's own seat).
    public init(target: Int) {
        precondition(target >= 0, "CommitmentCopierStrategy: target \(target)")
        self.target = target
    }

    /// No report on any sample (Y all ``WorkerReport/noReport``, labelCount all zero): what the
    /// copier reveals is the target's payload, not this.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        WorkerReport(y: [UInt8](repeating: WorkerReport.noReport, count: context.samples),
                     classes: context.classes)
    }
}
