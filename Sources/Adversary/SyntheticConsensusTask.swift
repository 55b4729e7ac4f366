/// A consensus task whose computation is simulated: what each kind of worker ends up holding.
///
/// A fuzz campaign draws one per replication. The honest worker's computation yields `truth`;
/// a lazy worker, which computes nothing, holds only its cheap `guess`; `input` is the task's
/// public input (the `equal_input` rule of E_ck). The catalogue's consensus strategies
/// (``StrategyCatalog/consensusWorker(named:parameters:slot:)``) act on this view.
public struct SyntheticConsensusTask: Hashable, Sendable {
    /// The task's public input.
    public var input: [UInt8]
    /// The correct result (what computing the task gives).
    public var truth: [UInt8]
    /// A lazy worker's guess, of the same length as `truth`.
    public var guess: [UInt8]

    /// A task with the given input, true result and lazy guess.
    public init(input: [UInt8], truth: [UInt8], guess: [UInt8]) {
        self.input = input
        self.truth = truth
        self.guess = guess
    }
}
