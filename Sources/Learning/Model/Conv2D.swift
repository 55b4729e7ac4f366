// Two-dimensional convolution through im2col and gemm.

/// A 2-D convolution (cross-correlation, as in every deep-learning library) with square
/// kernels, zero padding and a stride, on NCHW batches.
///
/// `parameters` are `[W, b]`: `W` is `filters × (channels · kernel · kernel)`, row `f` holding
/// filter `f` in C×kh×kw order; `b` is `1 × filters`. Output pixel `(f, y, x)` of image `n` is
/// ```
/// b[f] + Σ_{c, i, j} W[f, c, i, j] · in[n, c, y·s + i − p, x·s + j − p]
/// ```
/// with out-of-range input pixels read as zero.
///
/// Goals, in priority order: correctness (checked against a direct loop and finite
/// differences), determinism (one ``gemm`` per pass, fixed-order loops elsewhere), speed (the
/// whole batch is unfolded once by im2col so each pass is a single large product).
public final class Conv2D: Layer {
    /// The shape of each input image.
    public let input: ImageShape
    /// The shape of each output image.
    public let output: ImageShape
    /// The side of the square kernel.
    public let kernel: Int
    /// The zero padding on every side.
    public let padding: Int
    /// The step between neighbouring kernel positions.
    public let stride: Int
    /// `[W, b]`.
    public var parameters: [Matrix]
    /// `[∂L/∂W, ∂L/∂b]`.
    public private(set) var gradients: [Matrix]
    /// The unfolded input of the last training forward pass.
    private var lastColumns: Matrix?

    /// A convolution with He-initialised (or otherwise seeded) filters and zero biases.
    ///
    /// - Parameters:
    ///   - input: The shape of each input image.
    ///   - filters: The number of output channels (> 0).
    ///   - kernel: The side of the square kernel (> 0, at most the padded input).
    ///   - padding: The zero padding on each side (≥ 0).
    ///   - stride: The step between kernel positions (> 0).
    ///   - initialisation: How the filters are drawn; fan-in is `channels · kernel²`.
    ///   - seed: The seed of the filters.
    public init(input: ImageShape, filters: Int, kernel: Int, padding: Int = 0, stride: Int = 1,
                initialisation: Initialisation = .he, seed: UInt64) {
        precondition(filters > 0 && kernel > 0 && padding >= 0 && stride > 0,
                     "Conv2D: bad filters \(filters), kernel \(kernel), padding \(padding), stride \(stride)")
        precondition(input.height + 2 * padding >= kernel && input.width + 2 * padding >= kernel,
                     "Conv2D: kernel \(kernel) larger than padded input \(input)")
        self.input = input
        self.kernel = kernel
        self.padding = padding
        self.stride = stride
        output = ImageShape(channels: filters,
                            height: (input.height + 2 * padding - kernel) / stride + 1,
                            width: (input.width + 2 * padding - kernel) / stride + 1)
        let patch = input.channels * kernel * kernel
        let weights = initialisation.weights(count: filters * patch, fanIn: patch,
                                             fanOut: filters * kernel * kernel, seed: seed)
        parameters = [Matrix(rows: filters, columns: patch, storage: weights), Matrix(rows: 1, columns: filters)]
        gradients = [Matrix(rows: filters, columns: patch), Matrix(rows: 1, columns: filters)]
    }

    /// The convolution of a batch `n × (C·H·W)`, as `n × (F·H'·W')`.
    ///
    /// - Complexity: O(n · F · C · k² · H' · W').
    public func forward(_ batch: Matrix, training: Bool) -> Matrix {
        precondition(batch.columns == input.count, "Conv2D expects \(input) = \(input.count) values, got \(batch.columns)")
        let columns = unfold(batch)
        let filters = output.channels, pixels = output.height * output.width
        var product = Matrix(rows: columns.rows, columns: filters)  // (n·P) × F
        gemm(columns, parameters[0], transposeB: true, into: &product)
        var result = Matrix(rows: batch.rows, columns: output.count)
        let bias = parameters[1].storage
        product.storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for image in 0..<batch.rows {
                    for pixel in 0..<pixels {
                        let row = (image * pixels + pixel) * filters
                        for filter in 0..<filters {
                            target[(image * filters + filter) * pixels + pixel] = source[row + filter] + bias[filter]
                        }
                    }
                }
            }
        }
        lastColumns = training ? columns : nil
        return result
    }

    /// Adds ∂L/∂W = Gᵀ · cols and ∂L/∂b = Σ G to the gradients and folds G · W back into
    /// ∂L/∂input, where G is ∂L/∂output arranged as (n·P) × F.
    ///
    /// - Complexity: O(n · F · C · k² · H' · W').
    public func backward(_ gradOutput: Matrix) -> Matrix {
        guard let columns = lastColumns else { preconditionFailure("Conv2D.backward without a training forward") }
        let filters = output.channels, pixels = output.height * output.width
        let count = columns.rows / pixels
        precondition(gradOutput.rows == count && gradOutput.columns == output.count,
                     "Conv2D.backward: gradient is \(gradOutput.rows)x\(gradOutput.columns)")
        var arranged = Matrix(rows: count * pixels, columns: filters)
        gradOutput.storage.withUnsafeBufferPointer { source in
            arranged.storage.withUnsafeMutableBufferPointer { target in
                for image in 0..<count {
                    for filter in 0..<filters {
                        let plane = (image * filters + filter) * pixels
                        for pixel in 0..<pixels {
                            target[(image * pixels + pixel) * filters + filter] = source[plane + pixel]
                        }
                    }
                }
            }
        }
        gemm(arranged, transposeA: true, columns, beta: 1, into: &gradients[0])
        gemm(Matrix.ones(arranged.rows), arranged, beta: 1, into: &gradients[1])
        var gradColumns = Matrix(rows: columns.rows, columns: columns.columns)
        gemm(arranged, parameters[0], into: &gradColumns)
        return fold(gradColumns, count: count)
    }

    /// Zeroes `[∂L/∂W, ∂L/∂b]`.
    public func zeroGradients() {
        for index in gradients.indices { gradients[index].zero() }
    }
}
