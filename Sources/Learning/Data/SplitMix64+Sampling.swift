internal import Foundation
import Mechanisms

/// Uniform, normal, gamma and Dirichlet draws from the project's seeded generator.
///
/// Written out here rather than taken from the standard library so that a seed reproduces the
/// same draws on every toolchain. Goals in priority order: correct distributions, bit-for-bit
/// reproducibility, then speed.
extension SplitMix64 {
    /// A uniform draw from the open interval (0, 1), with 53 random bits.
    ///
    /// - Complexity: O(1).
    package mutating func uniformOpen() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform integer in `0 ..< bound`, unbiased (rejection of the short final block).
    ///
    /// - Parameter bound: the exclusive upper bound, > 0.
    /// - Complexity: O(1) expected.
    package mutating func uniformInt(below bound: Int) -> Int {
        precondition(bound > 0, "uniformInt: bound must be positive")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range  // 2^64 mod range
        while true {
            let draw = next()
            if draw >= threshold { return Int(draw % range) }
        }
    }

    /// Shuffles `elements` in place (Fisher–Yates, Durstenfeld's version).
    ///
    /// - Parameter elements: the array to permute uniformly.
    /// - Complexity: O(n).
    package mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(index, uniformInt(below: index + 1))
        }
    }

    /// A standard normal draw (Marsaglia's polar method).
    ///
    /// - Complexity: O(1) expected (acceptance rate π/4).
    package mutating func standardNormal() -> Double {
        while true {
            let u = 2 * uniformOpen() - 1
            let v = 2 * uniformOpen() - 1
            let s = u * u + v * v
            if s < 1, s > 0 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// The natural logarithm of a Gamma(shape, 1) draw (Marsaglia and Tsang 2000).
    ///
    /// For shape ≥ 1, with d = shape − 1/3 and c = 1/√(9d), draw x ~ N(0, 1) and
    /// u ~ U(0, 1), set v = (1 + cx)³ and accept d·v when v > 0 and
    /// ```
    /// log u < x²/2 + d − d·v + d·log v
    /// ```
    /// (with the cheap squeeze u < 1 − 0.0331x⁴ first). For shape < 1 the boost
    /// Gamma(a) = Gamma(a + 1) · u^(1/a) is used. Returning the logarithm keeps tiny draws
    /// (frequent for a ≪ 1) from underflowing to zero.
    ///
    /// - Parameter shape: the shape a > 0 (finite).
    /// - Complexity: O(1) expected (acceptance above 95 %).
    package mutating func logGamma(shape: Double) -> Double {
        precondition(shape > 0 && shape.isFinite, "logGamma: shape must be positive and finite")
        if shape < 1 {
            return logGamma(shape: shape + 1) + log(uniformOpen()) / shape
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = standardNormal()
            let root = 1 + c * x
            guard root > 0 else { continue }
            let v = root * root * root
            let u = uniformOpen()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) {
                return log(d) + log(v)
            }
        }
    }

    /// A Gamma(shape, 1) draw; see ``logGamma(shape:)``.
    ///
    /// - Parameter shape: the shape a > 0; the mean and variance are both a.
    /// - Complexity: O(1) expected.
    package mutating func gamma(shape: Double) -> Double {
        exp(logGamma(shape: shape))
    }

    /// A draw from the symmetric Dirichlet(alpha, …, alpha) distribution on `count` categories.
    ///
    /// Normalised gamma draws, p_k = g_k / Σ g_j, computed from log-gammas shifted by their
    /// maximum so that the result always sums to 1 even when every g_k underflows.
    ///
    /// - Parameters:
    ///   - alpha: the concentration, > 0; small values concentrate mass on few categories.
    ///   - count: the number of categories, > 0.
    /// - Complexity: O(count) expected.
    package mutating func dirichlet(alpha: Double, count: Int) -> [Double] {
        precondition(count > 0, "dirichlet: count must be positive")
        let logs = (0 ..< count).map { _ in logGamma(shape: alpha) }
        let top = logs.max()!
        guard top.isFinite else {  // every draw underflowed (alpha ≈ 0): the one-hot limit
            var oneHot = [Double](repeating: 0, count: count)
            oneHot[uniformInt(below: count)] = 1
            return oneHot
        }
        let weights = logs.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}
