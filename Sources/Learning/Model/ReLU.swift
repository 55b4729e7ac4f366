// Rectified linear unit.

/// The elementwise rectifier `max(0, x)`; its derivative is taken as 0 at 0.
///
/// Goals, in priority order: correctness (NaN maps to 0, like every non-positive input),
/// determinism (elementwise), speed (one vectorisable pass into storage reused across batches).
public final class ReLU: Layer, ShardableLayer {
    /// Per-shard caches and reusable outputs.
    private var shards: [Shard] = []

    /// What one shard keeps between its passes.
    private final class Shard {
        /// The output of the last forward pass (positive exactly where the gradient flows).
        var output = Matrix.empty
        /// Whether `output` comes from a training pass.
        var trained = false
        /// The reusable input gradient.
        var gradInput = Matrix.empty
    }

    /// A rectifier (no parameters).
    public init() {}

    /// `max(0, x)` elementwise.
    ///
    /// - Complexity: O(n) in the number of elements.
    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        forwardWholeBatch(input, training: training)
    }

    /// `g` where the output was positive, 0 elsewhere.
    ///
    /// - Complexity: O(n) in the number of elements.
    public func backward(_ gradOutput: Matrix) -> Matrix {
        backwardWholeBatch(gradOutput)
    }

    func prepareShards(_ count: Int) {
        while shards.count < count { shards.append(Shard()) }
    }

    func forward(_ input: Matrix, training: Bool, shard index: Int) -> Matrix {
        let state = shards[index]
        state.output.reshape(rows: input.rows, columns: input.columns)
        let count = input.storage.count
        input.withBase { source in
            state.output.withMutableBase { Elementwise.rectify(source, $0, count: count) }
        }
        state.trained = training
        return state.output
    }

    func backward(_ gradOutput: Matrix, shard index: Int, needsInputGradient: Bool) -> Matrix? {
        let state = shards[index]
        precondition(state.trained, "ReLU.backward without a training forward")
        precondition(gradOutput.rows == state.output.rows && gradOutput.columns == state.output.columns,
                     "ReLU.backward: gradient shape differs from the output's")
        guard needsInputGradient else { return nil }
        state.gradInput.reshape(rows: gradOutput.rows, columns: gradOutput.columns)
        let count = gradOutput.storage.count
        gradOutput.withBase { source in
            state.output.withBase { mask in
                state.gradInput.withMutableBase { Elementwise.masked(source, by: mask, $0, count: count) }
            }
        }
        return state.gradInput
    }
}
