import Foundation
import Fuzz

/// Progress of a fuzz session on standard error: a redrawn line on a terminal, a line per
/// tenth of the cases otherwise (logs, CI). Silent when disabled.
final class FuzzProgress: FuzzSession.Progress, @unchecked Sendable {
    private let enabled: Bool
    private let interactive = isatty(2) == 1
    private let start = ContinuousClock.now
    private let lock = NSLock()
    private var lastTenth: [String: Int] = [:]
    /// What the count of findings counts (`violations`, or `divergent cases` for `--evm`).
    private let finding: String

    init(enabled: Bool, finding: String = "violations") {
        self.enabled = enabled
        self.finding = finding
    }

    func cases(_ phase: String, done: Int, total: Int?, violations: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = Double(done) / max(seconds, 1e-9)
        let of = total.map { "/\($0)" } ?? ""
        let text = "\(phase): cases \(done)\(of), \(finding) so far \(violations), \(String(format: "%.1f", rate)) cases/s"
        if interactive {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        } else if let total, total > 0 {
            let tenth = done * 10 / total
            if tenth != lastTenth[phase] {
                lastTenth[phase] = tenth
                printError(text)
            }
        }
    }

    func finished(_ phase: String, summary: String) {
        guard enabled else { return }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError(summary)
    }

    func note(_ text: String) {
        if enabled { printError("note: \(text)") }
    }
}
