/// Where each key of a spec is written: key path (`mechanism.beta`, `knobs.normalization`,
/// `checks.self-predicting`) -> 1-based line, and each table header (`mechanism`) -> its line.
///
/// Reports point at the responsible key of a finding (SARIF locations, the findings table),
/// so the line has to be the one a reader's editor shows. The scan follows just enough TOML to
/// find where keys start: comments, table headers (`[t]`, `[[t]]`, dotted), basic and literal
/// strings (one-line and multi-line), and values spread over lines (arrays, inline tables),
/// whose inner keys are not indexed. It never fails: a document `Spec.parse` refuses still
/// gives the lines it can.
public struct SpecLines: Hashable, Sendable, Codable {
    /// Key path -> line.
    public private(set) var lines: [String: Int]

    /// The index of `toml`.
    public init(toml: String) {
        lines = [:]
        var table = ""
        var depth = 0
        var multiline: String? = nil
        for (offset, raw) in toml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            var rest = Substring(raw)
            if let close = multiline {
                guard let end = rest.range(of: close) else { continue }
                multiline = nil
                rest = rest[end.upperBound...]
                (depth, multiline) = Self.scanValue(rest, depth: depth)
                continue
            }
            let text = rest.drop { $0 == " " || $0 == "\t" }
            if depth > 0 {
                (depth, multiline) = Self.scanValue(text, depth: depth)
                continue
            }
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.hasPrefix("[") {
                let inner = text.drop { $0 == "[" }
                guard let end = inner.firstIndex(of: "]") else { continue }
                table = Self.normalizedKey(inner[..<end])
                if lines[table] == nil { lines[table] = line }
                continue
            }
            guard let equals = Self.keyEnd(text) else { continue }
            let key = Self.normalizedKey(text[..<equals])
            let path = table.isEmpty ? key : "\(table).\(key)"
            if lines[path] == nil { lines[path] = line }
            (depth, multiline) = Self.scanValue(text[text.index(after: equals)...], depth: 0)
        }
    }

    /// The index of the spec file at `path`; empty when it cannot be read.
    public static func load(path: String) -> SpecLines {
        guard let bytes = try? FileBytes.read(path: path) else { return SpecLines(toml: "") }
        return SpecLines(toml: String(decoding: bytes, as: UTF8.self))
    }

    /// The line of `keyPath`, or `nil` when the spec does not write it.
    public func line(of keyPath: String) -> Int? { lines[keyPath] }

    /// The first of `keyPaths` the spec writes, with its line.
    public func first(of keyPaths: [String]) -> (key: String, line: Int)? {
        for key in keyPaths { if let line = lines[key] { return (key, line) } }
        return nil
    }

    // MARK: scanning

    /// The index of the `=` that ends a key at the start of `text` (outside quotes).
    static func keyEnd(_ text: Substring) -> Substring.Index? {
        var quote: Character? = nil
        for i in text.indices {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return i
            } else if c == "#" {
                return nil
            }
        }
        return nil
    }

    /// `a . "b c"` -> `a.b c`: the dotted key without quotes and the blanks around dots.
    static func normalizedKey(_ raw: Substring) -> String {
        raw.split(separator: ".", omittingEmptySubsequences: false)
            .map { part in
                var p = part.trimmingBlanks
                if p.count >= 2, let f = p.first, f == p.last, f == "\"" || f == "'" { p = p.dropFirst().dropLast() }
                return String(p)
            }
            .joined(separator: ".")
    }

    /// Follows a value to the end of its line: the bracket depth left open, and the closing
    /// delimiter of a multi-line string left open (`nil` when none).
    static func scanValue(_ text: Substring, depth start: Int) -> (depth: Int, multiline: String?) {
        var depth = start
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "#" { break }
            if c == "\"" || c == "'" {
                let triple = String(repeating: String(c), count: 3)
                if text[i...].hasPrefix(triple) {
                    let after = text.index(i, offsetBy: 3)
                    guard let end = text[after...].range(of: triple) else { return (depth, triple) }
                    i = end.upperBound
                    continue
                }
                var j = text.index(after: i)
                while j < text.endIndex && text[j] != c {
                    if c == "\"" && text[j] == "\\" { j = text.index(after: j) }
                    if j < text.endIndex { j = text.index(after: j) }
                }
                i = j < text.endIndex ? text.index(after: j) : j
                continue
            }
            if c == "[" || c == "{" { depth += 1 }
            if c == "]" || c == "}" { depth = max(0, depth - 1) }
            i = text.index(after: i)
        }
        return (depth, nil)
    }
}

extension Substring {
    /// Without leading and trailing blanks (and a CR of a CRLF line end).
    fileprivate var trimmingBlanks: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
