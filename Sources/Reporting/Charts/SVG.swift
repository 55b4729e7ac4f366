import Foundation

/// The few pieces of SVG text the charts write, deterministic to the byte: escaped text and
/// numbers printed the same on every platform.
enum SVG {
    /// `text` with `& < > " '` replaced by entities, safe in an element and in an attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A coordinate: rounded to 0.01, trailing zeros dropped, never `-0` (`12.5`, `3`, `-0.25`).
    static func coordinate(_ x: Double) -> String {
        number(x, decimals: 2, trim: true)
    }

    /// `x` with `decimals` places (POSIX `%.*f`, locale-independent), `-0` printed as `0`; with
    /// `trim`, trailing zeros and a trailing point dropped. Non-finite values print as `0`.
    static func number(_ x: Double, decimals: Int, trim: Bool = false) -> String {
        guard x.isFinite else { return "0" }
        var s = String(format: "%.\(max(0, decimals))f", x)
        if trim && s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
        return s
    }

    /// A tick label with the ticks' decimals (`0.2`, `1500`).
    static func tick(_ x: Double, _ ticks: NiceTicks) -> String {
        number(x, decimals: ticks.decimals)
    }
}
