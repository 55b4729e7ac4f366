import Messages

/// A check of the two shapes the TOML parser (toml++, inside TOMLKit) asserts on instead of
/// reporting an error, so that the process would abort (SIGABRT) on a malformed spec:
/// - a table header `[` or `[[` followed by a character that cannot start a key (`[}x]`,
///   `[#x]`, `[{x]`);
/// - a `}` where an array expects an element (`[}]`, `[1, }]`).
/// The document is scanned first and such a place is refused with its line and column. The
/// scan follows just enough of TOML to know where headers and array elements are: strings
/// (basic, literal, multi-line), comments, and the brackets and braces of values (a `[` inside
/// a value opens an array, which may hold `[{`, `[#` and the like legitimately). Found by
/// `scripts/fuzz-inputs`.
enum TOMLHeaderCheck {
    /// The first place of `toml` that toml++ would abort on: its line, column and the
    /// character found; `nil` when there is none.
    static func firstBadHeader(_ toml: String) -> (line: Int, column: Int, found: Character, reason: String)? {
        let chars = Array(toml)
        var i = 0, line = 1, lineStart = 0, depth = 0
        // The open containers of the current value ("[" arrays, "{" inline tables), and
        // whether the innermost array expects an element (right after "[" or ",").
        var containers: [Character] = []
        var expectElement = false
        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }
        func starts(_ s: String, _ k: Int) -> Bool {
            for (offset, c) in s.enumerated() where at(k + offset) != c { return false }
            return true
        }
        func newline(_ k: Int) {
            line += 1
            lineStart = k + 1
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\n" {
                newline(i)
                i += 1
                continue
            }
            if c == "#" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if starts("\"\"\"", i) || starts("'''", i) {
                expectElement = false
                let close = String(repeating: String(c), count: 3)
                i += 3
                while i < chars.count && !starts(close, i) {
                    if chars[i] == "\\" && c == "\"" { i += 1 }
                    if at(i) == "\n" { newline(i) }
                    i += 1
                }
                i += 3
                continue
            }
            if c == "\"" || c == "'" {
                expectElement = false
                i += 1
                while i < chars.count && chars[i] != c && chars[i] != "\n" {
                    if chars[i] == "\\" && c == "\"" { i += 1 }
                    i += 1
                }
                i += 1
                continue
            }
            if c == "[" && depth == 0 && chars[lineStart ..< i].allSatisfy({ $0 == " " || $0 == "\t" }) {
                var k = i + 1
                if at(k) == "[" { k += 1 }
                while at(k) == " " || at(k) == "\t" { k += 1 }
                if let next = at(k), !isKeyStart(next), next != "]" {
                    return (line, k - lineStart + 1, next, "a table header must start with a key, found \(Echo.quoted(String(next)))")
                }
                // The rest of a header line is the key and a comment.
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == " " || c == "\t" || c == "\r" {
                i += 1
                continue
            }
            if expectElement && c == "}" && containers.last == "[" {
                return (line, i - lineStart + 1, c, "an array element is expected here, found \"}\"")
            }
            expectElement = false
            if c == "[" || c == "{" {
                depth += 1
                containers.append(c)
                expectElement = c == "["
            }
            if c == "]" || c == "}" {
                depth = max(0, depth - 1)
                if !containers.isEmpty { containers.removeLast() }
            }
            if c == "," && containers.last == "[" { expectElement = true }
            i += 1
        }
        return nil
    }

    /// A bare key character (A-Z a-z 0-9 _ -) or a quote.
    static func isKeyStart(_ c: Character) -> Bool {
        c == "_" || c == "-" || c == "\"" || c == "'"
            || (c.isASCII && (c.isLetter || c.isNumber))
    }
}
