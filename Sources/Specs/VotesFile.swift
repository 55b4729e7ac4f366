import Mechanisms

/// Vote files: the revealed 1-bit predictions as CSV, read into a `VoteMatrix`.
///
/// Format (see `specs/README.md`): one row per worker, in worker order; one comma-separated
/// integer per public sample, a class label `0 ..< classes` or `-1` for no report. Spaces and
/// tabs around fields are allowed; blank lines are ignored. Every row must have the same number
/// of fields. As spreadsheet programs write it, the file may start with a UTF-8 byte-order mark
/// and its lines may end in LF, CRLF or CR (``DataFileLines``).
///
/// ```
/// 0, 1, 1, 0
/// 0, 1, 0, 0
/// 0,-1, 1, 1
/// ```
public enum VotesFile {
    /// Reads the vote file at `path`.
    /// - Parameters:
    ///   - path: the file, or `-` for standard input (named `standard input` in messages).
    ///   - classes: |C|; labels must be `0 ..< classes` (1 ... 254).
    ///   - workers: when given, the number of rows the file must have.
    /// - Throws: `SpecError` naming the file, line, field and the bad text.
    /// - Complexity: O(file size), one pass over the bytes.
    public static func read(path: String, classes: Int, workers: Int? = nil) throws(SpecError)
        -> VoteMatrix
    {
        try parse(
            bytes: FileBytes.read(input: path), file: FileBytes.displayName(path), classes: classes,
            workers: workers)
    }

    /// Parses vote-file text; `file` names it in error messages.
    /// - Throws: `SpecError`, as for `read(path:classes:workers:)`.
    public static func parse(text: String, file: String, classes: Int, workers: Int? = nil)
        throws(SpecError) -> VoteMatrix
    {
        var text = text
        return try text.withUTF8 { buffer in
            Result { () throws(SpecError) in
                try parse(buffer, file: file, classes: classes, workers: workers)
            }
        }.get()
    }

    /// Parses vote-file bytes; `file` names them in error messages.
    /// - Throws: `SpecError`, as for `read(path:classes:workers:)`.
    public static func parse(bytes: [UInt8], file: String, classes: Int, workers: Int? = nil)
        throws(SpecError) -> VoteMatrix
    {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(SpecError) in
                try parse(buffer, file: file, classes: classes, workers: workers)
            }
        }.get()
    }

    static func parse(
        _ s: UnsafeBufferPointer<UInt8>, file: String, classes: Int, workers expectedWorkers: Int?
    ) throws(SpecError) -> VoteMatrix {
        guard (1 ... VoteMatrix.maximumClasses).contains(classes) else {
            throw SpecError(
                file: file, location: .file,
                reason: "cannot hold \(classes) classes (1 ... \(VoteMatrix.maximumClasses))")
        }
        let comma = UInt8(ascii: ","), minus = UInt8(ascii: "-")
        let zero = UInt8(ascii: "0")
        @inline(__always) func isSpace(_ c: UInt8) -> Bool {
            c == UInt8(ascii: " ") || c == UInt8(ascii: "\t")
        }
        let expected = "expected 0 ... \(classes - 1), or -1 for no report"

        var codes: [UInt8] = []  // row-major
        codes.reserveCapacity(s.count / 2)
        var rows = 0, width = 0, firstRowLine = 0
        try DataFileLines.forEach(in: s) { (line, range) throws(SpecError) in
            let lineEnd = range.upperBound
            var p = range.lowerBound
            while p < lineEnd && isSpace(s[p]) { p += 1 }
            if p == lineEnd { return }  // blank line

            var field = 0
            while true {
                field += 1
                while p < lineEnd && isSpace(s[p]) { p += 1 }
                let start = p
                while p < lineEnd && s[p] != comma { p += 1 }
                var stop = p
                while stop > start && isSpace(s[stop - 1]) { stop -= 1 }
                // An optional '-' then digits; the value saturates so huge numbers stay bad.
                var q = start
                let negative = q < stop && s[q] == minus
                if negative { q += 1 }
                var value = 0
                let digitsStart = q
                while q < stop, case let d = s[q] &- zero, d < 10 {
                    value = min(value &* 10 &+ Int(d), 1 << 20)
                    q += 1
                }
                guard q == stop && q > digitsStart else {
                    let reason =
                        start == stop
                        ? "empty field (\(expected))"
                        : "\(SpecError.quoted(s[start ..< stop])) is not an integer label (\(expected))"
                    throw SpecError(file: file, location: .field(line: line, field: field), reason: reason)
                }
                if negative {
                    guard value == 1 else {
                        throw SpecError(
                            file: file, location: .field(line: line, field: field),
                            reason: "label \(SpecError.quoted(s[start ..< stop])) is out of range (\(expected))")
                    }
                    codes.append(UInt8(classes))
                } else {
                    guard value < classes else {
                        throw SpecError(
                            file: file, location: .field(line: line, field: field),
                            reason: "label \(SpecError.quoted(s[start ..< stop])) is out of range (\(expected))")
                    }
                    codes.append(UInt8(value))
                }
                if p < lineEnd { p += 1 } else { break }  // past the comma, or end of row
            }
            if rows == 0 {
                width = field
                firstRowLine = line
            } else if field != width {
                throw SpecError(
                    file: file, location: .line(line),
                    reason: "row has \(field) labels, but the first row (line \(firstRowLine)) "
                        + "has \(width)")
            }
            rows += 1
        }
        guard rows > 0 else {
            throw SpecError(
                file: file, location: .file, reason: "no rows (expected one row of labels per worker)")
        }
        if let expectedWorkers, rows != expectedWorkers {
            throw SpecError(
                file: file, location: .file,
                reason: "has \(rows) rows, but the spec has \(expectedWorkers) workers")
        }
        // Row-major (worker, sample) to the matrix's sample-major storage.
        var matrix = VoteMatrix(workers: rows, samples: width, classes: classes)
        matrix.withMutableCodes { target in
            codes.withUnsafeBufferPointer { source in
                for i in 0 ..< rows {
                    for j in 0 ..< width { target[j * rows + i] = source[i * width + j] }
                }
            }
        }
        return matrix
    }
}
