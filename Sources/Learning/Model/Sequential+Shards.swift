// Running the shards of a batch through a network concurrently.

extension Sequential {
    /// The forward pass of every shard (one matrix of rows each), concurrently; returns each
    /// shard's logits. Requires ``shardable``.
    ///
    /// - Complexity: that of the layers, divided among the shards.
    func forward(shards inputs: [Matrix], training: Bool) -> [Matrix] {
        guard let layers = shardable else { preconditionFailure("Sequential: a layer cannot run shards") }
        let count = inputs.count
        for layer in layers { layer.prepareShards(count) }
        var outputs = [Matrix](repeating: .empty, count: count)
        outputs.withUnsafeMutableBufferPointer { outputs in
            Parallel.run(count) { shard in
                for layer in layers { layer.forgetInput(shard: shard) }
                var value = inputs[shard]
                for layer in layers { value = layer.forward(value, training: training, shard: shard) }
                outputs[shard] = value
            }
        }
        if training { recordShards(inputs) }
        return outputs
    }

    /// The backward pass of every shard from its ∂L/∂logits, concurrently; then adds the
    /// shards' parameter gradients in shard order. Returns each shard's ∂L/∂input, or `nil`
    /// when `needsInputGradient` is false (the first layer then skips computing it).
    ///
    /// - Complexity: that of the layers, divided among the shards.
    func backward(shards gradients: [Matrix], needsInputGradient: Bool) -> [Matrix]? {
        guard let layers = shardable else { preconditionFailure("Sequential: a layer cannot run shards") }
        let count = gradients.count
        precondition(count == trainingShards.count, "Sequential.backward: \(count) shards after a forward of \(trainingShards.count)")
        var inputGradients = [Matrix](repeating: .empty, count: count)
        inputGradients.withUnsafeMutableBufferPointer { inputGradients in
            Parallel.run(count) { shard in
                var value = gradients[shard]
                for index in layers.indices.reversed() {
                    let needed = index > 0 || needsInputGradient
                    guard let next = layers[index].backward(value, shard: shard, needsInputGradient: needed) else { break }
                    value = next
                }
                if needsInputGradient { inputGradients[shard] = value }
            }
        }
        for layer in layers { layer.accumulateShardGradients(count) }
        return needsInputGradient ? inputGradients : nil
    }

    /// One training pass in a single parallel region: each shard runs forward, evaluates
    /// `loss(shard, logits)` (which returns the shard's summed loss and ∂L/∂logits, already
    /// scaled for the whole batch) and runs backward without the network's input gradient;
    /// then the shards' parameter gradients are added in shard order. Returns the shards'
    /// summed losses, added in shard order.
    ///
    /// `loss` runs on several threads at once, so it must only read shared state.
    ///
    /// - Complexity: that of the layers, divided among the shards.
    func trainingPass(shards inputs: [Matrix], loss: (Int, Matrix) -> (total: Double, gradient: Matrix)) -> Double {
        guard let layers = shardable else { preconditionFailure("Sequential: a layer cannot run shards") }
        let count = inputs.count
        for layer in layers { layer.prepareShards(count) }
        var totals = [Double](repeating: 0, count: count)
        totals.withUnsafeMutableBufferPointer { totals in
            Parallel.run(count) { shard in
                for layer in layers { layer.forgetInput(shard: shard) }
                var value = inputs[shard]
                for layer in layers { value = layer.forward(value, training: true, shard: shard) }
                let result = loss(shard, value)
                totals[shard] = result.total
                value = result.gradient
                for index in layers.indices.reversed() {
                    guard let next = layers[index].backward(value, shard: shard, needsInputGradient: index > 0)
                    else { break }
                    value = next
                }
            }
        }
        recordShards(inputs)
        for layer in layers { layer.accumulateShardGradients(count) }
        return totals.reduce(0, +)
    }

    /// Remembers the row ranges of the shards of a training pass, for ``backward(_:)``.
    private func recordShards(_ inputs: [Matrix]) {
        var start = 0
        trainingShards = inputs.map { part in
            defer { start += part.rows }
            return start ..< start + part.rows
        }
    }

    /// The shards of a batch of `rows` rows (see ``Parallel/range(of:rows:shards:)``).
    static func shardRanges(rows: Int) -> [Range<Int>] {
        let count = Parallel.shards(rows: rows)
        return (0..<count).map { Parallel.range(of: $0, rows: rows, shards: count) }
    }

    /// The rows `ranges` of `matrix`, one matrix each (`matrix` itself for a single range
    /// covering it).
    ///
    /// - Complexity: O(size of the ranges), O(1) for a single range covering `matrix`.
    static func split(_ matrix: Matrix, _ ranges: [Range<Int>]) -> [Matrix] {
        if ranges.count == 1 && ranges[0] == 0..<matrix.rows { return [matrix] }
        precondition(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= matrix.rows },
                     "Sequential: \(matrix.rows) rows for shards \(ranges)")
        let columns = matrix.columns
        return ranges.map { range in
            Matrix(rows: range.count, columns: columns,
                   storage: Array(matrix.storage[range.lowerBound * columns ..< range.upperBound * columns]))
        }
    }

    /// The rows of `parts`, one after the other (`parts[0]` itself when there is one).
    ///
    /// - Complexity: O(total size), O(1) for a single part.
    static func concatenate(_ parts: [Matrix]) -> Matrix {
        if parts.count == 1 { return parts[0] }
        let columns = parts[0].columns
        var storage: [Float] = []
        storage.reserveCapacity(parts.reduce(0) { $0 + $1.storage.count })
        for part in parts { storage.append(contentsOf: part.storage) }
        return Matrix(rows: parts.reduce(0) { $0 + $1.rows }, columns: columns, storage: storage)
    }
}
