/// A worker that pays the deposit and then does nothing (σe of Lu, Tang and Wang, section IV:
/// "fails to commit"), for any task.
///
/// Under the reward clauses it loses its whole deposit d, and every other worker that
/// submitted gets only d/2 back.
public struct NonSubmitting<Task>: ConsensusWorker, Sendable {
    /// The strategy's name in specs and in the catalogue.
    public static var strategyName: String { "non-submitting" }
    /// A non-submitting worker.
    public init() {}

    /// "does not submit".
    public var name: String { "does not submit" }

    /// Always `.registerOnly`.
    public func action(for task: Task) -> ConsensusAction { .registerOnly }
}
