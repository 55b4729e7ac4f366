// The distillation objective: Kullback-Leibler divergence to target distributions.

/// Kullback-Leibler divergence from the model's softmax to target distributions, the
/// distillation objective towards aggregated labels (Witt et al. §2.2 and §5).
///
/// ```
/// L = (1/n) Σ_i Σ_k t_ik (log t_ik − log softmax(z_i)_k),   ∂L/∂z_ik = (p_ik Σ_j t_ij − t_ik) / n
/// ```
/// with `0 · log 0 = 0`, so one-hot targets give the cross-entropy. Goals as for
/// ``SoftmaxCrossEntropy``.
public enum KLDivergence {
    /// The mean divergence over the batch and its gradient.
    ///
    /// - Parameters:
    ///   - logits: `n × classes` (n > 0).
    ///   - targets: `n × classes` non-negative rows, each normally summing to 1 (one-hot or soft).
    /// - Complexity: O(n · classes).
    public static func evaluate(logits: Matrix, targets: Matrix) -> LossAndGradient {
        precondition(logits.rows == targets.rows && logits.columns == targets.columns && logits.rows > 0,
                     "KLDivergence: logits \(logits.rows)x\(logits.columns), targets \(targets.rows)x\(targets.columns)")
        let result = evaluate(logits: logits, targets: targets, scale: 1 / Float(logits.rows))
        return LossAndGradient(loss: Float(result.total / Double(logits.rows)), gradient: result.gradient)
    }

    /// The summed (not averaged) divergence of some rows and their gradient scaled by
    /// `scale` (`1/n` for rows of a batch of `n`), for one shard of a batch.
    ///
    /// - Complexity: O(rows · classes).
    static func evaluate(logits: Matrix, targets: Matrix, scale: Float) -> (total: Double, gradient: Matrix) {
        precondition(logits.rows == targets.rows && logits.columns == targets.columns,
                     "KLDivergence: logits \(logits.rows)x\(logits.columns), targets \(targets.rows)x\(targets.columns)")
        let classes = logits.columns
        var gradient = Softmax.logProbabilities(logits)
        var total = 0.0
        gradient.storage.withUnsafeMutableBufferPointer { values in
            targets.storage.withUnsafeBufferPointer { target in
                for row in 0..<logits.rows {
                    let base = row * classes
                    var mass: Float = 0
                    for k in 0..<classes {
                        let t = target[base + k]
                        precondition(t >= 0, "KLDivergence: negative target \(t)")
                        mass += t
                        if t > 0 { total += Double(t) * (Double(Softmax._log(t)) - Double(values[base + k])) }
                    }
                    for k in 0..<classes {
                        values[base + k] = (Softmax._exp(values[base + k]) * mass - target[base + k]) * scale
                    }
                }
            }
        }
        return (total, gradient)
    }

    /// One-hot target rows for aggregated labels (e.g. the consensus labels Y_pub^aggr).
    ///
    /// - Parameters:
    ///   - labels: One label per row, each in `0 ..< classes`.
    ///   - classes: The number of classes (> 0).
    /// - Complexity: O(labels.count · classes).
    public static func oneHot(_ labels: [Int], classes: Int) -> Matrix {
        precondition(classes > 0, "oneHot: classes must be positive")
        var result = Matrix(rows: labels.count, columns: classes)
        for (row, label) in labels.enumerated() {
            precondition((0..<classes).contains(label), "oneHot: label \(label) outside 0..<\(classes)")
            result.storage[row * classes + label] = 1
        }
        return result
    }
}
