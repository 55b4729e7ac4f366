import Messages

/// The last step of every error message before it reaches the terminal.
///
/// serumcheck's own messages echo user input through ``Echo`` where they are written; ``safe(_:)``
/// only escapes any control character left (line breaks kept). ArgumentParser's messages echo
/// arguments as they were typed, between single quotes (`Unknown option '--…'`, `The value '…'
/// is invalid for '--seed <s>'`): ``parser(_:)`` also cuts each such quoted value through
/// ``Echo``, to ``Echo/valueLimit`` characters.
enum CommandLineMessage {
    /// A message of serumcheck's own, control characters escaped.
    static func safe(_ message: String) -> String {
        Echo.safeMessage(message)
    }

    /// A message of ArgumentParser's: long quoted values cut, control characters escaped.
    static func parser(_ message: String) -> String {
        Echo.safeMessage(cuttingQuotedValues(message))
    }

    /// `message` with every `'…'` span longer than ``Echo/valueLimit`` cut by ``Echo``: a
    /// span opens at a `'` at the start or after a space and closes at the next `'` followed by
    /// the end, a space, or `.`, `,`, `:`, `?`.
    static func cuttingQuotedValues(_ message: String) -> String {
        let scalars = Array(message.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let opens = scalars[i] == "'" && (i == 0 || scalars[i - 1] == " ")
            guard opens, let close = closingQuote(scalars, after: i) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let value = String(String.UnicodeScalarView(scalars[(i + 1) ..< close]))
            if value.unicodeScalars.count > Echo.valueLimit {
                out.append(contentsOf: Echo.quoted(value, quote: "'").unicodeScalars)
            } else {
                out.append(contentsOf: scalars[i ... close])
            }
            i = close + 1
        }
        return String(out)
    }

    private static func closingQuote(_ scalars: [Unicode.Scalar], after open: Int) -> Int? {
        var j = open + 1
        while j < scalars.count {
            if scalars[j] == "'" {
                let next = j + 1 < scalars.count ? scalars[j + 1] : " "
                if [" ", ".", ",", ":", "?", "\n"].contains(next) { return j }
            }
            j += 1
        }
        return nil
    }
}
