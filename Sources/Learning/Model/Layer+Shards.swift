// The internal protocol that lets a network run the shards of a batch on separate threads.

/// A layer whose passes can run on a shard of the batch (a contiguous block of its rows),
/// with separate caches and partial parameter gradients per shard, so that ``Sequential`` can
/// run the shards concurrently (see ``Parallel``).
///
/// Contract, for `shard` in `0 ..< count` after `prepareShards(count)`:
/// - `forward(_:training:shard:)` touches only that shard's state (and reads the parameters);
/// - `backward(_:shard:needsInputGradient:)` *overwrites* the shard's partial parameter
///   gradients and returns ∂L/∂input of the shard's rows, or `nil` when not asked for it;
/// - `accumulateShardGradients(_:)` adds the partials of shards `0 ..< count` to `gradients`,
///   in shard order, on the calling thread;
/// - `forgetInput(shard:)` may be called between a backward pass and the next forward pass.
///
/// The public ``Layer`` methods of a conforming layer are the one-shard case.
protocol ShardableLayer: Layer {
    /// Makes sure the layer has state for at least `count` shards (before a parallel region).
    func prepareShards(_ count: Int)
    /// The forward pass of one shard.
    func forward(_ input: Matrix, training: Bool, shard: Int) -> Matrix
    /// The backward pass of one shard.
    func backward(_ gradOutput: Matrix, shard: Int, needsInputGradient: Bool) -> Matrix?
    /// Adds the shards' partial parameter gradients to `gradients`, in shard order.
    func accumulateShardGradients(_ count: Int)
    /// Drops the shard's reference to the input of its last pass (called before the next
    /// forward pass of the network, so that the layer before can overwrite its reusable
    /// output in place instead of copying it).
    func forgetInput(shard: Int)
}

extension ShardableLayer {
    /// Keeps no input (layers that only cache what they compute).
    func forgetInput(shard: Int) {}

    /// No partial gradients (parameterless layers).
    func accumulateShardGradients(_ count: Int) {}

    /// The public ``Layer/forward(_:training:)`` of a conforming layer: the one-shard case.
    func forwardWholeBatch(_ input: Matrix, training: Bool) -> Matrix {
        prepareShards(1)
        return forward(input, training: training, shard: 0)
    }

    /// The public ``Layer/backward(_:)`` of a conforming layer: the one-shard case, with the
    /// shard's partial parameter gradients added to `gradients`.
    func backwardWholeBatch(_ gradOutput: Matrix) -> Matrix {
        prepareShards(1)
        let gradInput = backward(gradOutput, shard: 0, needsInputGradient: true)!
        accumulateShardGradients(1)
        return gradInput
    }
}

extension Matrix {
    /// Adds `values` (one per element, in storage order) to the elements in place; layers
    /// call it once per shard, in shard order, so the sum's order is fixed.
    ///
    /// - Complexity: O(rows · columns).
    mutating func add(_ values: [Float]) {
        precondition(values.count == storage.count, "add: \(values.count) values for \(storage.count) elements")
        withMutableBase { target in
            values.withUnsafeBufferPointer { source in
                for index in source.indices { target[index] += source[index] }
            }
        }
    }
}
