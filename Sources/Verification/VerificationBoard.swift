import Dispatch
import Foundation

/// What a parallel verification has decided so far: each property's result at its task index,
/// which tasks are running and how many Z3 queries each has asked, and a heartbeat naming a
/// property that runs long ("... running for 12 s, 340 Z3 queries so far").
///
/// Thread-safe: the scheduler's workers write into it while the caller's thread reads it.
public final class VerificationBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [PropertyResult?]
    private var started: [ContinuousClock.Instant?]
    private var queries: [Int]
    private var finished = 0
    private let labels: [String]
    private var timer: DispatchSourceTimer?

    /// Seconds a property runs before the heartbeat mentions it, and between heartbeats.
    public static let heartbeat = 5

    /// A board over tasks labelled `labels` ("specs/paper.toml: collusion-unprofitable").
    public init(labels: [String]) {
        self.labels = labels
        results = Array(repeating: nil, count: labels.count)
        started = Array(repeating: nil, count: labels.count)
        queries = Array(repeating: 0, count: labels.count)
    }

    func start(_ k: Int) { lock.withLock { started[k] = .now } }

    func query(_ k: Int) { lock.withLock { queries[k] += 1 } }

    /// Stores task `k`'s result; returns how many are stored.
    func store(_ result: PropertyResult, at k: Int) -> Int {
        lock.withLock {
            results[k] = result
            finished += 1
            return finished
        }
    }

    /// Every task's result so far (`nil` for a task not finished).
    public func snapshot() -> [PropertyResult?] { lock.withLock { results } }

    /// Calls `report` every `heartbeat` seconds with a line per property running that long.
    public func startHeartbeat(_ report: @escaping @Sendable (String) -> Void) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "serumcheck.verify.heartbeat"))
        timer.schedule(deadline: .now() + .seconds(Self.heartbeat), repeating: .seconds(Self.heartbeat))
        timer.setEventHandler { [weak self] in self?.beat().forEach(report) }
        timer.resume()
        lock.withLock { self.timer = timer }
    }

    public func stopHeartbeat() { lock.withLock { timer?.cancel() } }

    private func beat() -> [String] {
        lock.withLock {
            labels.indices.compactMap { k in
                guard results[k] == nil, let start = started[k] else { return nil }
                let seconds = (ContinuousClock.now - start).components.seconds
                guard seconds >= Int64(Self.heartbeat) else { return nil }
                return "  \(labels[k]): running for \(seconds) s, \(queries[k]) Z3 queries so far"
            }
        }
    }
}
