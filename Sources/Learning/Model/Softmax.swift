// Row-wise softmax and log-softmax.
internal import Foundation

/// Numerically stable softmax over each row of a logits matrix.
///
/// Goals, in priority order: correctness (no overflow or NaN for any finite logits: each row is
/// shifted by its maximum before `exp`, i.e. log-sum-exp), determinism (fixed summation order),
/// speed (one pass per row).
public enum Softmax {
    /// `log p_ik = z_ik − max_j z_ij − log Σ_j exp(z_ij − max_j z_ij)`, row by row.
    ///
    /// - Parameter logits: An `n × classes` matrix of finite logits.
    /// - Complexity: O(n · classes).
    public static func logProbabilities(_ logits: Matrix) -> Matrix {
        var result = logits
        let classes = logits.columns
        guard classes > 0 else { return result }
        result.storage.withUnsafeMutableBufferPointer { values in
            for row in 0..<logits.rows {
                let base = row * classes
                var top = values[base]
                for k in 1..<classes { top = max(top, values[base + k]) }
                var total: Float = 0
                for k in 0..<classes { total += Foundation.exp(values[base + k] - top) }
                let shift = top + Foundation.log(total)
                for k in 0..<classes { values[base + k] -= shift }
            }
        }
        return result
    }

    /// The softmax probabilities, each row summing to 1 (up to rounding).
    ///
    /// - Parameter logits: An `n × classes` matrix of finite logits.
    /// - Complexity: O(n · classes).
    public static func probabilities(_ logits: Matrix) -> Matrix {
        var result = logProbabilities(logits)
        result.storage.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = Foundation.exp(values[index]) }
        }
        return result
    }
}

extension Softmax {
    /// `e^x` (Foundation's, kept behind one name so the losses need no Foundation import).
    package static func _exp(_ x: Float) -> Float { Foundation.exp(x) }
    /// `ln x`.
    package static func _log(_ x: Float) -> Float { Foundation.log(x) }
}
