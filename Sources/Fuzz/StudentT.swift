import Foundation

/// Student's t distribution: the one-sided quantiles behind the paired tests of the economic
/// campaigns.
///
/// Goals, in order: correctness to about 1e-10 in the CDF for df >= 1, determinism (no
/// platform library beyond `lgamma`, `log`, `exp`, `pow`), then speed (a quantile costs a few
/// hundred CDF evaluations; campaigns cache it per df).
public enum StudentT {
    /// P(T <= t) for T with `df` degrees of freedom.
    ///
    /// ```
    /// P(T <= t) = 1 - I_x(df/2, 1/2) / 2   for t >= 0,   x = df / (df + t^2)
    /// ```
    /// with I the regularized incomplete beta function; symmetric for t < 0.
    /// - Precondition: `df >= 1`.
    public static func cdf(_ t: Double, df: Double) -> Double {
        precondition(df >= 1, "StudentT: df must be at least 1")
        if t.isNaN { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let x = df / (df + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with `P(T <= t) = p`, by bisection on `cdf` to 1e-12.
    /// - Precondition: `0 < p < 1`, `df >= 1`.
    public static func quantile(_ p: Double, df: Double) -> Double {
        precondition(p > 0 && p < 1, "StudentT: p must lie in (0, 1)")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, df: df) }
        var low = 0.0, high = 1.0
        while cdf(high, df: df) < p { high *= 2 }
        for _ in 0 ..< 200 {
            let mid = (low + high) / 2
            if cdf(mid, df: df) < p { low = mid } else { high = mid }
            if high - low < 1e-12 * max(1, high) { break }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), by the continued fraction of Lentz's method (converges for x < (a+1)/(a+b+2),
    /// the other side by the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)).
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logFront: Double = logBeta + a * log(x) + b * log(1 - x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1 ... 400 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
