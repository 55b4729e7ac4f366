import Foundation
import Mechanisms
import Testing

@testable import Learning

@Suite struct DataSamplingTests {
    /// Sample mean within 5 standard errors of the shape a (Var Gamma(a) = a), and sample
    /// variance within 5 standard errors of a (Var s² ≈ (μ₄ − σ⁴)/n = (2a² + 6a)/n).
    @Test(arguments: [0.05, 0.1, 0.5, 1.0, 2.5, 10.0, 100.0])
    func gammaMomentsMatchShape(shape: Double) {
        let n = 200_000
        var generator = SplitMix64(seed: 42, stream: UInt64(shape * 1000))
        let draws = (0 ..< n).map { _ in generator.gamma(shape: shape) }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let meanTolerance = 5 * (shape / Double(n)).squareRoot()
        let varianceTolerance = 5 * ((2 * shape * shape + 6 * shape) / Double(n)).squareRoot()
        #expect(abs(mean - shape) < meanTolerance, "shape \(shape) seed 42: mean \(mean)")
        #expect(abs(variance - shape) < varianceTolerance, "shape \(shape) seed 42: variance \(variance)")
        #expect(draws.allSatisfy { $0 >= 0 && $0.isFinite })
    }

    @Test func normalHasZeroMeanUnitVariance() {
        let n = 200_000
        var generator = SplitMix64(seed: 7)
        let draws = (0 ..< n).map { _ in generator.standardNormal() }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + $1 * $1 } / Double(n) - mean * mean
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
    }

    @Test func dirichletIsADistributionWithUniformMean() {
        var generator = SplitMix64(seed: 3)
        var sums = [Double](repeating: 0, count: 4)
        let n = 20_000
        for _ in 0 ..< n {
            let p = generator.dirichlet(alpha: 0.1, count: 4)
            #expect(abs(p.reduce(0, +) - 1) < 1e-12)
            for k in 0 ..< 4 { sums[k] += p[k] }
        }
        // Each component is Beta(0.1, 0.3): mean 1/4, variance (1/4)(3/4)/1.4 ≈ 0.134.
        for k in 0 ..< 4 { #expect(abs(sums[k] / Double(n) - 0.25) < 5 * (0.134 / Double(n)).squareRoot()) }
        let tiny = generator.dirichlet(alpha: 1e-300, count: 5)
        #expect(tiny.reduce(0, +) == 1 && tiny.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test func uniformIntAndShuffle() {
        var generator = SplitMix64(seed: 11)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0 ..< 60_000 { counts[generator.uniformInt(below: 6)] += 1 }
        // Binomial(60000, 1/6): sd ≈ 91.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
        var items = Array(0 ..< 100)
        generator.shuffle(&items)
        #expect(items.sorted() == Array(0 ..< 100) && items != Array(0 ..< 100))
    }
}
