/// Strategy names, as written in specs, to the factories that build them.
///
/// The catalog is a value: later work extends it with ``registering(_:_:)`` rather than by
/// editing a switch, and a simulation takes the catalog it is given. Specs resolve the names
/// in `[strategies]` through ``standard``, in its registration order.
public struct StrategyCatalog: Sendable {
    /// Builds a strategy from the spec's parameters.
    public typealias Factory = @Sendable (StrategyParameters) -> any WorkerStrategy

    private var factories: [String: Factory]
    /// The registered names, in registration order.
    public private(set) var names: [String]
    var consensusFactories: [String: ConsensusFactory]
    /// The registered consensus strategy names, in registration order
    /// (`StrategyCatalog+Consensus.swift`).
    public internal(set) var consensusNames: [String]

    /// An empty catalog.
    public init() {
        factories = [:]
        names = []
        consensusFactories = [:]
        consensusNames = []
    }

    /// The catalog with `factory` registered under `name` (replacing an earlier one).
    public func registering(_ name: String, _ factory: @escaping Factory) -> StrategyCatalog {
        var copy = self
        if copy.factories[name] == nil { copy.names.append(name) }
        copy.factories[name] = factory
        return copy
    }

    /// The strategy called `name`, or `nil` when no factory has that name.
    public func strategy(named name: String, parameters: StrategyParameters) -> (any WorkerStrategy)? {
        factories[name].map { $0(parameters) }
    }

    /// The strategies of Witt et al., section 5 (`honest`, `heuristic`, `colluding`), then the
    /// attackers: report-level (`misreport`, `certainty-threshold`, `padding`,
    /// `label-count-liar`), protocol-level (`commitment-copier`, `reveal-withholder`,
    /// `out-of-protocol`) and identity-level (`sybil`). Each name is its type's `name`.
    ///
    /// The consensus strategies follow (`StrategyCatalog+Consensus.swift`).
    ///
    /// The factories trust their parameters: specs validate `[strategies]` first.
    public static let standard = registeringConsensusStandard(StrategyCatalog()
        .registering(HonestStrategy.name) { _ in HonestStrategy() }
        .registering(HeuristicStrategy.name) { HeuristicStrategy(distribution: $0.heuristicLabels) }
        .registering(ColludingStrategy.name) { ColludingStrategy(classMap: $0.collusionMap) }
        .registering(MisreportStrategy.name) { MisreportStrategy(map: $0.misreportMap) }
        .registering(CertaintyThresholdStrategy.name) {
            CertaintyThresholdStrategy(threshold: $0.certaintyThreshold)
        }
        .registering(PaddingStrategy.name) {
            PaddingStrategy(threshold: $0.certaintyThreshold, rate: $0.paddingRate, random: $0.paddingRandom)
        }
        .registering(CommitmentCopierStrategy.name) { CommitmentCopierStrategy(target: $0.copyTarget) }
        .registering(RevealWithholderStrategy.name) { _ in RevealWithholderStrategy() }
        .registering(LabelCountLiarStrategy.name) { LabelCountLiarStrategy(lie: $0.labelCountLie) }
        .registering(SybilStrategy.name) { SybilStrategy(identities: $0.sybilIdentities) }
        .registering(OutOfProtocolSender.name) { OutOfProtocolSender(move: $0.outOfProtocolMove) })
}
