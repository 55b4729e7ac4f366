import Foundation
import Learning
import Simulation

/// Progress of a simulation on standard error: a redrawn bar per phase on a terminal, one
/// line per milestone otherwise (logs, CI). Silent when disabled.
final class ProgressDisplay {
    private let enabled: Bool
    private let interactive: Bool
    private let workers: Int
    private let rounds: Int
    private var lastDraw = ContinuousClock.now
    private var barShown = false

    init(enabled: Bool, workers: Int, rounds: Int) {
        self.enabled = enabled
        self.interactive = isatty(2) == 1
        self.workers = workers
        self.rounds = rounds
    }

    func handle(_ event: SimulationEvent) {
        guard enabled else { return }
        switch event {
        case .loaded(let workers, let publicSamples, let testSamples):
            line("data: \(workers) workers, |X_pub| = \(publicSamples), \(testSamples) test images")
        case .training(let worker, let progress):
            bar("training worker \(worker + 1)/\(workers)", progress)
        case .trained(let worker, let epochs, let local, let test, let fromBank):
            line("worker \(worker): \(fromBank ? "from the bank" : "trained"), \(epochs) epoch\(epochs == 1 ? "" : "s"), "
                + String(format: "local accuracy %.1f%%, test accuracy %.1f%%", local * 100, test * 100))
        case .bankWarning(let message):
            line("warning: \(message)")
        case .settled(let round, let labelled, let accuracy):
            line("round \(round + 1)/\(rounds): settled, \(labelled) samples aggregated, "
                + String(format: "Y_aggr accuracy %.1f%%", accuracy * 100))
        case .distilling(let worker, let round, let progress):
            bar("round \(round + 1)/\(rounds) distilling worker \(worker + 1)/\(workers)", progress)
        case .distilled(let worker, let round, let accuracy):
            if !interactive {
                line("round \(round + 1): worker \(worker) distilled, " + String(format: "test accuracy %.1f%%", accuracy * 100))
            }
        }
    }

    /// Clears a bar left on the terminal.
    func finish() {
        if enabled && barShown { write("\r\u{1B}[K") }
    }

    private func bar(_ label: String, _ progress: TrainingProgress) {
        guard interactive else { return }
        let now = ContinuousClock.now
        let done = progress.epoch * progress.batches + progress.batch
        let total = max(1, progress.epochs * progress.batches)
        guard done == total || now - lastDraw > .milliseconds(100) else { return }
        lastDraw = now
        let width = 30, filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r\u{1B}[K\(label)  epoch \(min(progress.epoch + 1, progress.epochs))/\(progress.epochs)  [\(bar)] \(100 * done / total)%")
        barShown = true
    }

    private func line(_ text: String) {
        if interactive && barShown {
            write("\r\u{1B}[K")
            barShown = false
        }
        write(text + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
