extension SplitMix64 {
    /// A uniform draw from `0 ..< bound`, by Lemire's multiply-shift with rejection
    /// (D. Lemire, "Fast Random Integer Generation in an Interval", ACM TOMACS 29(1), 2019,
    /// Algorithm 5), written out so that a seed means the same draw on every platform and
    /// toolchain (the standard library's `next(upperBound:)` leaves its algorithm unspecified).
    ///
    /// ```
    /// x = next(); (hi, lo) = x * bound        // 128-bit product
    /// if lo < bound:
    ///     t = (2^64 - bound) mod bound
    ///     while lo < t: x = next(); (hi, lo) = x * bound
    /// return hi
    /// ```
    /// - Parameter bound: the exclusive upper bound, `> 0`.
    /// - Precondition: `bound > 0`.
    /// - Complexity: O(1) expected; fewer than 2 outputs of `next()` on average.
    @inlinable public mutating func draw(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "draw(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
