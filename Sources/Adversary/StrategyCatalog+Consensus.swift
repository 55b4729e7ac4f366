/// The consensus mechanism's strategies (Lu, Tang and Wang, sections IV to VI), by name, over
/// the synthetic task a fuzz campaign draws.
///
/// A consensus spec's `[strategies]` names them (`workers = ["honest", "lazy-guesser", ...]`);
/// specs resolve the names through ``StrategyCatalog/standard``'s consensus table, which lists
/// them in this order: `honest` (σt), `non-submitting` (σe, fails to commit), `lazy-guesser`
/// (computes nothing, reveals a guess), `junk-submitter` (a result in E_ck),
/// `commitment-copier` (free-rides on another worker's commitment), `reveal-withholder`
/// (withholds unless revealing pays back d) and `coalition` (a member of a Table II
/// coalition σ1 ... σ7).
extension StrategyCatalog {
    /// Builds a consensus worker from the parameters and the worker's slot among the workers
    /// of its strategy (a coalition member takes role `slot` of the coalition).
    public typealias ConsensusFactory =
        @Sendable (ConsensusStrategyParameters, _ slot: Int) -> any ConsensusWorker<SyntheticConsensusTask>

    /// The catalog with consensus `factory` registered under `name` (replacing an earlier one).
    public func registeringConsensus(_ name: String, _ factory: @escaping ConsensusFactory) -> StrategyCatalog {
        var copy = self
        if copy.consensusFactories[name] == nil { copy.consensusNames.append(name) }
        copy.consensusFactories[name] = factory
        return copy
    }

    /// The consensus worker called `name` in slot `slot`, or `nil` when no consensus factory
    /// has that name.
    public func consensusWorker(
        named name: String, parameters: ConsensusStrategyParameters, slot: Int = 0
    ) -> (any ConsensusWorker<SyntheticConsensusTask>)? {
        consensusFactories[name].map { $0(parameters, slot) }
    }

    /// The consensus strategies, registered on `catalog`.
    static func registeringConsensusStandard(_ catalog: StrategyCatalog) -> StrategyCatalog {
        typealias T = SyntheticConsensusTask
        return catalog
            .registeringConsensus(ConsensusHonest<T>.strategyName) { _, _ in
                ConsensusHonest<T> { $0.truth }
            }
            .registeringConsensus(NonSubmitting<T>.strategyName) { _, _ in NonSubmitting<T>() }
            .registeringConsensus(LazyGuesser<T>.strategyName) { _, _ in LazyGuesser<T> { $0.guess } }
            .registeringConsensus(JunkSubmitter<T>.strategyName) { p, _ in
                let junk = p.junk
                return JunkSubmitter<T> { junk.bytes(length: $0.truth.count, input: $0.input) }
            }
            .registeringConsensus(CommitmentCopier<T>.strategyName) { p, _ in
                CommitmentCopier<T>(target: p.copyTarget)
            }
            .registeringConsensus(Withholder<T>.strategyName) { _, _ in
                Withholder<T>(committingLike: ConsensusHonest<T> { $0.truth })
            }
            .registeringConsensus(CoalitionMember<T>.strategyName) { p, slot in
                let roles = p.coalition.roles
                return p.coalition.members(truth: { (task: T) in task.truth })[min(max(slot, 0), roles.count - 1)]
            }
    }
}
