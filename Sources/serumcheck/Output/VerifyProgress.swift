import Dispatch
import Foundation
import Verification

/// What a `verify` run has decided so far: each property's result at its task index, which
/// tasks are running and how many Z3 queries each has asked, and a heartbeat on standard
/// error for a property that runs long ("... running for 12 s, 340 Z3 queries so far").
final class VerifyProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [PropertyResult?]
    private var started: [ContinuousClock.Instant?]
    private var queries: [Int]
    private var finished = 0
    private let labels: [String]
    private var timer: DispatchSourceTimer?

    /// Seconds a property runs before the heartbeat mentions it, and between heartbeats.
    static let heartbeat = 5

    /// Progress over tasks labelled `labels` ("specs/paper.toml: collusion-unprofitable").
    init(labels: [String]) {
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
    func snapshot() -> [PropertyResult?] { lock.withLock { results } }

    /// Starts the heartbeat on standard error.
    func startHeartbeat() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "serumcheck.verify.heartbeat"))
        timer.schedule(deadline: .now() + .seconds(Self.heartbeat), repeating: .seconds(Self.heartbeat))
        timer.setEventHandler { [weak self] in self?.beat() }
        timer.resume()
        lock.withLock { self.timer = timer }
    }

    func stopHeartbeat() { lock.withLock { timer?.cancel() } }

    private func beat() {
        let lines: [String] = lock.withLock {
            labels.indices.compactMap { k in
                guard results[k] == nil, let start = started[k] else { return nil }
                let seconds = (ContinuousClock.now - start).components.seconds
                guard seconds >= Int64(Self.heartbeat) else { return nil }
                return "  \(labels[k]): running for \(seconds) s, \(queries[k]) Z3 queries so far"
            }
        }
        for line in lines { printError(line) }
    }
}
