import Foundation
import Verification

extension ParallelVerification {
    /// Runs every task with progress on standard error unless `enabled` is false: a line as each
    /// property ends (`<prefix>[k/N] <spec>: <id> <verdict> (<s> s)`) and the heartbeat for one
    /// that runs long.
    func runShowingProgress(paths: [String], prefix: String = "", enabled: Bool) -> [PropertyResult] {
        let count = tasks.count
        let board = VerificationBoard(labels: tasks.map { "\(paths[$0.spec]): \($0.id.rawValue)" })
        if enabled { board.startHeartbeat { printError($0) } }
        let results = run(board: board) { done, task, result in
            if enabled {
                printError("\(prefix)[\(done)/\(count)] \(paths[task.spec]): \(task.id.rawValue) \(result.verdict.name) (\(String(format: "%.2f", result.seconds)) s)")
            }
        }
        board.stopHeartbeat()
        return results
    }
}
