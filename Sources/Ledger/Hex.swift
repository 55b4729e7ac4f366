/// Hexadecimal byte strings: hashes and addresses, `mechanism.input`, results files.
package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The bytes as lower-case hex, two digits a byte, with a `0x` prefix.
    /// - Complexity: O(n).
    package static func encode<S: Sequence<UInt8>>(_ bytes: S) -> String {
        var text: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: "x")]
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }


    /// The bytes of `text`: an even number of hex digits (either case), optionally after `0x`.
    /// An empty string, or a lone `0x`, is the empty byte string.
    /// - Returns: the bytes, or the reason the text is not hex.
    /// - Complexity: O(|text|).
    package static func decode(_ text: some Collection<UInt8>) -> Result<[UInt8], HexProblem> {
        var digits = text[...]
        if digits.count >= 2, digits.first == UInt8(ascii: "0"),
            let x = digits.dropFirst().first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X")
        {
            digits = digits.dropFirst(2)
        }
        guard digits.count % 2 == 0 else {
            return .failure(HexProblem(reason: "has an odd number of hex digits (\(digits.count))"))
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8? = nil
        for (offset, c) in digits.enumerated() {
            guard let v = value(of: c) else {
                // Printable ASCII as itself; anything else (a control character, a byte of a
                // multi-byte character) by its value, so no raw control byte reaches a message.
                let shown = (0x20 ..< 0x7F).contains(c)
                    ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(c < 16 ? "0" : "")\(String(c, radix: 16, uppercase: true))"
                return .failure(
                    HexProblem(reason: "\(shown) at hex digit \(offset + 1) is not a hex digit"))
            }
            if let h = high {
                bytes.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        return .success(bytes)
    }

    /// The bytes of `text`, or `nil` when it is not hex (see `decode(_:)` for the reason).
    package static func decode(_ text: String) -> [UInt8]? {
        try? decode(text.utf8).get()
    }

    @inline(__always)
    static func value(of c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Why a string is not hex.
package struct HexProblem: Error {
    package var reason: String
}
