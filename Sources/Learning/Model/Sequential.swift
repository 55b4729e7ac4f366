// A network as a chain of layers.

/// A feed-forward network: layers applied one after the other.
///
/// When every layer is one of this module's (``Conv2D``, ``Dense``, ``MaxPool2D``, ``ReLU``,
/// ``Flatten``), a batch is split into ``BLAS/threads`` contiguous shards that run through the
/// whole network concurrently, each with its own caches; parameter gradients are added in
/// shard order, so results are bit-identical for the same thread count (see ``Parallel``).
///
/// Not `Sendable` (its layers hold mutable caches): one network belongs to one task at a time.
public final class Sequential {
    /// The layers, input first.
    public let layers: [any Layer]
    /// The layers in the order the shards run them when all of them can run shards, else
    /// `nil` (one layer at a time): as given, except that a ``ReLU`` directly followed by a
    /// ``MaxPool2D`` runs after it (`max` commutes with the rectifier, so values and gradients
    /// are the same, and the rectifier touches a quarter of the values).
    let shardable: [any ShardableLayer]?
    /// The row ranges of the shards of the last training forward pass.
    var trainingShards: [Range<Int>] = []

    /// A network of `layers`, applied in order.
    public init(_ layers: [any Layer]) {
        self.layers = layers
        var shardable = layers.compactMap { $0 as? any ShardableLayer }
        for index in shardable.indices.dropLast() where shardable[index] is ReLU && shardable[index + 1] is MaxPool2D {
            shardable.swapAt(index, index + 1)
        }
        self.shardable = shardable.count == layers.count ? shardable : nil
    }

    /// The logits for a batch, caching what ``backward(_:)`` needs when `training`.
    ///
    /// - Parameters:
    ///   - input: One row per example (images NCHW-flattened).
    ///   - training: Whether a backward pass follows.
    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        guard shardable != nil else { return layers.reduce(input) { $1.forward($0, training: training) } }
        let ranges = Self.shardRanges(rows: input.rows)
        return Self.concatenate(forward(shards: Self.split(input, ranges), training: training))
    }

    /// Back-propagates ∂L/∂logits, accumulating every layer's parameter gradients; returns
    /// ∂L/∂input.
    @discardableResult
    public func backward(_ gradOutput: Matrix) -> Matrix {
        guard shardable != nil else { return layers.reversed().reduce(gradOutput) { $1.backward($0) } }
        let parts = backward(shards: Self.split(gradOutput, trainingShards), needsInputGradient: true)
        return Self.concatenate(parts!)
    }

    /// Zeroes every layer's gradients.
    public func zeroGradients() {
        for layer in layers { layer.zeroGradients() }
    }

    /// The total number of trainable scalars.
    public var parameterCount: Int {
        layers.reduce(0) { total, layer in total + layer.parameters.reduce(0) { $0 + $1.storage.count } }
    }

    /// Every parameter, layer after layer, in `parameters` order (for digests and comparisons).
    public var flatParameters: [Float] {
        layers.flatMap { $0.parameters.flatMap(\.storage) }
    }

    /// Every accumulated gradient, in the order of ``flatParameters``.
    public var flatGradients: [Float] {
        layers.flatMap { $0.gradients.flatMap(\.storage) }
    }

    /// The class probabilities (softmax of the logits) for a batch, without caching.
    ///
    /// - Parameter input: One row per example.
    /// - Returns: `n × classes`, each row summing to 1 (up to rounding).
    public func predict(_ input: Matrix) -> Matrix {
        Softmax.probabilities(forward(input, training: false))
    }
}
