// Mini-batch training and distillation with seeded shuffling.
import Mechanisms

/// Trains a ``Sequential`` network with ``Adam`` on mini-batches: cross-entropy on labelled
/// data (local training) or KL divergence to target distributions (distillation).
///
/// Each epoch visits the examples in an order drawn from stream `epoch` of the seed
/// (Fisher–Yates through ``SplitMix64``); the last batch may be smaller. With the same seed,
/// initial network and BLAS thread count, training is bit-for-bit reproducible.
public final class Trainer {
    /// The network being trained.
    public let network: Sequential
    /// Its optimiser.
    public let optimizer: Adam

    /// A trainer for `network` (with a fresh Adam at lr 0.001 unless given one).
    public init(network: Sequential, optimizer: Adam = Adam()) {
        self.network = network
        self.optimizer = optimizer
    }

    /// One cross-entropy step on a batch: forward, backward, Adam update.
    ///
    /// - Parameters:
    ///   - inputs: One row per example.
    ///   - labels: One label per row.
    /// - Returns: The batch's mean loss before the update.
    @discardableResult
    public func step(inputs: Matrix, labels: [Int]) -> Float {
        update(inputs) { SoftmaxCrossEntropy.evaluate(logits: $0, labels: labels) }
    }

    /// One distillation step on a batch: KL divergence to `targets`, backward, Adam update.
    ///
    /// - Parameters:
    ///   - inputs: One row per example.
    ///   - targets: One target distribution per row (e.g. ``KLDivergence/oneHot(_:classes:)``).
    /// - Returns: The batch's mean divergence before the update.
    @discardableResult
    public func distillationStep(inputs: Matrix, targets: Matrix) -> Float {
        update(inputs) { KLDivergence.evaluate(logits: $0, targets: targets) }
    }

    /// Forward, `loss` on the logits, backward, Adam update; the batch's loss before the update.
    private func update(_ inputs: Matrix, loss: (Matrix) -> LossAndGradient) -> Float {
        network.zeroGradients()
        let result = loss(network.forward(inputs, training: true))
        network.backward(result.gradient)
        optimizer.update(network)
        return result.loss
    }

    /// Trains with cross-entropy on `labels.count` examples stored row after row in `pixels`.
    ///
    /// - Parameters:
    ///   - pixels: `labels.count × features` values, example after example.
    ///   - labels: The labels (non-empty).
    ///   - epochs: The number of passes.
    ///   - batchSize: The examples per step (> 0).
    ///   - seed: The shuffling seed.
    /// - Returns: The mean batch loss of each epoch.
    /// - Complexity: O(epochs · cost of a forward and backward pass over the data).
    @discardableResult
    public func train(pixels: [Float], labels: [Int], epochs: Int, batchSize: Int, seed: UInt64) -> [Float] {
        let features = Self.features(pixels.count, labels.count)
        return Self.epochs(count: labels.count, epochs: epochs, batchSize: batchSize, seed: seed) { indices in
            step(inputs: Self.gather(pixels, features: features, rows: indices), labels: indices.map { labels[$0] })
        }
    }

    /// Trains with cross-entropy on a labelled image set (see ``train(pixels:labels:epochs:batchSize:seed:)``).
    @discardableResult
    public func train(on images: LabelledImages, epochs: Int, batchSize: Int, seed: UInt64) -> [Float] {
        train(pixels: images.pixels, labels: images.labels.map(Int.init), epochs: epochs, batchSize: batchSize, seed: seed)
    }

    /// Distils to target distributions (one row per example) with the KL divergence.
    ///
    /// - Parameters:
    ///   - pixels: `targets.rows × features` values, example after example.
    ///   - targets: One distribution per example, e.g. one-hot aggregated labels.
    ///   - epochs, batchSize, seed: As for ``train(pixels:labels:epochs:batchSize:seed:)``.
    /// - Returns: The mean batch divergence of each epoch.
    @discardableResult
    public func distill(pixels: [Float], targets: Matrix, epochs: Int, batchSize: Int, seed: UInt64) -> [Float] {
        let features = Self.features(pixels.count, targets.rows)
        return Self.epochs(count: targets.rows, epochs: epochs, batchSize: batchSize, seed: seed) { indices in
            distillationStep(inputs: Self.gather(pixels, features: features, rows: indices),
                             targets: Self.gather(targets.storage, features: targets.columns, rows: indices))
        }
    }

    /// Runs `body` on the shuffled batches of every epoch; returns each epoch's mean result.
    private static func epochs(count: Int, epochs: Int, batchSize: Int, seed: UInt64,
                               _ body: ([Int]) -> Float) -> [Float] {
        precondition(count > 0 && epochs >= 0 && batchSize > 0,
                     "train: \(count) examples, \(epochs) epochs, batch size \(batchSize)")
        return (0..<epochs).map { epoch in
            var generator = SplitMix64(seed: seed, stream: UInt64(epoch))
            var order = Array(0..<count)
            generator.shuffle(&order)
            var total = 0.0, batches = 0
            for start in stride(from: 0, to: count, by: batchSize) {
                total += Double(body(Array(order[start..<min(start + batchSize, count)])))
                batches += 1
            }
            return Float(total / Double(batches))
        }
    }

    /// The features per example, checking that `values` splits evenly into `count` examples.
    static func features(_ values: Int, _ count: Int) -> Int {
        precondition(count > 0 && values % count == 0, "\(values) values do not split into \(count) examples")
        return values / count
    }

    /// The batch made of rows `rows` of a row-major `? × features` array.
    static func gather(_ values: [Float], features: Int, rows: some Collection<Int>) -> Matrix {
        var storage: [Float] = []
        storage.reserveCapacity(rows.count * features)
        for row in rows { storage.append(contentsOf: values[row * features ..< (row + 1) * features]) }
        return Matrix(rows: rows.count, columns: features, storage: storage)
    }
}
