import Mechanisms

/// A worker that exploits the order of reveals in Witt et al., Algorithm 2: it prepares and
/// commits an honest report (as ``HonestStrategy``), waits until the other workers have
/// revealed, and then reveals only if revealing pays at least its deposit back; otherwise it
/// lets the reveal window close. With the others' reveals public it can settle the round in
/// its head, on a copy of the contract, before deciding.
///
/// A contract that slashes every unrevealed commitment makes withholding cost the whole
/// deposit, which is never less than what revealing pays under the `balanced` payout (a
/// worker loses at most its deposit); the `withholding-unprofitable` property checks it.
public struct RevealWithholderStrategy: WorkerStrategy {
    /// `"reveal-withholder"`, the name specs and the catalogue use.
    public static let name = "reveal-withholder"

    /// ``name``.
    public var name: String { Self.name }
    /// The withholder trains (its report is honest).
    public var trainsModel: Bool { true }
    /// ``ProtocolConduct/withholdsWhenUnprofitable``.
    public var conduct: ProtocolConduct { .withholdsWhenUnprofitable }

    /// The reveal withholder.
    public init() {}

    /// The honest report: Y_j = argmax_j where A_ij reaches the round's threshold.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        HonestStrategy().report(predictions: predictions, context: context, generator: &generator)
    }
}
