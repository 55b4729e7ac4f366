import Specs

extension FederatedSimulation {
    /// Runs the spec's `[sweeps]` on every worker's locally trained model (from the bank when
    /// it holds them, trained and stored once otherwise; see ``localModels(onEvent:)``): the
    /// same predictions settled again at every point, never retrained.
    ///
    /// - Parameters:
    ///   - models: The local models, when the caller has them already.
    ///   - onEvent: Loading and training events.
    /// - Returns: One result per sweep (``RewardSweep/run(_:)``); empty when the spec has no
    ///   `[sweeps]`.
    /// - Throws: ``SimulationError`` for data that cannot be loaded, or a contract refusal.
    public func sweeps(
        models: LocalModels? = nil, onEvent: @escaping (SimulationEvent) -> Void = { _ in }
    ) throws(SimulationError) -> [SweepResult] {
        guard let sweeps = plan.spec.sweeps else { return [] }
        let trained: LocalModels
        if let models { trained = models } else { trained = try localModels(onEvent: onEvent) }
        let sweep = RewardSweep(plan: plan, models: trained, seed: sweeps.seed ?? plan.simulation.training.seed)
        return try sweep.run(sweeps)
    }
}
