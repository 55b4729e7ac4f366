/// A worker that reveals a result from the common-knowledge junk set E_ck (Lu, Tang and Wang,
/// section III: all zero, all one, or equal to the input), for any task.
///
/// The contract recognises the result as junk and treats it exactly like no submission (σe):
/// the submitter loses its deposit d and every other worker that submitted gets only d/2 back,
/// even if all of them agree. The type does not know the round's E_ck; `allZero` and
/// `allOne` are in the paper's set, and a task's input (`equalToInput`) can be given by
/// `init(junk:)`.
public struct JunkSubmitter<Task>: ConsensusWorker, Sendable {
    /// The strategy's name in specs and in the catalogue.
    public static var strategyName: String { "junk-submitter" }
    /// The junk it reveals for a task.
    public let junk: @Sendable (Task) -> [UInt8]

    /// A worker revealing `junk(task)`, which should lie in the round's E_ck.
    public init(junk: @escaping @Sendable (Task) -> [UInt8]) { self.junk = junk }

    /// A worker revealing `bytes` zero bytes (the `allZero` rule of E_ck).
    public static func allZero(bytes: Int) -> Self {
        JunkSubmitter { _ in [UInt8](repeating: 0, count: bytes) }
    }

    /// A worker revealing `bytes` bytes 0xFF (the `allOne` rule of E_ck).
    public static func allOne(bytes: Int) -> Self {
        JunkSubmitter { _ in [UInt8](repeating: 0xFF, count: bytes) }
    }

    /// "junk from E_ck".
    public var name: String { "junk from E_ck" }

    /// `.reveal(junk(task))`.
    public func action(for task: Task) -> ConsensusAction { .reveal(junk(task)) }
}
