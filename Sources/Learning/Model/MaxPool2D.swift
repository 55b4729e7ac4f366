// Non-overlapping max pooling.

/// Max pooling over non-overlapping `size × size` windows of each channel (stride `size`);
/// trailing rows and columns that do not fill a window are dropped.
///
/// Ties go to the first maximum in row-major window order, and the gradient flows only to it.
/// Goals, in priority order: correctness, determinism (fixed scan order), speed (one pass).
public final class MaxPool2D: Layer {
    /// The shape of each input image.
    public let input: ImageShape
    /// The shape of each output image.
    public let output: ImageShape
    /// The window side (and stride).
    public let size: Int
    /// For each output value of the last training pass, the flat index of its input maximum.
    private var lastArgmax: [Int32] = []
    /// The batch size of the last training pass.
    private var lastCount = 0

    /// A pooling layer.
    ///
    /// - Parameters:
    ///   - input: The shape of each input image (height and width at least `size`).
    ///   - size: The window side and stride (> 0; default 2).
    public init(input: ImageShape, size: Int = 2) {
        precondition(size > 0 && input.height >= size && input.width >= size,
                     "MaxPool2D: window \(size) does not fit \(input)")
        self.input = input
        self.size = size
        output = ImageShape(channels: input.channels, height: input.height / size, width: input.width / size)
    }

    /// The window maxima of a batch `n × (C·H·W)`, as `n × (C·H'·W')`.
    ///
    /// - Complexity: O(n · C · H · W).
    public func forward(_ batch: Matrix, training: Bool) -> Matrix {
        precondition(batch.columns == input.count, "MaxPool2D expects \(input) = \(input.count) values, got \(batch.columns)")
        precondition(batch.rows * input.count <= Int(Int32.max), "MaxPool2D: batch too large")
        let (height, width, size) = (input.height, input.width, size)
        let (outHeight, outWidth) = (output.height, output.width)
        let planes = batch.rows * input.channels
        var result = Matrix(rows: batch.rows, columns: output.count)
        var argmax = [Int32](repeating: 0, count: planes * outHeight * outWidth)
        batch.storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                argmax.withUnsafeMutableBufferPointer { indices in
                    var out = 0
                    for plane in 0..<planes {
                        let base = plane * height * width
                        for y in 0..<outHeight {
                            for x in 0..<outWidth {
                                var best = base + y * size * width + x * size
                                for i in 0..<size {
                                    for j in 0..<size {
                                        let index = base + (y * size + i) * width + x * size + j
                                        if source[index] > source[best] { best = index }
                                    }
                                }
                                target[out] = source[best]
                                indices[out] = Int32(best)
                                out += 1
                            }
                        }
                    }
                }
            }
        }
        if training {
            lastArgmax = argmax
            lastCount = batch.rows
        } else {
            lastArgmax = []
        }
        return result
    }

    /// Routes each output gradient to the input position of its window's maximum.
    ///
    /// - Complexity: O(n · C · H · W).
    public func backward(_ gradOutput: Matrix) -> Matrix {
        precondition(!lastArgmax.isEmpty, "MaxPool2D.backward without a training forward")
        precondition(gradOutput.rows == lastCount && gradOutput.columns == output.count,
                     "MaxPool2D.backward: gradient is \(gradOutput.rows)x\(gradOutput.columns)")
        var gradInput = Matrix(rows: lastCount, columns: input.count)
        gradOutput.storage.withUnsafeBufferPointer { source in
            gradInput.storage.withUnsafeMutableBufferPointer { target in
                lastArgmax.withUnsafeBufferPointer { indices in
                    for index in indices.indices { target[Int(indices[index])] += source[index] }
                }
            }
        }
        return gradInput
    }
}
