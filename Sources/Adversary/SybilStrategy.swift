import Mechanisms

/// A sybil party: one trained model behind k registered identities (k deposits), each seat
/// revealing the same honest report, so that every sample it reports has k - 1 agreeing
/// "peers" that are itself (Witt et al., section 4.7 allocates peers to samples against such
/// correlation). The `sybil-unprofitable` property asks that k identities with one model earn
/// no more than k honest workers with their own models.
///
/// The strategy only states ``identities``; whoever assigns seats gives the k identities the
/// one report this strategy makes.
public struct SybilStrategy: WorkerStrategy {
    /// `"sybil"`, the name specs and the catalogue use.
    public static let name = "sybil"

    /// k, the seats the party fills with one model (>= 1).
    public let identities: Int

    /// ``name``.
    public var name: String { Self.name }
    /// The party trains one model.
    public var trainsModel: Bool { true }

    /// A sybil party of `identities` seats.
    ///
    /// - Precondition: `identities >= 1` (specs check `strategies.sybil_identities`).
    public init(identities: Int) {
        precondition(identities >= 1, "SybilStrategy: \(identities) identities")
        self.identities = identities
    }

    /// The honest report of the one model, which each of the k seats reveals.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        HonestStrategy().report(predictions: predictions, context: context, generator: &generator)
    }
}
