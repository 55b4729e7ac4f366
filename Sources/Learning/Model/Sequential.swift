// A network as a chain of layers.

/// A feed-forward network: layers applied one after the other.
///
/// Not `Sendable` (its layers hold mutable caches): one network belongs to one task at a time.
public final class Sequential {
    /// The layers, input first.
    public let layers: [any Layer]

    /// A network of `layers`, applied in order.
    public init(_ layers: [any Layer]) {
        self.layers = layers
    }

    /// The logits for a batch, caching what ``backward(_:)`` needs when `training`.
    ///
    /// - Parameters:
    ///   - input: One row per example (images NCHW-flattened).
    ///   - training: Whether a backward pass follows.
    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        layers.reduce(input) { $1.forward($0, training: training) }
    }

    /// Back-propagates ∂L/∂logits, accumulating every layer's parameter gradients; returns
    /// ∂L/∂input.
    @discardableResult
    public func backward(_ gradOutput: Matrix) -> Matrix {
        layers.reversed().reduce(gradOutput) { $1.backward($0) }
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
