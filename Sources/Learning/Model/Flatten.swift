// Images to feature vectors.

/// Flattens images to feature vectors: the identity, since batches are already stored as one
/// NCHW-flattened row per image; kept as a layer so that architectures read as they are drawn.
public final class Flatten: Layer, ShardableLayer {
    /// A flattening layer (no parameters).
    public init() {}

    /// The input unchanged.
    public func forward(_ input: Matrix, training: Bool) -> Matrix { input }

    /// The gradient unchanged.
    public func backward(_ gradOutput: Matrix) -> Matrix { gradOutput }

    func prepareShards(_ count: Int) {}

    func forward(_ input: Matrix, training: Bool, shard: Int) -> Matrix { input }

    func backward(_ gradOutput: Matrix, shard: Int, needsInputGradient: Bool) -> Matrix? {
        needsInputGradient ? gradOutput : nil
    }
}
