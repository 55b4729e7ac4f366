// Fully connected layer.

/// A fully connected layer, `y = x · W + b`.
///
/// `parameters` are `[W, b]`: `W` is `inputs × outputs`, `b` is `1 × outputs`.
///
/// Goals, in priority order: correctness (shapes checked, gradients accumulated exactly as
/// the contract of ``Layer`` says), determinism (every product is one ``gemm`` call, so
/// results depend only on the inputs, the kernel and the BLAS thread count), speed (no
/// products in Swift loops).
public final class Dense: Layer {
    /// The number of input features.
    public let inputs: Int
    /// The number of output features.
    public let outputs: Int
    /// `[W, b]`.
    public var parameters: [Matrix]
    /// `[∂L/∂W, ∂L/∂b]`.
    public private(set) var gradients: [Matrix]
    /// The input of the last training forward pass.
    private var lastInput: Matrix?

    /// A layer with seeded weights and zero biases.
    ///
    /// - Parameters:
    ///   - inputs: The number of input features (> 0).
    ///   - outputs: The number of output features (> 0).
    ///   - initialisation: How the weights are drawn (``Initialisation/he`` before ReLU).
    ///   - seed: The seed of the weights.
    public init(inputs: Int, outputs: Int, initialisation: Initialisation = .he, seed: UInt64) {
        precondition(inputs > 0 && outputs > 0, "Dense needs positive sizes, got \(inputs)->\(outputs)")
        self.inputs = inputs
        self.outputs = outputs
        let weights = initialisation.weights(count: inputs * outputs, fanIn: inputs, fanOut: outputs, seed: seed)
        parameters = [Matrix(rows: inputs, columns: outputs, storage: weights),
                      Matrix(rows: 1, columns: outputs)]
        gradients = [Matrix(rows: inputs, columns: outputs), Matrix(rows: 1, columns: outputs)]
    }

    /// `x · W + b` for a batch `x` of shape `n × inputs`.
    ///
    /// - Complexity: O(n · inputs · outputs).
    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(input.columns == inputs, "Dense expects \(inputs) features, got \(input.columns)")
        let bias = parameters[1].storage
        var storage: [Float] = []
        storage.reserveCapacity(input.rows * outputs)
        for _ in 0..<input.rows { storage.append(contentsOf: bias) }
        var output = Matrix(rows: input.rows, columns: outputs, storage: storage)
        gemm(input, parameters[0], beta: 1, into: &output)
        lastInput = training ? input : nil
        return output
    }

    /// Adds `xᵀ · g` to ∂L/∂W and the column sums of `g` to ∂L/∂b; returns `g · Wᵀ`.
    ///
    /// - Complexity: O(n · inputs · outputs).
    public func backward(_ gradOutput: Matrix) -> Matrix {
        guard let input = lastInput else { preconditionFailure("Dense.backward without a training forward") }
        precondition(gradOutput.rows == input.rows && gradOutput.columns == outputs,
                     "Dense.backward: gradient is \(gradOutput.rows)x\(gradOutput.columns)")
        gemm(input, transposeA: true, gradOutput, beta: 1, into: &gradients[0])
        gemm(Matrix.ones(gradOutput.rows), gradOutput, beta: 1, into: &gradients[1])
        var gradInput = Matrix(rows: gradOutput.rows, columns: inputs)
        gemm(gradOutput, parameters[0], transposeB: true, into: &gradInput)
        return gradInput
    }

    /// Zeroes `[∂L/∂W, ∂L/∂b]`.
    public func zeroGradients() {
        for index in gradients.indices { gradients[index].zero() }
    }
}
