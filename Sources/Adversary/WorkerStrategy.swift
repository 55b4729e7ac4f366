import Mechanisms

/// What a worker knows when it decides what to report in a round.
public struct ReportContext: Hashable, Sendable {
    /// |C|, the number of classes.
    public var classes: Int
    /// m = |X_pub|, the number of public samples.
    public var samples: Int
    /// The certainty A_ij a prediction must reach to be reported (0 reports everything).
    public var certaintyThreshold: Double
    /// The worker's index in the federation.
    public var worker: Int
    /// The 0-based round.
    public var round: Int

    /// A context from its parts.
    public init(classes: Int, samples: Int, certaintyThreshold: Double, worker: Int, round: Int) {
        self.classes = classes
        self.samples = samples
        self.certaintyThreshold = certaintyThreshold
        self.worker = worker
        self.round = round
    }
}

/// A worker's behaviour: whether it trains a model, and what it reports given that model's
/// predictions.
///
/// Conforming types are values: a strategy's parameters (a label distribution, a class map)
/// are its stored properties, and everything random flows through the generator the caller
/// passes, so a seed reproduces every report. New behaviours (the adversary campaigns) are
/// new conforming types registered in ``StrategyCatalog``.
public protocol WorkerStrategy: Sendable {
    /// The strategy's name, as written in specs and reports (`"honest"`).
    var name: String { get }
    /// Whether the worker trains a local model, predicts with it and distils after each round.
    /// When false, ``report(predictions:context:generator:)`` gets no predictions.
    var trainsModel: Bool { get }
    /// The worker's report for one round.
    ///
    /// - Parameters:
    ///   - predictions: The worker's model's predictions on X_pub (`nil` when ``trainsModel``
    ///     is false).
    ///   - context: The round's classes, sample count, threshold, worker and round.
    ///   - generator: The worker's random stream for this round.
    func report(predictions: LocalPredictions?, context: ReportContext,
                generator: inout SplitMix64) -> WorkerReport
    /// What the worker does with the contract besides preparing its report
    /// (``ProtocolConduct/follows`` unless the strategy is a protocol-level attacker).
    var conduct: ProtocolConduct { get }
    /// How many federation seats (registered identities) the party behind this strategy
    /// fills with one model: 1, or k for a sybil.
    var identities: Int { get }
}

extension WorkerStrategy {
    /// Report-level strategies follow the protocol.
    public var conduct: ProtocolConduct { .follows }
    /// One identity per party.
    public var identities: Int { 1 }
}
