import Adversary
import Mechanisms

/// The `synthetic` worker source: a seeded confusion-matrix model of a trained worker, fast
/// enough for tens of thousands of rounds a second.
///
/// For each public sample j a true class `t_j` is drawn from the prior. Worker i's model
/// predicts `t_j` with probability `a_i` (its accuracy) and otherwise a class drawn uniformly
/// from the other |C| - 1 (the symmetric noise `verify` assumes). Its max softmax probability
/// is drawn so that confident predictions are more often right:
/// ```
/// p_ij ~ U[1/2, 1)              when the prediction is correct
/// p_ij ~ U[1/|C|, 3/4)          when it is wrong
/// ```
/// and its local accuracy is `a_i`, so the certainty of Eq. 5 is `A_ij = a_i * p_ij`.
public enum SyntheticModel {
    /// The true classes of `samples` public samples, drawn from `prior` (inverse CDF).
    /// - Complexity: O(m * |C|) worst case, O(m) for a uniform prior.
    public static func truth(
        samples: Int, prior: [Double], using generator: inout SplitMix64
    ) -> [UInt8] {
        let classes = prior.count
        let uniform = prior.allSatisfy { abs($0 - prior[0]) < 1e-12 }
        var cumulative = [Double](repeating: 0, count: classes)
        var running = 0.0
        for (x, p) in prior.enumerated() {
            running += p
            cumulative[x] = running
        }
        return (0 ..< samples).map { _ in
            if uniform { return UInt8(Sampling.below(UInt64(classes), using: &generator)) }
            let u = Sampling.unit(using: &generator) * running
            return UInt8(cumulative.firstIndex { u < $0 } ?? classes - 1)
        }
    }

    /// One worker's predictions on the public samples whose true classes are `truth`.
    /// - Parameters:
    ///   - truth: `t_j`, one class per sample.
    ///   - classes: |C| (>= 2).
    ///   - accuracy: `a_i` in [0, 1].
    ///   - generator: the worker's own stream for this replication.
    /// - Complexity: O(m).
    public static func predictions(
        truth: [UInt8], classes: Int, accuracy: Double, using generator: inout SplitMix64
    ) -> LocalPredictions {
        precondition(classes >= 2, "SyntheticModel: at least two classes")
        // Goals: the draws of the loop below in exactly this order (a seed's meaning), then speed:
        // one pass writing both outputs through raw buffers.
        let m = truth.count
        let floor = 1 / Double(classes)
        let others = UInt64(classes - 1)
        var g = generator
        var confidence = [Float](repeating: 0, count: m)
        let labels = [UInt8](unsafeUninitializedCapacity: m) { labels, initialized in
            confidence.withUnsafeMutableBufferPointer { confidence in
                truth.withUnsafeBufferPointer { truth in
                    for j in 0 ..< m {
                        let correct = Sampling.unit(using: &g) < accuracy
                        let u = Sampling.unit(using: &g)
                        let t = truth[j]
                        if correct {
                            labels[j] = t
                            confidence[j] = Float(0.5 + 0.5 * u)
                        } else {
                            let other = Int(Sampling.below(others, using: &g))
                            labels[j] = UInt8(other >= Int(t) ? other + 1 : other)
                            confidence[j] = Float(floor + (0.75 - floor) * u)
                        }
                    }
                }
            }
            initialized = m
        }
        generator = g
        return LocalPredictions(labels: labels, maxProbability: confidence, accuracy: accuracy)
    }
}

/// The two draws the campaigns make, written out so that a seed means the same everywhere.
public enum Sampling {
    /// A uniform double in [0, 1) from the top 53 bits.
    @inlinable public static func unit(using generator: inout SplitMix64) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0 ..< bound` (`SplitMix64.draw(below:)`, Lemire's method).
    @inlinable public static func below(_ bound: UInt64, using generator: inout SplitMix64)
        -> UInt64
    {
        generator.draw(below: bound)
    }

    /// A uniform integer in `range`.
    @inlinable public static func integer(
        in range: ClosedRange<Int>, using generator: inout SplitMix64
    ) -> Int {
        range.lowerBound + Int(below(UInt64(range.upperBound - range.lowerBound) + 1, using: &generator))
    }
}
