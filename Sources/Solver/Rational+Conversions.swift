internal import BigInt

extension Rational {
    /// The exact value of a finite double (every finite double is a dyadic rational);
    /// `nil` for infinities and NaN.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        guard value != 0 else {
            self.init(0)
            return
        }
        // significand in [1, 2) has at most 52 fraction bits, also for subnormals.
        let mantissa = BigInt(UInt64(value.magnitude.significand * 0x1p52))
        let exponent = Int(value.exponent) - 52
        let signed = value < 0 ? -mantissa : mantissa
        if exponent >= 0 {
            self.init(signed << exponent)
        } else {
            self.init(signed, BigInt(1) << -exponent)
        }
    }

    /// Parses `3`, `-3`, `+3`, `1/3`, `-7/2`, `1.25` or `-0.5` exactly; `nil` for anything else
    /// (including a zero denominator). Leading and trailing spaces are ignored.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        var body = Substring(trimmed)
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let value: Rational
        if let slash = body.firstIndex(of: "/") {
            guard let n = Self.digits(body[..<slash]), let d = Self.digits(body[body.index(after: slash)...]),
                d != 0
            else { return nil }
            value = Rational(n, d)
        } else if let dot = body.firstIndex(of: ".") {
            let fraction = body[body.index(after: dot)...]
            guard let whole = Self.digits(body[..<dot]), let part = Self.digits(fraction) else { return nil }
            let scale = BigInt(10).power(fraction.count)
            value = Rational(whole * scale + part, scale)
        } else {
            guard let n = Self.digits(body) else { return nil }
            value = Rational(n)
        }
        self = negative ? -value : value
    }

    /// The nearest double (round to nearest, ties to even; values beyond the double range
    /// become infinities, and subnormal results may be off by one unit in the last place).
    public var doubleValue: Double {
        let magnitude = numerator.magnitude
        let d = denominator.magnitude
        if magnitude == 0 { return 0 }
        let sign: FloatingPointSign = numerator < 0 ? .minus : .plus
        if magnitude.bitWidth <= 53 && d.bitWidth <= 53 {
            let q = Double(UInt64(magnitude)) / Double(UInt64(d))
            return sign == .minus ? -q : q
        }
        // q = floor(magnitude * 2^shift / d) has 63 or 64 bits; a sticky bit keeps the rounding exact.
        let shift = 63 - (magnitude.bitWidth - d.bitWidth)
        let scaled = shift >= 0 ? magnitude << shift : magnitude
        let divisor = shift >= 0 ? d : d << -shift
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)  // 2^62 <= q < 2^64
        let q = remainder == 0 ? quotient : quotient | 1
        return Double(sign: sign, exponent: -shift, significand: Double(UInt64(q)))
    }

    private static func digits(_ text: Substring) -> BigInt? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return BigInt(text)
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
