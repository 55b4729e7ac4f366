/// The honest worker of the consensus mechanism (σt of Lu, Tang and Wang, section IV): it
/// computes the task and commits to and reveals the result, for any task.
///
/// The task-specific honest workers that really compute (a classifier's evaluation, a
/// training run) live in `Simulation`; this one is handed the computation as a closure.
public struct ConsensusHonest<Task>: ConsensusWorker, Sendable {
    /// The strategy's name in specs and in the catalogue.
    public static var strategyName: String { HonestStrategy.name }
    /// What computing the task gives.
    public let compute: @Sendable (Task) -> [UInt8]
    /// An honest worker revealing `compute(task)`.
    public init(compute: @escaping @Sendable (Task) -> [UInt8]) { self.compute = compute }
    /// "honest".
    public var name: String { "honest" }
    /// `.reveal(compute(task))`.
    public func action(for task: Task) -> ConsensusAction { .reveal(compute(task)) }
}
