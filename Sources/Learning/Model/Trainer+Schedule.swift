// The epochs and batches of training, and how their progress is reported.
import Mechanisms

/// Where training stands, reported after every batch.
public struct TrainingProgress: Sendable, Hashable {
    /// The current epoch, from 0.
    public let epoch: Int
    /// The number of epochs asked for.
    public let epochs: Int
    /// The batches completed in the current epoch (1 after its first batch, `batches` after its last).
    public let batch: Int
    /// The number of batches per epoch.
    public let batches: Int

    /// A progress report.
    public init(epoch: Int, epochs: Int, batch: Int, batches: Int) {
        self.epoch = epoch
        self.epochs = epochs
        self.batch = batch
        self.batches = batches
    }
}

extension Trainer {
    /// The shuffled batches of every epoch.
    struct Schedule {
        let count: Int, epochs: Int, batchSize: Int, seed: UInt64

        init(count: Int, epochs: Int, batchSize: Int, seed: UInt64) {
            precondition(count > 0 && epochs >= 0 && batchSize > 0,
                         "train: \(count) examples, \(epochs) epochs, batch size \(batchSize)")
            (self.count, self.epochs, self.batchSize, self.seed) = (count, epochs, batchSize, seed)
        }

        /// Runs `body` on the example indices of each batch, epoch after epoch, reporting
        /// `progress` after every batch and asking `shouldContinue` after every epoch; returns
        /// each completed epoch's mean result.
        ///
        /// - Complexity: O(epochs · count) besides `body`.
        func run(progress: ((TrainingProgress) -> Void)?, shouldContinue: ((Int) -> Bool)?,
                 _ body: (ArraySlice<Int>) -> Float) -> [Float] {
            let batches = (count + batchSize - 1) / batchSize
            var results: [Float] = []
            for epoch in 0..<epochs {
                var generator = SplitMix64(seed: seed, stream: UInt64(epoch))
                var order = Array(0..<count)
                generator.shuffle(&order)
                var total = 0.0
                for batch in 0..<batches {
                    let start = batch * batchSize
                    total += Double(body(order[start ..< min(start + batchSize, count)]))
                    progress?(TrainingProgress(epoch: epoch, epochs: epochs, batch: batch + 1, batches: batches))
                }
                results.append(Float(total / Double(batches)))
                if let shouldContinue, !shouldContinue(epoch + 1) { break }
            }
            return results
        }
    }

    /// The features per example, checking that `values` splits evenly into `count` examples.
    static func features(_ values: Int, _ count: Int) -> Int {
        precondition(count > 0 && values % count == 0, "\(values) values do not split into \(count) examples")
        return values / count
    }

    /// The batch made of rows `rows` of a row-major `? × features` array.
    ///
    /// - Complexity: O(rows.count · features).
    static func gather(_ values: [Float], features: Int, rows: some Collection<Int>) -> Matrix {
        var storage = [Float](repeating: 0, count: rows.count * features)
        guard features > 0 else { return Matrix(rows: rows.count, columns: 0, storage: []) }
        values.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBufferPointer { target in
                for (position, row) in rows.enumerated() {
                    precondition(row >= 0 && (row + 1) * features <= source.count, "gather: row \(row) out of range")
                    (target.baseAddress! + position * features)
                        .update(from: source.baseAddress! + row * features, count: features)
                }
            }
        }
        return Matrix(rows: rows.count, columns: features, storage: storage)
    }

    /// The batch made of rows `rows`, already split into the shards `ranges`.
    static func shards(_ values: [Float], features: Int, rows: ArraySlice<Int>, _ ranges: [Range<Int>]) -> [Matrix] {
        ranges.map { range in
            gather(values, features: features, rows: rows[(rows.startIndex + range.lowerBound) ..< (rows.startIndex + range.upperBound)])
        }
    }
}
