import Dispatch
import Foundation
import Verification

/// A whole-run time limit for a command that cannot stop part-way with a partial answer
/// (`simulate --time-limit`): when the limit passes before `finish()`, it says so on standard
/// error and ends the process with exit 1, before any output file is written.
final class RunWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false
    private let timer: DispatchSourceTimer

    /// Starts the clock: `seconds` from now.
    init(seconds: Double, command: String) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "serumcheck.watchdog"))
        let limit = Deadline(seconds: seconds).limitText
        timer.schedule(deadline: .now() + .nanoseconds(Int(min(seconds, 1e9) * 1e9)))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let stop = self.lock.withLock { () -> Bool in
                if self.finished { return false }
                self.finished = true
                return true
            }
            guard stop else { return }
            printError("\n\(command): the time limit (--time-limit \(limit) s) was reached before the run finished; nothing was written")
            exit(ExitCodes.checkFailed)
        }
        timer.resume()
    }

    /// Marks the run finished; `false` when the limit already ended it (the process is exiting).
    func finish() -> Bool {
        lock.withLock {
            if finished { return false }
            finished = true
            timer.cancel()
            return true
        }
    }
}
