// Non-overlapping max pooling.

/// Max pooling over non-overlapping `size × size` windows of each channel (stride `size`);
/// trailing rows and columns that do not fill a window are dropped.
///
/// Ties go to the first maximum in row-major window order, and the gradient flows only to it.
/// Goals, in priority order: correctness, determinism (fixed scan order, each image handled
/// by one shard), speed (one pass each way; the winner of each window is kept as a one-byte
/// offset, and the backward pass writes every input position exactly once instead of
/// zeroing and scattering).
public final class MaxPool2D: Layer, ShardableLayer {
    /// The shape of each input image.
    public let input: ImageShape
    /// The shape of each output image.
    public let output: ImageShape
    /// The window side (and stride).
    public let size: Int
    /// Per-shard caches and reusable outputs.
    private var shards: [Shard] = []

    /// What one shard keeps between its passes.
    private final class Shard {
        /// For each output value of the last training pass, the window offset `i·size + j` of its maximum.
        let winners = Scratch<UInt8>()
        /// The images of the last training pass (0: none).
        var trainingCount = 0
        /// The reusable output and input gradient.
        var output = Matrix.empty
        var gradInput = Matrix.empty
    }

    /// A pooling layer.
    ///
    /// - Parameters:
    ///   - input: The shape of each input image (height and width at least `size`).
    ///   - size: The window side and stride (> 0 and at most 16; default 2).
    public init(input: ImageShape, size: Int = 2) {
        precondition(size > 0 && size <= 16 && input.height >= size && input.width >= size,
                     "MaxPool2D: window \(size) does not fit \(input)")
        self.input = input
        self.size = size
        output = ImageShape(channels: input.channels, height: input.height / size, width: input.width / size)
    }

    /// The window maxima of a batch `n × (C·H·W)`, as `n × (C·H'·W')`.
    ///
    /// - Complexity: O(n · C · H · W).
    public func forward(_ batch: Matrix, training: Bool) -> Matrix {
        forwardWholeBatch(batch, training: training)
    }

    /// Routes each output gradient to the input position of its window's maximum.
    ///
    /// - Complexity: O(n · C · H · W).
    public func backward(_ gradOutput: Matrix) -> Matrix {
        backwardWholeBatch(gradOutput)
    }

    func prepareShards(_ count: Int) {
        while shards.count < count { shards.append(Shard()) }
    }

    func forward(_ batch: Matrix, training: Bool, shard index: Int) -> Matrix {
        precondition(batch.columns == input.count, "MaxPool2D expects \(input) = \(input.count) values, got \(batch.columns)")
        let state = shards[index]
        let (height, width, size) = (input.height, input.width, size)
        let (outHeight, outWidth) = (output.height, output.width)
        let planes = batch.rows * input.channels
        let winners = state.winners.reserve(planes * outHeight * outWidth)
        state.output.reshape(rows: batch.rows, columns: output.count)
        let windows = outHeight * outWidth
        batch.withBase { source in
            state.output.withMutableBase { target in
                for plane in 0..<planes {
                    let base = source + plane * height * width
                    if size == 2 {
                        Self.forwardPairs(base, width: width, outHeight: outHeight, outWidth: outWidth,
                                          into: target + plane * windows, winners: winners + plane * windows)
                        continue
                    }
                    var out = plane * windows
                    for y in 0..<outHeight {
                        let top = base + y * size * width
                        for x in 0..<outWidth {
                            let corner = top + x * size
                            var best = corner[0]
                            var offset: UInt8 = 0
                            for i in 0..<size {
                                for j in 0..<size where corner[i * width + j] > best {
                                    best = corner[i * width + j]
                                    offset = UInt8(i * size + j)
                                }
                            }
                            target[out] = best
                            winners[out] = offset
                            out += 1
                        }
                    }
                }
            }
        }
        state.trainingCount = training ? batch.rows : 0
        return state.output
    }

    func backward(_ gradOutput: Matrix, shard index: Int, needsInputGradient: Bool) -> Matrix? {
        let state = shards[index]
        let count = state.trainingCount
        precondition(count > 0, "MaxPool2D.backward without a training forward")
        precondition(gradOutput.rows == count && gradOutput.columns == output.count,
                     "MaxPool2D.backward: gradient is \(gradOutput.rows)x\(gradOutput.columns)")
        guard needsInputGradient else { return nil }
        let (height, width, size) = (input.height, input.width, size)
        let (outHeight, outWidth) = (output.height, output.width)
        let planes = count * input.channels
        let winners = UnsafePointer(state.winners.base)
        state.gradInput.reshape(rows: count, columns: input.count)
        gradOutput.withBase { source in
            state.gradInput.withMutableBase { target in
                if outHeight * size != height || outWidth * size != width {
                    target.update(repeating: 0, count: planes * height * width)  // the dropped edge
                }
                let windows = outHeight * outWidth
                for plane in 0..<planes {
                    let base = target + plane * height * width
                    if size == 2 {
                        Self.backwardPairs(source + plane * windows, winners: winners + plane * windows, width: width,
                                           outHeight: outHeight, outWidth: outWidth, into: base)
                        continue
                    }
                    var out = plane * windows
                    for y in 0..<outHeight {
                        let top = base + y * size * width
                        for x in 0..<outWidth {
                            let corner = top + x * size
                            let value = source[out], winner = Int(winners[out])
                            for i in 0..<size {
                                for j in 0..<size { corner[i * width + j] = i * size + j == winner ? value : 0 }
                            }
                            out += 1
                        }
                    }
                }
            }
        }
        return state.gradInput
    }
}
