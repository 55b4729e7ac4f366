import Ledger
import Mechanisms

/// Results files of the consensus mechanism: what each worker revealed, one line per worker.
///
/// Format (see `specs/README.md`): in worker order, each line is the revealed result as hex
/// (an even number of hex digits, either case, optionally after `0x`; a lone `0x` is the empty
/// result) or `-` for no submission (failed to commit or reveal). Spaces and tabs around a line
/// are ignored, and so are blank lines. The file may start with a UTF-8 byte-order mark and its
/// lines may end in LF, CRLF or CR (``DataFileLines``).
///
/// ```
/// 0x5e2b9c01
/// -
/// ```
public enum ResultsFile {
    /// Reads the results file at `path`.
    /// - Parameters:
    ///   - path: the file, or `-` for standard input (named `standard input` in messages).
    ///   - workers: when given, the number of lines the file must have.
    /// - Throws: `SpecError` naming the file, the line and the bad text.
    /// - Complexity: O(file size).
    public static func read(path: String, workers: Int? = nil) throws(SpecError)
        -> [Consensus.Submission]
    {
        try parse(bytes: FileBytes.read(input: path), file: FileBytes.displayName(path), workers: workers)
    }

    /// Parses results-file text; `file` names it in error messages.
    /// - Throws: `SpecError`, as for `read(path:workers:)`.
    public static func parse(text: String, file: String, workers: Int? = nil) throws(SpecError)
        -> [Consensus.Submission]
    {
        try parse(bytes: Array(text.utf8), file: file, workers: workers)
    }

    /// Parses results-file bytes; `file` names them in error messages.
    /// - Throws: `SpecError`, as for `read(path:workers:)`.
    public static func parse(bytes: [UInt8], file: String, workers: Int? = nil)
        throws(SpecError) -> [Consensus.Submission]
    {
        @inline(__always) func isSpace(_ c: UInt8) -> Bool {
            c == UInt8(ascii: " ") || c == UInt8(ascii: "\t")
        }
        var submissions: [Consensus.Submission] = []
        try DataFileLines.forEach(in: bytes) { (line, range) throws(SpecError) in
            var text = bytes[range]
            while let c = text.first, isSpace(c) { text.removeFirst() }
            while let c = text.last, isSpace(c) { text.removeLast() }
            if text.isEmpty { return }
            if text.elementsEqual([UInt8(ascii: "-")]) {
                submissions.append(.none)
                return
            }
            switch Hex.decode(text) {
            case .success(let result):
                submissions.append(.result(result))
            case .failure(let problem):
                throw SpecError(
                    file: file, location: .line(line),
                    reason: "\(SpecError.quoted(text)) is not a result: \(problem.reason) "
                        + "(expected hex bytes, optionally after 0x, or - for no submission)")
            }
        }
        guard !submissions.isEmpty else {
            throw SpecError(
                file: file, location: .file,
                reason: "no results (expected one line per worker: hex, or - for no submission)")
        }
        if let workers, submissions.count != workers {
            throw SpecError(
                file: file, location: .file,
                reason: "has \(submissions.count) results, but the spec has \(workers) workers")
        }
        return submissions
    }
}
