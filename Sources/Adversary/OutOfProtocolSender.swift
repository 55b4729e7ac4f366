import Mechanisms

/// A worker that reports honestly and also sends one transaction outside the protocol of
/// Witt et al., Algorithm 2 (a late or duplicate registration or commit, a reveal from an
/// outsider, a wrong deposit, a malformed or oversized payload): the Ledger must refuse it with
/// a typed `ContractError` and leave the state unchanged (`refusal-no-effect`).
///
/// Whoever drives the contract carries out ``conduct`` and expects the refusal.
public struct OutOfProtocolSender: WorkerStrategy {
    /// `"out-of-protocol"`, the name specs and the catalogue use.
    public static let name = "out-of-protocol"

    /// The bad transaction it sends (`StrategyParameters.outOfProtocolMove`).
    public let move: OutOfProtocolMove

    /// ``name``.
    public var name: String { Self.name }
    /// The sender trains (its report is honest).
    public var trainsModel: Bool { true }
    /// ``ProtocolConduct/outOfProtocol(_:)`` of ``move``.
    public var conduct: ProtocolConduct { .outOfProtocol(move) }

    /// A sender of `move`.
    public init(move: OutOfProtocolMove) {
        self.move = move
    }

    /// The honest report: Y_j = argmax_j where A_ij reaches the round's threshold.
    public func report(predictions: LocalPredictions?, context: ReportContext,
                       generator: inout SplitMix64) -> WorkerReport {
        HonestStrategy().report(predictions: predictions, context: context, generator: &generator)
    }
}
