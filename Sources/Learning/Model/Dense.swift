// Fully connected layer.

/// A fully connected layer, `y = x · W + b`.
///
/// `parameters` are `[W, b]`: `W` is `inputs × outputs`, `b` is `1 × outputs`.
///
/// Goals, in priority order: correctness (shapes checked, gradients accumulated exactly as
/// the contract of ``Layer`` says), determinism (every product is one ``gemm`` call per shard,
/// so results depend only on the inputs, the kernel and the shard and BLAS thread counts;
/// partial gradients are added in shard order), speed (no products in Swift loops, outputs
/// reused across batches).
public final class Dense: Layer, ShardableLayer {
    /// The number of input features.
    public let inputs: Int
    /// The number of output features.
    public let outputs: Int
    /// `[W, b]`.
    public var parameters: [Matrix]
    /// `[∂L/∂W, ∂L/∂b]`.
    public private(set) var gradients: [Matrix]
    /// Per-shard caches, reusable outputs and partial gradients.
    private var shards: [Shard] = []

    /// What one shard keeps between its passes.
    private final class Shard {
        /// The input of the last training forward pass.
        var lastInput: Matrix?
        /// The reusable output and input gradient.
        var output = Matrix.empty
        var gradInput = Matrix.empty
        /// ∂L/∂W and ∂L/∂b of this shard's rows, overwritten by each backward pass.
        var weightGradient: [Float]
        var biasGradient: [Float]

        init(inputs: Int, outputs: Int) {
            weightGradient = [Float](repeating: 0, count: inputs * outputs)
            biasGradient = [Float](repeating: 0, count: outputs)
        }
    }

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
        forwardWholeBatch(input, training: training)
    }

    /// Adds `xᵀ · g` to ∂L/∂W and the column sums of `g` to ∂L/∂b; returns `g · Wᵀ`.
    ///
    /// - Complexity: O(n · inputs · outputs).
    public func backward(_ gradOutput: Matrix) -> Matrix {
        backwardWholeBatch(gradOutput)
    }

    /// Zeroes `[∂L/∂W, ∂L/∂b]`.
    public func zeroGradients() {
        for index in gradients.indices { gradients[index].zero() }
    }

    func prepareShards(_ count: Int) {
        while shards.count < count { shards.append(Shard(inputs: inputs, outputs: outputs)) }
    }

    func forward(_ input: Matrix, training: Bool, shard index: Int) -> Matrix {
        precondition(input.columns == inputs, "Dense expects \(inputs) features, got \(input.columns)")
        let state = shards[index]
        let (rows, inputs, outputs) = (input.rows, self.inputs, self.outputs)
        state.lastInput = nil
        state.output.reshape(rows: rows, columns: outputs)
        parameters[1].withBase { bias in
            state.output.withMutableBase { target in
                for row in 0..<rows { (target + row * outputs).update(from: bias, count: outputs) }
                input.withBase { x in
                    parameters[0].withBase { weights in
                        _sgemm(m: rows, n: outputs, k: inputs, x, lda: inputs, weights, ldb: outputs,
                               beta: 1, target, ldc: outputs)
                    }
                }
            }
        }
        if training { state.lastInput = input }
        return state.output
    }

    func backward(_ gradOutput: Matrix, shard index: Int, needsInputGradient: Bool) -> Matrix? {
        let state = shards[index]
        guard let input = state.lastInput else { preconditionFailure("Dense.backward without a training forward") }
        precondition(gradOutput.rows == input.rows && gradOutput.columns == outputs,
                     "Dense.backward: gradient is \(gradOutput.rows)x\(gradOutput.columns)")
        let (rows, inputs, outputs) = (input.rows, self.inputs, self.outputs)
        gradOutput.withBase { g in
            input.withBase { x in
                state.weightGradient.withUnsafeMutableBufferPointer { weightGradient in
                    _sgemm(transposeA: true, m: inputs, n: outputs, k: rows, x, lda: inputs, g, ldb: outputs,
                           weightGradient.baseAddress!, ldc: outputs)
                }
            }
            state.biasGradient.withUnsafeMutableBufferPointer { biasGradient in
                biasGradient.update(repeating: 0)
                for row in 0..<rows {
                    let line = g + row * outputs
                    for k in 0..<outputs { biasGradient[k] += line[k] }
                }
            }
        }
        guard needsInputGradient else { return nil }
        state.gradInput.reshape(rows: rows, columns: inputs)
        gradOutput.withBase { g in
            parameters[0].withBase { weights in
                state.gradInput.withMutableBase { target in
                    _sgemm(transposeB: true, m: rows, n: inputs, k: outputs, g, lda: outputs, weights, ldb: outputs,
                           target, ldc: inputs)
                }
            }
        }
        return state.gradInput
    }

    func forgetInput(shard: Int) {
        if shard < shards.count { shards[shard].lastInput = nil }
    }

    func accumulateShardGradients(_ count: Int) {
        for shard in shards.prefix(count) {
            gradients[0].add(shard.weightGradient)
            gradients[1].add(shard.biasGradient)
        }
    }
}
