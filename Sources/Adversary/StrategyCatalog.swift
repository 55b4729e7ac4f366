/// Strategy names, as written in specs, to the factories that build them.
///
/// The catalog is a value: later work extends it with ``registering(_:_:)`` rather than by
/// editing a switch, and a simulation takes the catalog it is given.
public struct StrategyCatalog: Sendable {
    /// Builds a strategy from the spec's parameters.
    public typealias Factory = @Sendable (StrategyParameters) -> any WorkerStrategy

    private var factories: [String: Factory]
    /// The registered names, in registration order.
    public private(set) var names: [String]

    /// An empty catalog.
    public init() {
        factories = [:]
        names = []
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

    /// The paper's strategies: `honest`, `heuristic` and `colluding` (Witt et al., section 5).
    public static let standard = StrategyCatalog()
        .registering("honest") { _ in HonestStrategy() }
        .registering("heuristic") { HeuristicStrategy(distribution: $0.heuristicLabels) }
        .registering("colluding") { ColludingStrategy(classMap: $0.collusionMap) }
}
