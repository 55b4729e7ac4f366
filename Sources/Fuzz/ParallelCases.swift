import Foundation

/// Runs independent cases on a fixed number of threads and returns their results in case
/// order, so the result never depends on the thread count or on scheduling.
enum ParallelCases {
    /// `body(case)` for every case, results in the order of `cases`.
    /// - Parameter progress: called with (cases done, results flagged so far) after each case,
    ///   serialised under a lock.
    static func map<T: Sendable>(
        _ cases: [Int], threads: Int, progress: @Sendable (Int, Int) -> Void = { _, _ in },
        _ body: @Sendable (Int) throws -> T
    ) throws -> [T] where T: ViolationCounting {
        let lock = NSLock()
        nonisolated(unsafe) var results = [T?](repeating: nil, count: cases.count)
        nonisolated(unsafe) var failure: (any Error)? = nil
        nonisolated(unsafe) var next = 0, done = 0, flagged = 0
        let workers = max(1, min(threads, cases.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                lock.lock()
                let k = next
                next += 1
                let stop = failure != nil
                lock.unlock()
                if stop || k >= cases.count { return }
                do {
                    let value = try body(cases[k])
                    lock.lock()
                    results[k] = value
                    done += 1
                    flagged += value.violationCount
                    progress(done, flagged)
                    lock.unlock()
                } catch {
                    lock.lock()
                    if failure == nil { failure = error }
                    lock.unlock()
                }
            }
        }
        if let failure { throw failure }
        return results.map { $0! }
    }
}

/// Results that count violations for the progress line.
protocol ViolationCounting { var violationCount: Int { get } }

extension EconomicCampaign.Summary: ViolationCounting {
    var violationCount: Int { properties.filter { $0.violation != nil }.count }
}
