// The local-training objective: softmax cross-entropy.

/// A batch loss and its gradient with respect to the logits.
public struct LossAndGradient: Sendable {
    /// The loss, averaged over the batch.
    public let loss: Float
    /// ∂loss/∂logits, of the logits' shape.
    public let gradient: Matrix
}

/// Softmax cross-entropy with integer labels, the local-training objective (Witt et al. §5).
///
/// ```
/// L = −(1/n) Σ_i log softmax(z_i)[y_i],   ∂L/∂z_i = (softmax(z_i) − onehot(y_i)) / n
/// ```
/// Goals, in priority order: correctness (log-sum-exp, so no overflow; the loss is summed in
/// `Double`), determinism (fixed order), speed (one pass).
public enum SoftmaxCrossEntropy {
    /// The mean loss over the batch and its gradient.
    ///
    /// - Parameters:
    ///   - logits: `n × classes` (n > 0).
    ///   - labels: `n` labels, each in `0 ..< classes`.
    /// - Complexity: O(n · classes).
    public static func evaluate(logits: Matrix, labels: [Int]) -> LossAndGradient {
        precondition(logits.rows == labels.count && logits.rows > 0,
                     "SoftmaxCrossEntropy: \(logits.rows) rows for \(labels.count) labels")
        let result = evaluate(logits: logits, labels: labels[...], scale: 1 / Float(logits.rows))
        return LossAndGradient(loss: Float(result.total / Double(logits.rows)), gradient: result.gradient)
    }

    /// The summed (not averaged) loss of some rows and their gradient scaled by `scale`
    /// (`1/n` for rows of a batch of `n`), for one shard of a batch.
    ///
    /// - Complexity: O(rows · classes).
    static func evaluate(logits: Matrix, labels: ArraySlice<Int>, scale: Float) -> (total: Double, gradient: Matrix) {
        precondition(logits.rows == labels.count, "SoftmaxCrossEntropy: \(logits.rows) rows for \(labels.count) labels")
        let classes = logits.columns
        var gradient = Softmax.logProbabilities(logits)
        var total = 0.0
        for (row, label) in zip(0..., labels) {
            precondition((0..<classes).contains(label), "SoftmaxCrossEntropy: label \(label) outside 0..<\(classes)")
            total -= Double(gradient.storage[row * classes + label])
        }
        gradient.storage.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = Softmax._exp(values[index]) * scale }
            for (row, label) in zip(0..., labels) { values[row * classes + label] -= scale }
        }
        return (total, gradient)
    }
}
