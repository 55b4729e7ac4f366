import Adversary
import Mechanisms
import Specs

/// Settles the same trained models' predictions again at the points of `[sweeps]`: every
/// point is one round of the spec's contract (its knobs, deposit and the first lambda of its
/// schedule) with another beta, certainty threshold or strategy mix. Nothing is retrained.
///
/// Goals, in order: the rewards are the contract's own (one source of truth for Eq. 2-3 and
/// the knobs); a seed reproduces every point; then speed (a point costs n reports and one
/// settlement, O(n^2 m)).
///
/// Randomness: worker w draws from stream w of ``seed`` at every point (common random
/// numbers, so a heuristic worker reports the same labels at every beta); the salts come from
/// ``seed`` too.
public struct RewardSweep: Sendable {
    /// The resolved spec.
    public let plan: SimulationPlan
    /// Every worker's model's predictions on X_pub (``FederatedSimulation/localModels(onEvent:)``).
    public let models: LocalModels
    /// The seed of the reports' streams and the salts.
    public let seed: UInt64

    /// A sweep over `plan`'s spec on `models`, seeded with `seed`.
    public init(plan: SimulationPlan, models: LocalModels, seed: UInt64) {
        precondition(models.predictions.count == plan.spec.federation.workers, "one model per worker")
        self.plan = plan
        self.models = models
        self.seed = seed
    }

    /// Runs every sweep `sweeps` declares: always the beta x threshold grid, then the
    /// heuristic and collusion sweeps when their fractions are given.
    /// - Throws: ``SimulationError/contract(_:)`` when the contract refuses a round.
    public func run(_ sweeps: Spec.Sweeps) throws(SimulationError) -> [SweepResult] {
        var results = [try run(.betaThreshold, sweeps)]
        if sweeps.heuristicFraction != nil { results.append(try run(.heuristicFraction, sweeps)) }
        if sweeps.colludingFraction != nil { results.append(try run(.colludingFraction, sweeps)) }
        return results
    }

    /// Runs the sweep `kind` of `sweeps` (a fraction sweep without fractions has no points).
    public func run(_ kind: SweepResult.Kind, _ sweeps: Spec.Sweeps) throws(SimulationError) -> SweepResult {
        let clock = ContinuousClock(), started = clock.now
        let betas = sweeps.beta ?? [plan.beta]
        let threshold = plan.simulation.training.certaintyThreshold
        var points: [SweepResult.Point] = []
        for beta in betas {
            switch kind {
            case .betaThreshold:
                for t in sweeps.certaintyThreshold ?? [threshold] {
                    points.append(try settle(beta: beta, threshold: t, strategies: plan.strategies,
                                             owners: plan.modelOwner, fraction: nil))
                }
            case .heuristicFraction, .colludingFraction:
                let swept = kind.sweptStrategy!
                let fractions = (kind == .heuristicFraction ? sweeps.heuristicFraction : sweeps.colludingFraction) ?? []
                for f in fractions {
                    points.append(try settle(beta: beta, threshold: threshold, strategies: mix(swept, fraction: f),
                                             owners: Array(0 ..< models.predictions.count), fraction: f))
                }
            }
        }
        let elapsed = clock.now - started
        return SweepResult(
            kind: kind, seed: seed, lambda: plan.lambdas[0], publicSamples: models.publicLabels.count,
            points: points,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// `fraction` of the workers follow `strategy`, the rest are honest: the counts and order
    /// of `[strategies]` fractions (`Spec.Simulation.Strategies.assignment`, honest first).
    func mix(_ strategy: String, fraction: Double) -> [any WorkerStrategy] {
        let names = [HonestStrategy.name, strategy]
        let assignment = Spec.Simulation.Strategies.assignment(
            fractions: [1 - fraction, fraction], workers: models.predictions.count, names: names)
        let parameters = plan.simulation.strategies.parameters
        return assignment.map { name in
            guard let s = StrategyCatalog.standard.strategy(named: name, parameters: parameters) else {
                preconditionFailure("\(name) is in the standard catalogue")
            }
            return s
        }
    }

    /// One round of the contract at `beta`: each worker reports through its strategy from the
    /// predictions of the model it uses (`owners`), with certainty threshold `threshold`.
    /// - Throws: ``SimulationError/contract(_:)`` when the contract refuses the round.
    public func settle(
        beta: Double, threshold: Double, strategies: [any WorkerStrategy], owners: [Int], fraction: Double?
    ) throws(SimulationError) -> SweepResult.Point {
        let n = strategies.count, classes = plan.spec.federation.classes
        let samples = models.publicLabels.count
        var contract = try FederatedContract(
            spec: plan.spec, beta: beta, lambdas: [plan.lambdas[0]], samples: samples, saltSeed: seed)
        let reports = (0 ..< n).map { worker in
            var generator = SplitMix64(seed: seed, stream: UInt64(worker))
            let context = ReportContext(classes: classes, samples: samples, certaintyThreshold: threshold,
                                        worker: worker, round: 0)
            let predictions = strategies[worker].trainsModel ? models.predictions[owners[worker]] : nil
            return strategies[worker].report(predictions: predictions, context: context, generator: &generator)
        }
        let record = try contract.play(reports, conduct: strategies.map(\.conduct))
        var rewards = [Double](repeating: 0, count: n)
        for (k, address) in record.workers.enumerated() where k < record.rewards.count {
            if let worker = contract.members.firstIndex(of: address) { rewards[worker] = record.rewards[k] }
        }
        return SweepResult.Point(
            beta: beta, certaintyThreshold: threshold, fraction: fraction, strategies: strategies.map(\.name),
            rewards: rewards, reports: reports.map(\.reports))
    }
}
