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
        precondition(inputs.rows == labels.count && inputs.rows > 0, "step: \(inputs.rows) rows for \(labels.count) labels")
        let ranges = Sequential.shardRanges(rows: inputs.rows)
        let scale = 1 / Float(inputs.rows)
        return update(shards: Sequential.split(inputs, ranges), ranges: ranges) { range, logits in
            SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels[range], scale: scale)
        }
    }

    /// One distillation step on a batch: KL divergence to `targets`, backward, Adam update.
    ///
    /// - Parameters:
    ///   - inputs: One row per example.
    ///   - targets: One target distribution per row (e.g. ``KLDivergence/oneHot(_:classes:)``).
    /// - Returns: The batch's mean divergence before the update.
    @discardableResult
    public func distillationStep(inputs: Matrix, targets: Matrix) -> Float {
        precondition(inputs.rows == targets.rows && inputs.rows > 0,
                     "distillationStep: \(inputs.rows) rows for \(targets.rows) targets")
        let ranges = Sequential.shardRanges(rows: inputs.rows)
        let scale = 1 / Float(inputs.rows)
        return update(shards: Sequential.split(inputs, ranges), ranges: ranges) { range, logits in
            KLDivergence.evaluate(logits: logits, targets: Sequential.split(targets, [range])[0], scale: scale)
        }
    }

    /// Forward, loss, backward and an Adam update for a batch given as its shards (the rows
    /// `ranges` of the batch, see ``Sequential/shardRanges(rows:)``); `loss(range, logits)`
    /// gives the summed loss of those rows and their gradient scaled by 1/n. Returns the
    /// batch's mean loss before the update.
    private func update(shards inputs: [Matrix], ranges: [Range<Int>],
                        loss: (Range<Int>, Matrix) -> (total: Double, gradient: Matrix)) -> Float {
        network.zeroGradients()
        let rows = ranges.last!.upperBound
        let total: Double
        if network.shardable != nil {
            // One parallel region: each shard's loss only needs its own logits.
            total = network.trainingPass(shards: inputs) { shard, logits in loss(ranges[shard], logits) }
        } else {
            let result = loss(0..<rows, network.forward(Sequential.concatenate(inputs), training: true))
            network.backward(result.gradient)
            total = result.total
        }
        optimizer.update(network)
        return Float(total / Double(rows))
    }

    /// Trains with cross-entropy on `labels.count` examples stored row after row in `pixels`.
    ///
    /// - Parameters:
    ///   - pixels: `labels.count × features` values, example after example.
    ///   - labels: The labels (non-empty).
    ///   - epochs: The number of passes.
    ///   - batchSize: The examples per step (> 0).
    ///   - seed: The shuffling seed.
    ///   - progress: Called after every batch (see ``TrainingProgress``).
    ///   - shouldContinue: Called after each epoch with the number of epochs completed;
    ///     returning `false` stops training there (e.g. at a target training accuracy).
    /// - Returns: The mean batch loss of each completed epoch.
    /// - Complexity: O(epochs · cost of a forward and backward pass over the data).
    @discardableResult
    public func train(pixels: [Float], labels: [Int], epochs: Int, batchSize: Int, seed: UInt64,
                      progress: ((TrainingProgress) -> Void)? = nil,
                      shouldContinue: ((_ completedEpochs: Int) -> Bool)? = nil) -> [Float] {
        let features = Self.features(pixels.count, labels.count)
        let schedule = Schedule(count: labels.count, epochs: epochs, batchSize: batchSize, seed: seed)
        return schedule.run(progress: progress, shouldContinue: shouldContinue) { indices in
            let ranges = Sequential.shardRanges(rows: indices.count)
            let batchLabels = indices.map { labels[$0] }, scale = 1 / Float(indices.count)
            return update(shards: Self.shards(pixels, features: features, rows: indices, ranges), ranges: ranges) {
                SoftmaxCrossEntropy.evaluate(logits: $1, labels: batchLabels[$0], scale: scale)
            }
        }
    }

    /// Trains with cross-entropy on a labelled image set (see
    /// ``train(pixels:labels:epochs:batchSize:seed:progress:shouldContinue:)``).
    @discardableResult
    public func train(on images: LabelledImages, epochs: Int, batchSize: Int, seed: UInt64,
                      progress: ((TrainingProgress) -> Void)? = nil,
                      shouldContinue: ((_ completedEpochs: Int) -> Bool)? = nil) -> [Float] {
        train(pixels: images.pixels, labels: images.labels.map(Int.init), epochs: epochs, batchSize: batchSize,
              seed: seed, progress: progress, shouldContinue: shouldContinue)
    }

    /// Distils to target distributions (one row per example) with the KL divergence.
    ///
    /// - Parameters:
    ///   - pixels: `targets.rows × features` values, example after example.
    ///   - targets: One distribution per example, e.g. one-hot aggregated labels.
    ///   - epochs, batchSize, seed, progress, shouldContinue: As for
    ///     ``train(pixels:labels:epochs:batchSize:seed:progress:shouldContinue:)``.
    /// - Returns: The mean batch divergence of each completed epoch.
    @discardableResult
    public func distill(pixels: [Float], targets: Matrix, epochs: Int, batchSize: Int, seed: UInt64,
                        progress: ((TrainingProgress) -> Void)? = nil,
                        shouldContinue: ((_ completedEpochs: Int) -> Bool)? = nil) -> [Float] {
        let features = Self.features(pixels.count, targets.rows)
        let schedule = Schedule(count: targets.rows, epochs: epochs, batchSize: batchSize, seed: seed)
        return schedule.run(progress: progress, shouldContinue: shouldContinue) { indices in
            let ranges = Sequential.shardRanges(rows: indices.count)
            let batchTargets = Self.shards(targets.storage, features: targets.columns, rows: indices, ranges)
            let scale = 1 / Float(indices.count)
            return update(shards: Self.shards(pixels, features: features, rows: indices, ranges), ranges: ranges) {
                KLDivergence.evaluate(logits: $1, targets: batchTargets[ranges.firstIndex(of: $0)!], scale: scale)
            }
        }
    }
}
