/// A check of table headers that the TOML parser (toml++, inside TOMLKit) must not see.
///
/// toml++ 3 asserts, rather than reporting an error, when a table header `[` or `[[` is followed
/// by a character that cannot start a key (`[}x]`, `[#x]`, `[{x]`): the process aborts. So the
/// document is scanned first, and such a header is refused with its line and column. The scan
/// follows just enough of TOML to know where headers are: strings (basic, literal, multi-line),
/// comments, and the brackets and braces of values (a `[` inside a value opens an array, which
/// may hold `[{`, `[#` and the like legitimately).
enum TOMLHeaderCheck {
    /// The first table header of `toml` that does not start with a key: its line, column and
    /// the character found; `nil` when every header is fine.
    static func firstBadHeader(_ toml: String) -> (line: Int, column: Int, found: Character)? {
        let chars = Array(toml)
        var i = 0, line = 1, lineStart = 0, depth = 0
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
                    return (line, k - lineStart + 1, next)
                }
                // The rest of a header line is the key and a comment.
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "[" || c == "{" { depth += 1 }
            if c == "]" || c == "}" { depth = max(0, depth - 1) }
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
