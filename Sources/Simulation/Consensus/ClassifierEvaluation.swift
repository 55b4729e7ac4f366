// Consensus instantiations of Lu, Tang and Wang (section V), instantiation (1): evaluating a
// machine-learning classifier. The requester's coin picks a random test subset so that the
// result is unpredictable; each worker runs the model on it and commits the indicator string
// of the samples it classifies correctly.
import Learning
import Ledger
import Mechanisms

/// The classifier-evaluation task (Lu, Tang and Wang, section V, "Evaluating ML classifier").
///
/// The requester wants to pay for a model by its precision. To make the output unpredictable
/// "the requester then randomly chooses some subset x from his test set": here k distinct
/// indices drawn from the coin r (`CoinRandomness(coin: r).sample(k, from: testSet.count)`).
/// The correct result y = f(x; w) is the `IndicatorString` of which of those samples the model
/// classifies correctly (most probable class, first on ties, equal to the label); the contract
/// checks that the workers agree and can compute the precision from the string.
///
/// Not `Sendable`: it holds the model (`Sequential`), which belongs to one task at a time.
public struct ClassifierEvaluation: ConsensusTask {
    /// w: the classifier being evaluated.
    public let model: Sequential
    /// The requester's labelled test set.
    public let testSet: LabelledImages
    /// r: the requester's coin.
    public let coin: Hash32
    /// x: the test subset, k indices of `testSet` in draw order; bit i of the result is about
    /// `subset[i]`.
    public let subset: [Int]

    /// The task of evaluating `model` on `subsetSize` samples of `testSet` chosen by `coin`.
    /// - Parameters:
    ///   - model: the classifier w; its inputs must be `testSet.rows * testSet.columns` pixels.
    ///   - testSet: the requester's test set.
    ///   - subsetSize: k, `1 ... testSet.count`.
    ///   - coin: r.
    public init(model: Sequential, testSet: LabelledImages, subsetSize: Int, coin: Hash32) {
        precondition(subsetSize >= 1 && subsetSize <= testSet.count,
                     "ClassifierEvaluation: subset of \(subsetSize) from \(testSet.count) samples")
        self.model = model
        self.testSet = testSet
        self.coin = coin
        self.subset = Self.drawSubset(coin: coin, size: subsetSize, from: testSet.count)
    }

    /// k, the size of the test subset.
    public var subsetSize: Int { subset.count }

    /// The test subset that `coin` picks: `CoinRandomness(coin: coin).sample(size, from:
    /// population)`, k distinct indices in draw order.
    /// - Parameters:
    ///   - coin: r.
    ///   - size: k.
    ///   - population: the size of the test set.
    /// - Complexity: O(population).
    public static func drawSubset(coin: Hash32, size: Int, from population: Int) -> [Int] {
        var coins = CoinRandomness(coin: coin)
        return coins.sample(size, from: population)
    }

    /// Which of the samples `indices` of `testSet` `model` classifies correctly: bit i is 1
    /// when the most probable class (first on ties) of sample `indices[i]` is its label.
    /// - Parameters:
    ///   - model: the classifier.
    ///   - testSet: the labelled samples.
    ///   - indices: the samples to classify, in order.
    /// - Complexity: one forward pass over `indices.count` samples.
    public static func indicator(
        of model: Sequential, on testSet: LabelledImages, indices: [Int]
    ) -> IndicatorString {
        guard !indices.isEmpty else { return IndicatorString([]) }
        let features = testSet.rows * testSet.columns
        var pixels: [Float] = []
        pixels.reserveCapacity(indices.count * features)
        for index in indices {
            pixels.append(contentsOf: testSet.pixels[index * features ..< (index + 1) * features])
        }
        let probabilities = model.predict(pixels: pixels, count: indices.count)
        let classes = probabilities.columns
        let flags = indices.enumerated().map { row, index in
            let base = row * classes
            var best = 0
            for c in 1 ..< classes where probabilities.storage[base + c] > probabilities.storage[base + best] {
                best = c
            }
            return best == Int(testSet.labels[index])
        }
        return IndicatorString(flags)
    }

    /// y = f(x; w): the indicator string of `model` on `subset`, the result honest workers
    /// commit.
    public func honestResult() -> IndicatorString {
        Self.indicator(of: model, on: testSet, indices: subset)
    }
}
