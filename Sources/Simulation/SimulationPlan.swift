import Adversary
import Mechanisms
import Specs
import Messages

/// A spec resolved into what a simulation runs: single values where the spec may hold ranges,
/// the lambda of every round, and one strategy per worker.
public struct SimulationPlan: Sendable {
    /// The spec.
    public let spec: Spec
    /// Its simulation tables (with `--seed` applied).
    public let simulation: Spec.Simulation
    /// beta.
    public let beta: Double
    /// lambda of each round to play.
    public let lambdas: [Double]
    /// Each worker's strategy.
    public let strategies: [any WorkerStrategy]
    /// The worker whose model each worker uses: itself, except for the seats of a sybil party
    /// after its first, which use the first seat's model (see ``sybilOwners(_:)``).
    public let modelOwner: [Int]

    /// The plan of `spec`.
    ///
    /// - Parameters:
    ///   - spec: A PTSFD spec with simulation tables.
    ///   - file: The spec's path, for messages.
    ///   - rounds: The rounds to play; `nil` plays `contract.rounds`. Rounds beyond the
    ///     lambda schedule repeat its last entry.
    ///   - seed: Replaces `data.seed` and `training.seed` when given.
    ///   - catalog: The strategies that names in `[strategies]` refer to.
    /// - Throws: ``SimulationError`` naming the key at fault.
    public init(spec: Spec, file: String, rounds: Int? = nil, seed: UInt64? = nil,
                catalog: StrategyCatalog = .standard) throws(SimulationError) {
        guard var simulation = spec.simulation else { throw .notASimulationSpec(file: file) }
        guard spec.mechanism.kind == .ptsfd else {
            throw .badSpecValue(file: file, key: "mechanism.kind", reason: "simulate runs PTSFD specs only")
        }
        func single(_ parameter: Parameter, _ key: String) throws(SimulationError) -> Double {
            guard case .value(let x) = parameter else {
                throw .badSpecValue(file: file, key: key, reason: "is a range \(parameter); simulate needs one value")
            }
            return x
        }
        beta = try single(spec.mechanism.beta, "mechanism.beta")
        guard spec.mechanism.depositRange.count == 1 else {
            throw .badSpecValue(file: file, key: "mechanism.deposit", reason: "is a range; simulate needs one value")
        }
        let count = rounds ?? spec.contract.rounds
        guard (1...1000).contains(count) else {
            throw .badSpecValue(file: file, key: "--rounds", reason: "\(count) is outside 1 ... 1000")
        }
        let schedule = spec.contract.lambdaSchedule
        var lambdas: [Double] = []
        for round in 0..<count {
            let index = min(round, schedule.count - 1)
            lambdas.append(try single(schedule[index], "contract.lambda_schedule[\(index)]"))
        }
        self.lambdas = lambdas
        if let seed {
            simulation.data.seed = seed
            simulation.training.seed = seed
        }
        let s = simulation.strategies
        let parameters = s.parameters
        var strategies: [any WorkerStrategy] = []
        for (worker, name) in s.assignment.enumerated() {
            guard let strategy = catalog.strategy(named: name, parameters: parameters) else {
                throw .badSpecValue(file: file, key: "strategies.workers[\(worker)]",
                                    reason: "unknown strategy \(Echo.quoted(name)) (known: \(catalog.names.joined(separator: ", ")))")
            }
            strategies.append(strategy)
        }
        guard let owners = Self.sybilOwners(strategies) else {
            let seats = strategies.filter { $0.identities > 1 }.count
            throw .badSpecValue(file: file, key: "strategies.sybil_identities",
                                reason: "\(seats) seats belong to sybil parties of \(parameters.sybilIdentities) "
                                    + "identities each, which they do not fill exactly")
        }
        self.strategies = strategies
        self.modelOwner = owners
        self.spec = spec
        self.simulation = simulation
    }

    /// Which worker's model each worker uses, or `nil` when the sybil seats do not fill whole
    /// parties.
    ///
    /// Seats whose strategy has k = ``WorkerStrategy/identities`` > 1 are grouped, in worker
    /// order, into parties of k consecutive such seats (consecutive among the sybil seats, not
    /// necessarily adjacent in the federation); the first seat of each party trains the one
    /// model and reports, and the other k - 1 seats use that model, so all k reveal the same
    /// report. Every other worker uses its own model.
    public static func sybilOwners(_ strategies: [any WorkerStrategy]) -> [Int]? {
        var owners = Array(strategies.indices)
        var owner = 0, left = 0
        for (worker, strategy) in strategies.enumerated() where strategy.identities > 1 {
            if left == 0 {
                owner = worker
                left = strategy.identities
            }
            owners[worker] = owner
            left -= 1
        }
        return left == 0 ? owners : nil
    }

    /// The effort of `worker`, with its own seed (stream `worker` of `training.seed`).
    public func effort(of worker: Int) -> WorkerEffort {
        let t = simulation.training
        var generator = Mechanisms.SplitMix64(seed: t.seed, stream: UInt64(worker))
        return WorkerEffort(architecture: t.architectures[worker], epochs: t.epochs[worker],
                            targetAccuracy: t.targetAccuracy[worker], batchSize: t.batchSize,
                            seed: generator.next())
    }
}
