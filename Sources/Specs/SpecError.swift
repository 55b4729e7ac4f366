import Messages

/// Why a spec, vote file or results file was refused: the file, where in it, and the reason.
///
/// Every refusal in this module is a `SpecError`, so the command line can map all of them to
/// one exit code (2, bad input). `description` is the message shown to the user:
///
/// | location                 | description                          |
/// |--------------------------|--------------------------------------|
/// | `.file`                  | `FILE: REASON`                       |
/// | `.key("mechanism.beta")` | `FILE: mechanism.beta: REASON`       |
/// | `.position(3, 7)`        | `FILE:3:7: REASON` (TOML syntax)     |
/// | `.line(4)`               | `FILE:4: REASON`                     |
/// | `.field(4, 2)`           | `FILE:4: field 2: REASON`            |
public struct SpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in a file a problem lies.
    public enum Location: Hashable, Sendable {
        /// The file as a whole (it cannot be read, it is empty, ...).
        case file
        /// A key path in a spec, such as `mechanism.beta` or `federation.accuracy[3]`.
        case key(String)
        /// A 1-based line and column, for TOML syntax errors.
        case position(line: Int, column: Int)
        /// A 1-based line of a vote or results file.
        case line(Int)
        /// A 1-based line and 1-based comma-separated field of a vote file.
        case field(line: Int, field: Int)
    }

    /// The path of the file, as given by the caller.
    public var file: String
    /// Where in the file.
    public var location: Location
    /// What is wrong, naming the offending value where there is one.
    public var reason: String

    public init(file: String, location: Location, reason: String) {
        self.file = file
        self.location = location
        self.reason = reason
    }

    /// An error about a key path of a spec.
    public init(file: String, key: String, reason: String) {
        self.init(file: file, location: .key(key), reason: reason)
    }

    /// The key path, when the error is about a key of a spec.
    public var key: String? {
        if case .key(let key) = location { return key }
        return nil
    }

    /// The 1-based line, when the error has one.
    public var line: Int? {
        switch location {
        case .position(let line, _), .line(let line), .field(let line, _): line
        case .file, .key: nil
        }
    }

    /// `FILE: KEY: REASON`, `FILE:LINE:COL: REASON`, `FILE:LINE: field N: REASON`, ...
    ///
    /// The file and key come from the user (a key may be any TOML key), so both are shown
    /// through ``Echo``: escaped, and a key cut to ``Echo/valueLimit`` characters. Values in
    /// `reason` are echoed with ``quoted(_:)`` where the reason is written.
    public var description: String {
        let file = Echo.path(file)
        return switch location {
        case .file: "\(file): \(reason)"
        case .key(let key): "\(file): \(Echo.path(key, limit: Echo.valueLimit)): \(reason)"
        case .position(let line, let column): "\(file):\(line):\(column): \(reason)"
        case .line(let line): "\(file):\(line): \(reason)"
        case .field(let line, let field): "\(file):\(line): field \(field): \(reason)"
        }
    }
}

extension SpecError {
    /// `"text"` for a message: a field of a data file as ``Echo/quoted(bytes:limit:)`` shows it.
    static func quoted(_ bytes: some Collection<UInt8>) -> String {
        Echo.quoted(bytes: bytes)
    }
}
