import ArgumentParser
import Foundation

/// `--quiet`, shared by every command, and where the human summary goes.
///
/// Every command prints a human summary (a table, a verdict line) whether or not it also
/// writes JSON: on standard output, or on standard error when the JSON itself goes to standard
/// output (`--json -`, `--json /dev/stdout`, or the file standard output is redirected to), so
/// the JSON stays valid. Progress and notes go to standard error. `--quiet` silences all of
/// it; the exit code and the output files still tell.
struct ReportOptions: ParsableArguments {
    @Flag(name: .long, help: "Print no progress and no summary, only errors (the exit code and any output file still tell).")
    var quiet = false

    /// Whether progress is shown.
    var progress: Bool { !quiet }

    /// Prints `summary` (complete lines) for a command whose JSON goes to `json`.
    func show(_ summary: String, json: String?) {
        guard !quiet else { return }
        if OutputFile.isStandardOutput(json) {
            FileHandle.standardError.write(Data(summary.utf8))
        } else {
            print(summary, terminator: "")
        }
    }

    /// Prints a note (`JSON written to FILE`) on standard error.
    func note(_ line: String) {
        if !quiet { printError(line) }
    }
}
