import Foundation

/// The process exit codes, the same for every subcommand.
enum ExitCodes {
    /// Success; every check met its expectation.
    static let success: Int32 = 0
    /// A check did not meet its expectation (used by `verify` and `check`).
    static let checkFailed: Int32 = 1
    /// Bad input or usage: a malformed spec or data file, an out-of-range value, a bad flag.
    static let badInput: Int32 = 2
}

/// An error that ends a command with a message and an exit code.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = ExitCodes.badInput

    /// A bad-input failure carrying another error's description.
    static func badInput(_ error: any Error) -> CommandFailure {
        CommandFailure(message: String(describing: error))
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
