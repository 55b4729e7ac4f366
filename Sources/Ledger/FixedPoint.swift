import BigInt

/// Fixed-point numbers of the integer settlement (`contracts/README.md`, "Integer settlement"):
/// a real number r is the integer `round(r * WAD)` with `WAD = 10^18`, and every division is a
/// floor division toward minus infinity. The Vyper contract uses the same scale and floors, so
/// Swift and the EVM compute the same integers.
public enum FixedPoint {
    /// WAD = 10^18, the scale of a fixed-point number.
    public static let wad: Int128 = 1_000_000_000_000_000_000

    /// The largest |beta| and |lambda_r| a contract accepts (`parameterOutOfRange` beyond), so
    /// that their fixed-point values stay below 2^72.
    public static let maximumParameter: Double = 4096

    /// `round(value * 10^18)`: the IEEE double product, rounded to nearest, ties to even
    /// (`Double.rounded(.toNearestOrEven)`); the contract's `beta_wad` and `lambda_wad[r]`.
    /// - Precondition: `|value| <= maximumParameter` (so the value is finite and the result is
    ///   below 2^72).
    public static func wad(_ value: Double) -> Int128 {
        precondition(abs(value) <= maximumParameter, "|\(value)| exceeds \(maximumParameter)")
        // 10^18 = 2^18 * 5^18 with 5^18 < 2^53: the constant is exact, the product is IEEE.
        return Int128((value * 1e18).rounded(.toNearestOrEven))
    }

    /// `floor(a / b)` toward minus infinity, for `b > 0`.
    @inlinable
    public static func floorDivide(_ a: Int128, _ b: Int128) -> Int128 {
        precondition(b > 0, "floor division by a non-positive number")
        let q = a / b  // truncates toward zero
        return a < 0 && q * b != a ? q - 1 : q
    }

    /// `floor(a / b)` toward minus infinity, for `b > 0`.
    public static func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        precondition(b.signum() > 0, "floor division by a non-positive number")
        let (q, r) = a.quotientAndRemainder(dividingBy: b)  // truncates toward zero
        return r.signum() < 0 ? q - 1 : q
    }

    /// `x` as a `BigInt`, built from its sign and magnitude (the generic conversions between
    /// `BigInt` and `Int128` mishandle negative values of more than one word).
    static func big(_ x: Int128) -> BigInt {
        let m = x.magnitude
        let magnitude = BigUInt(UInt64(truncatingIfNeeded: m >> 64)) << 64
            + BigUInt(UInt64(truncatingIfNeeded: m))
        return BigInt(sign: x < 0 ? .minus : .plus, magnitude: magnitude)
    }

    /// `x` as an `Int128`, from its sign and magnitude.
    /// - Precondition: `|x| <= Int128.max`.
    static func int128(_ x: BigInt) -> Int128 {
        let words = x.magnitude.words
        precondition(words.count <= 2, "\(x) does not fit 128 bits")
        var m = UInt128(0)
        for (k, word) in words.enumerated() { m |= UInt128(UInt64(word)) << (64 * k) }
        precondition(m <= UInt128(Int128.max), "\(x) does not fit 128 bits")
        return x.sign == .minus ? -Int128(m) : Int128(m)
    }

    /// `value` clamped to `[-bound, bound]`.
    static func clamp(_ value: BigInt, _ bound: BigInt) -> BigInt {
        min(bound, max(-bound, value))
    }
}
