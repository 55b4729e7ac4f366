/// A lazy worker of the consensus mechanism (Lu, Tang and Wang, sections III and IV): it
/// registers with the deposit, but instead of computing the task it commits to a cheap guess
/// and reveals it, for any task.
///
/// What the guess earns depends on where it lands, which is the point of the paper's E_ck:
/// - a guess in E_ck (say, all zero bytes, or the task's input) counts as no submission (σe):
///   the guesser loses d and everybody else who submitted gets d/2 back;
/// - any other guess is a false result (σf) unless it happens to equal the true one: every
///   worker gets d/2 back, the guesser included;
/// - only if every worker reveals the same guess do they share r (d + r/n each).
public struct LazyGuesser<Task>: ConsensusWorker, Sendable {
    /// The strategy's name in specs and in the catalogue.
    public static var strategyName: String { "lazy-guesser" }
    /// The guess it reveals for a task.
    public let guess: @Sendable (Task) -> [UInt8]

    /// A lazy worker revealing `guess(task)`.
    public init(guess: @escaping @Sendable (Task) -> [UInt8]) { self.guess = guess }

    /// A lazy worker revealing the same bytes for every task (a constant, which may or may not
    /// lie in E_ck).
    public init(fixed: [UInt8]) { self.guess = { _ in fixed } }

    /// "lazy guess".
    public var name: String { "lazy guess" }

    /// `.reveal(guess(task))`.
    public func action(for task: Task) -> ConsensusAction { .reveal(guess(task)) }
}
