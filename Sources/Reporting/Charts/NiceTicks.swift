import Foundation

/// Axis ticks at round numbers: steps of 1, 2 or 5 times a power of ten.
///
/// Goals, in order: ticks are the correctly rounded decimals they stand for (each computed
/// from integers as `i * digit / 10^d` or `i * digit * 10^k`, never by repeated addition, so no
/// drift: the fourth tick of step 0.1 is 0.3, not 0.30000000000000004); the ticks cover the
/// data (the domain is widened to whole steps); about `count` ticks; deterministic.
///
/// The step is the smallest of `{1, 2, 5} x 10^k` at least `(upper - lower) / count`; for
/// example [0, 0.87] with 5 ticks: raw step 0.174, so 0.2, and ticks 0, 0.2, ..., 1.
public struct NiceTicks: Hashable, Sendable {
    /// The leading digit of the step: 1, 2 or 5.
    public let digit: Int
    /// k of the step `digit x 10^k`.
    public let exponent: Int
    /// Index of the first and last tick: tick i is `i x step`.
    public let first: Int
    public let last: Int

    /// The ticks of [`a`, `b`] (in either order), about `count` of them.
    ///
    /// A degenerate domain (`a == b`) is widened to `x - 1 ... x + 1` for x = 0, else by
    /// |x| / 10 each side. Non-finite bounds give the domain 0 ... 1.
    /// - Precondition: `count >= 1`.
    public init(_ a: Double, _ b: Double, count: Int = 5) {
        precondition(count >= 1, "NiceTicks: count \(count)")
        var lo = min(a, b), hi = max(a, b)
        if !lo.isFinite || !hi.isFinite { (lo, hi) = (0, 1) }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) / 10
            (lo, hi) = (lo - pad, hi + pad)
        }
        let raw = (hi - lo) / Double(count)
        var k = Int(log10(raw).rounded(.down))
        // log10 may land a hair below an exact power; settle k so that 10^k <= raw < 10^(k+1).
        while Self.power(k + 1) <= raw { k += 1 }
        while Self.power(k) > raw { k -= 1 }
        let fraction = raw / Self.power(k)
        var d = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        if d == 10 { (d, k) = (1, k + 1) }
        digit = d
        exponent = k
        let step = Double(d) * Self.power(k)
        first = Int((lo / step).rounded(.down))
        last = Int((hi / step).rounded(.up))
    }

    /// The step, `digit x 10^exponent`.
    public var step: Double { value(1) }
    /// The widened domain, from the first tick to the last.
    public var lower: Double { value(first) }
    public var upper: Double { value(last) }
    /// The ticks, `lower` to `upper` in steps of `step`.
    public var values: [Double] { (first ... last).map(value) }
    /// The decimal places that show every tick exactly: `max(0, -exponent)`.
    public var decimals: Int { max(0, -exponent) }

    /// Tick i, from integers: `i x digit / 10^-k` for k < 0, `i x digit x 10^k` otherwise.
    func value(_ i: Int) -> Double {
        exponent < 0 ? Double(i * digit) / Self.power(-exponent) : Double(i * digit) * Self.power(exponent)
    }

    /// 10^k, from a product of tens (exact for 0 <= k <= 22).
    static func power(_ k: Int) -> Double {
        var p = 1.0
        for _ in 0 ..< abs(k) { p *= 10 }
        return k >= 0 ? p : 1 / p
    }
}
