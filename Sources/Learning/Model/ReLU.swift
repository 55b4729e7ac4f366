// Rectified linear unit.

/// The elementwise rectifier `max(0, x)`; its derivative is taken as 0 at 0.
public final class ReLU: Layer {
    /// The output of the last training forward pass (positive exactly where the gradient flows).
    private var lastOutput: Matrix?

    /// A rectifier (no parameters).
    public init() {}

    /// `max(0, x)` elementwise.
    ///
    /// - Complexity: O(n) in the number of elements.
    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        var output = input
        output.storage.withUnsafeMutableBufferPointer { values in
            for index in values.indices where !(values[index] > 0) { values[index] = 0 }
        }
        lastOutput = training ? output : nil
        return output
    }

    /// `g` where the output was positive, 0 elsewhere.
    ///
    /// - Complexity: O(n) in the number of elements.
    public func backward(_ gradOutput: Matrix) -> Matrix {
        guard let output = lastOutput else { preconditionFailure("ReLU.backward without a training forward") }
        precondition(gradOutput.rows == output.rows && gradOutput.columns == output.columns,
                     "ReLU.backward: gradient shape differs from the output's")
        var gradInput = gradOutput
        output.storage.withUnsafeBufferPointer { mask in
            gradInput.storage.withUnsafeMutableBufferPointer { values in
                for index in values.indices where !(mask[index] > 0) { values[index] = 0 }
            }
        }
        return gradInput
    }
}
