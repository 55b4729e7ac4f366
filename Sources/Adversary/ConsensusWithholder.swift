/// A worker that commits the result another behaviour computes (typically the honest one),
/// watches the other workers' reveals and withholds its own when revealing would pay back less
/// than its deposit d (Lu, Tang and Wang, section IV: "fails to de-commit"), for any task.
///
/// Under the reward clauses this never pays:
/// - when all n results agree, revealing pays d + r/n >= d, so it reveals and is paid like an
///   honest worker;
/// - otherwise (a result differs, or some worker failed) revealing pays d/2 < d, so it
///   withholds, and withholding pays 0: it loses d/2 more than by revealing. The others are
///   paid d/2 (those that submitted) either way, so the withholding harms nobody but itself.
///
/// The round driver carries this out (`ConsensusAction.revealUnlessUnprofitable`), deciding by
/// a dry run of the settlement on a copy of the contract.
public struct Withholder<Task>: ConsensusWorker, Sendable {
    /// The strategy's name in specs and in the catalogue.
    public static var strategyName: String { RevealWithholderStrategy.name }
    /// The result it commits to for a task, or `nil` to commit nothing.
    public let result: @Sendable (Task) -> [UInt8]?
    /// The label of the behaviour whose result it commits.
    public let baseName: String

    /// A withholder committing `result(task)` (registering only when that is `nil`).
    public init(name: String, result: @escaping @Sendable (Task) -> [UInt8]?) {
        self.baseName = name
        self.result = result
    }

    /// A withholder committing what `worker` commits (its `committedResult`).
    public init<Base: ConsensusWorker & Sendable>(committingLike worker: Base)
    where Base.Task == Task {
        self.init(name: worker.name) { worker.action(for: $0).committedResult }
    }

    /// "withholds when unprofitable (base)".
    public var name: String { "withholds when unprofitable (\(baseName))" }

    /// `.revealUnlessUnprofitable(result)`, or `.registerOnly` when there is no result.
    public func action(for task: Task) -> ConsensusAction {
        guard let committed = result(task) else { return .registerOnly }
        return .revealUnlessUnprofitable(committed)
    }
}
