// Batched prediction and accuracy.

extension Sequential {
    /// The class probabilities of `count` examples stored row after row, in batches.
    ///
    /// - Parameters:
    ///   - pixels: Example after example (a whole number of examples).
    ///   - count: The number of examples (> 0).
    ///   - batchSize: The examples per forward pass (> 0).
    /// - Returns: `count × classes` probabilities.
    public func predict(pixels: [Float], count: Int, batchSize: Int = 256) -> Matrix {
        precondition(batchSize > 0, "predict: batch size must be positive")
        let features = Trainer.features(pixels.count, count)
        var storage: [Float] = []
        var classes = 0
        for start in stride(from: 0, to: count, by: batchSize) {
            let probabilities = predict(Trainer.gather(pixels, features: features, rows: start..<min(start + batchSize, count)))
            classes = probabilities.columns
            storage.append(contentsOf: probabilities.storage)
        }
        return Matrix(rows: count, columns: classes, storage: storage)
    }

    /// The fraction of examples whose most probable class (first on ties) is their label.
    ///
    /// - Parameters:
    ///   - pixels: Example after example.
    ///   - labels: One label per example (non-empty).
    ///   - batchSize: The examples per forward pass.
    public func accuracy(pixels: [Float], labels: [Int], batchSize: Int = 256) -> Double {
        let probabilities = predict(pixels: pixels, count: labels.count, batchSize: batchSize)
        var correct = 0
        for (row, label) in labels.enumerated() {
            let base = row * probabilities.columns
            var best = 0
            for k in 1..<probabilities.columns where probabilities.storage[base + k] > probabilities.storage[base + best] {
                best = k
            }
            if best == label { correct += 1 }
        }
        return Double(correct) / Double(labels.count)
    }

    /// The accuracy on a labelled image set (see ``accuracy(pixels:labels:batchSize:)``).
    public func accuracy(on images: LabelledImages, batchSize: Int = 256) -> Double {
        accuracy(pixels: images.pixels, labels: images.labels.map(Int.init), batchSize: batchSize)
    }
}
