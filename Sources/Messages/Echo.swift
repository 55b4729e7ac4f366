/// How a value taken from the user's input (a field of a file, a key, an argument, a path)
/// appears inside a message: control characters escaped, long values cut.
///
/// Every message that echoes user input goes through `Echo`, so no message carries a raw
/// carriage return, NUL, byte-order mark or terminal escape, and none runs to kilobytes:
///
/// | input                       | `Echo.quoted`                              |
/// |-----------------------------|--------------------------------------------|
/// | `ab"c`                      | `"ab\"c"`                                  |
/// | `pt` CR NUL BOM `sd` DEL    | `"pt\r\0\u{FEFF}sd\u{7F}"`                 |
/// | 8,000 times `x`             | `"xxx…x…" (8000 characters)` (80 kept)     |
/// | the bytes `0x41 0xE9 0x42`  | `"A\xE9B"` (not UTF-8)                     |
///
/// Escapes follow Swift string literals: `\0 \t \n \r \\ \"` and `\u{XXXX}` for any other
/// control, format or line-separator character (C0 controls, DEL, C1 controls, the byte-order
/// mark, bidirectional overrides, zero-width characters, U+2028/9). A byte that is not part of
/// valid UTF-8 is shown as `\xNN`. Lengths count Unicode scalars.
public enum Echo {
    /// The longest value kept whole inside a message, in characters.
    public static let valueLimit = 80
    /// The longest path or key path kept whole inside a message, in characters.
    public static let pathLimit = 240

    /// `"value"`: quoted, escaped, and cut to `limit` characters with an ellipsis and the
    /// total length.
    /// - Parameter quote: the quotation mark, `"` or `'` (as ArgumentParser quotes); it is
    ///   escaped inside the value, like `\`.
    public static func quoted(_ value: some StringProtocol, limit: Int = valueLimit, quote: Unicode.Scalar = "\"") -> String {
        render(Array(value.unicodeScalars).map(Piece.scalar), quote: quote, limit: limit, unit: "characters")
    }

    /// `"value"` for raw bytes (a field of a data file): as ``quoted(_:limit:)``, with bytes
    /// that are not valid UTF-8 shown as `\xNN` and the total length in bytes when cut.
    public static func quoted(bytes: some Collection<UInt8>, limit: Int = valueLimit) -> String {
        let pieces = decode(bytes)
        let unit = pieces.contains { if case .byte = $0 { true } else { false } } ? "bytes" : "characters"
        let total = unit == "bytes" ? bytes.count : pieces.count
        return render(pieces, quote: "\"", limit: limit, unit: unit, total: total)
    }

    /// A path or key path, unquoted: escaped (but `\` and `"` kept as they are) and cut to
    /// `limit` characters.
    public static func path(_ value: some StringProtocol, limit: Int = pathLimit) -> String {
        render(Array(value.unicodeScalars).map(Piece.scalar), quote: nil, limit: limit, unit: "characters")
    }

    /// A whole message with its control characters escaped, line breaks kept: the last line
    /// of defence before a message reaches a terminal. Idempotent; `\` and `"` are kept.
    public static func safeMessage(_ message: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(message.unicodeScalars.count)
        for scalar in message.unicodeScalars {
            if scalar == "\n" { out.unicodeScalars.append(scalar) } else { append(scalar, to: &out, quote: nil) }
        }
        return out
    }

    /// Whether `scalar` is escaped: a control, format, line- or paragraph-separator character.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
            .modifierSymbol, .otherSymbol, .spaceSeparator, .surrogate, .privateUse, .unassigned:
            false
        @unknown default: false
        }
    }

    // MARK: internals

    enum Piece: Equatable {
        case scalar(Unicode.Scalar)
        case byte(UInt8)
    }

    /// The bytes as scalars, with every byte outside valid UTF-8 kept apart.
    static func decode(_ bytes: some Collection<UInt8>) -> [Piece] {
        let bytes = Array(bytes)
        var pieces: [Piece] = []
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var consumed = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                pieces.append(.scalar(Unicode.UTF8.decode(encoded)))
                consumed += encoded.count
            case .error(let length):
                for byte in bytes[consumed ..< consumed + length] { pieces.append(.byte(byte)) }
                consumed += length
            case .emptyInput: return pieces
            }
        }
    }

    /// The pieces between `quote` marks (none when `nil`), escaped and cut.
    static func render(_ pieces: [Piece], quote: Unicode.Scalar?, limit: Int, unit: String, total: Int? = nil) -> String {
        var out = ""
        if let quote { out.unicodeScalars.append(quote) }
        for piece in pieces.prefix(limit) {
            switch piece {
            case .scalar(let s): append(s, to: &out, quote: quote)
            case .byte(let b): out += "\\x" + hex(b)
            }
        }
        if pieces.count > limit { out += "…" }
        if let quote { out.unicodeScalars.append(quote) }
        if pieces.count > limit { out += " (\(total ?? pieces.count) \(unit))" }
        return out
    }

    /// Appends `scalar`, escaped as the type describes; inside quotes (`quote` not `nil`) `\`
    /// and the quotation mark are escaped too.
    static func append(_ scalar: Unicode.Scalar, to out: inout String, quote: Unicode.Scalar?) {
        switch scalar {
        case "\0": out += "\\0"
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\\" where quote != nil: out += "\\\\"
        case _ where scalar == quote: out += "\\" + String(scalar)
        default:
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "0" + digits : digits
    }
}
