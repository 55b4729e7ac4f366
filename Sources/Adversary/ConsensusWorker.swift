/// A worker's behaviour in a task run through the commit-reveal consensus mechanism (Lu, Tang
/// and Wang, sections IV to VI): from the task to what it does in the round.
///
/// One small value type per behaviour (honest, one kind of laziness, one attack); add a
/// behaviour by adding a conforming type. Behaviours that need no machine learning (the
/// attackers of this module: `NonSubmitting`, `LazyGuesser`, `JunkSubmitter`,
/// `CommitmentCopier`, `Withholder`, `CoalitionMember`) are generic over the task; the
/// task-specific workers that compute (honest evaluation or training) live in `Simulation`.
public protocol ConsensusWorker<Task> {
    /// The kind of task (`ClassifierEvaluation`, `OutsourcedTraining` in `Simulation`).
    associatedtype Task
    /// A short label for reports, such as "honest" or "fewer epochs (1)".
    var name: String { get }
    /// What the worker does in the round of `task`.
    func action(for task: Task) -> ConsensusAction
}
