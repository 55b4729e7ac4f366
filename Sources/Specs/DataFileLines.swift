/// The lines of a vote or results file as spreadsheet programs write them: an optional UTF-8
/// byte-order mark first, and lines ending in LF, CRLF or a lone CR (classic Mac OS, and some
/// spreadsheet exports). One definition for both file formats.
enum DataFileLines {
    /// The UTF-8 byte-order mark, `EF BB BF`, skipped at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Calls `body` with each line's 1-based number and its byte range (without the line end),
    /// after the byte-order mark if there is one. A final line without a line end counts; an
    /// empty file has no lines.
    /// - Complexity: O(n), one pass.
    @inline(__always)
    static func forEach<Bytes: RandomAccessCollection<UInt8>>(
        in s: Bytes, _ body: (_ line: Int, _ range: Range<Int>) throws(SpecError) -> Void
    ) throws(SpecError) where Bytes.Index == Int {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let end = s.endIndex
        var pos = s.startIndex
        if s.count >= 3 && s[pos] == 0xEF && s[pos + 1] == 0xBB && s[pos + 2] == 0xBF { pos += 3 }
        var line = 0
        while pos < end {
            line += 1
            var lineEnd = pos
            while lineEnd < end && s[lineEnd] != lf && s[lineEnd] != cr { lineEnd += 1 }
            try body(line, pos ..< lineEnd)
            pos = lineEnd + 1
            if lineEnd < end && s[lineEnd] == cr && pos < end && s[pos] == lf { pos += 1 }
        }
    }
}
