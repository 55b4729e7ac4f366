import Dispatch
import Foundation
import Specs

/// Checks the properties of several specs on a pool of threads, each property with its own Z3
/// context, and stops waiting at the run's deadline.
///
/// Results come back in task order (spec by spec, `PropertyID` order within a spec) whatever
/// the number of jobs; a property still running when the deadline passes is `unknown` with the
/// reason. Queries are cut to the deadline by the `Verifier`; `graceMilliseconds` past it lets
/// them return.
public struct ParallelVerification: Sendable {
    /// One property of one spec.
    public struct Task: Sendable, Hashable {
        /// Index into `specs`.
        public var spec: Int
        public var id: PropertyID
    }

    public let specs: [Spec]
    public let tasks: [Task]
    public var jobs: Int
    public var timeoutMilliseconds: UInt32
    public var deadline: Deadline?

    /// Milliseconds past the deadline that queries cut to it get to return.
    public static let graceMilliseconds = 500

    /// Every property of `requested` (all that apply when empty) that applies to each spec.
    public init(specs: [Spec], requested: [PropertyID] = [], jobs: Int, timeoutMilliseconds: UInt32, deadline: Deadline?) {
        self.specs = specs
        self.tasks = specs.indices.flatMap { k in
            let applicable = Verifier.properties(for: specs[k])
            let ids = requested.isEmpty ? applicable : requested.filter { applicable.contains($0) }
            return ids.map { Task(spec: k, id: $0) }
        }
        self.jobs = jobs
        self.timeoutMilliseconds = timeoutMilliseconds
        self.deadline = deadline
    }

    /// Runs every task; `finished(done, total, k, result)` is called as each one ends (from a
    /// worker thread). Returns one result per task, in task order.
    public func run(
        board: VerificationBoard,
        finished: @escaping @Sendable (_ done: Int, _ task: Task, _ result: PropertyResult) -> Void = { _, _, _ in }
    ) -> [PropertyResult] {
        let queue = DispatchQueue(label: "serumcheck.verify", attributes: .concurrent)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: max(1, jobs))
        let (tasks, specs, timeout, deadline) = (self.tasks, self.specs, timeoutMilliseconds, self.deadline)
        // Each spec's beliefs are judged once for all its properties that rest on them.
        let memo = BeliefsConsistencyMemo()
        for _ in tasks { group.enter() }
        // Dispatched from a queue of its own, so that the caller can stop waiting at the time
        // limit whatever is still queued or running.
        DispatchQueue(label: "serumcheck.verify.dispatch").async {
            for (k, task) in tasks.enumerated() {
                slots.wait()
                queue.async {
                    defer { slots.signal(); group.leave() }
                    board.start(k)
                    let verifier = Verifier(timeoutMilliseconds: timeout, deadline: deadline, beliefsMemo: memo) { _ in board.query(k) }
                    let result = verifier.check(task.id, on: specs[task.spec])
                    finished(board.store(result, at: k), task, result)
                }
            }
        }
        if let deadline {
            _ = group.wait(timeout: .now() + .milliseconds(Int(min(deadline.seconds, 1e6) * 1000) + Self.graceMilliseconds))
        } else {
            group.wait()
        }
        let stopped = "still running when the run's time limit (--time-limit \(deadline?.limitText ?? "") s) was reached"
        let settled = board.snapshot()
        return tasks.indices.map { k in
            settled[k] ?? PropertyResult(
                id: tasks[k].id, verdict: .unknown(reason: stopped),
                expected: specs[tasks[k].spec].checks[tasks[k].id.rawValue] ?? .proved,
                seconds: deadline?.seconds ?? 0, smt2: nil, notes: [])
        }
    }

    /// The results of spec `k`, from `run`'s results.
    public func results(ofSpec k: Int, in results: [PropertyResult]) -> [PropertyResult] {
        tasks.indices.filter { tasks[$0].spec == k }.map { results[$0] }
    }
}
