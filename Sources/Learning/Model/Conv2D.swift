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
/// differences), determinism (per shard, a fixed sequence of ``gemm`` calls and fixed-order
/// loops; partial gradients added in shard order), speed (a few images at a time are
/// unfolded by im2col into a `K × (m·P)` matrix that stays in the L2 cache, so that every
/// product is a wide `W · cols` with the long dimension last, the shape OpenBLAS runs
/// fastest; the backward pass unfolds again rather than keeping the 25-fold larger unfolded
/// batch; scratch storage is kept across batches, so a pass allocates nothing).
public final class Conv2D: Layer, ShardableLayer {
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
    /// Per-shard caches, scratch storage and partial gradients.
    var shards: [Shard] = []
    /// The images unfolded at a time: enough for one wide product, few enough that the
    /// unfolded chunk (about 48 K values) stays in the processor's L2 cache.
    let chunkImages: Int

    /// What one shard keeps between its passes.
    final class Shard {
        /// The input of the last training forward pass (unfolded again, chunk by chunk, by
        /// the backward pass); dropped by ``Conv2D/forgetInput(shard:)``.
        var lastInput: Matrix?
        /// The unfolded input of one chunk, `K × (m·P)`.
        let columns = Scratch<Float>()
        /// `W · cols` (`F × m·P`) in the forward pass; the arranged ∂L/∂output in the backward.
        let product = Scratch<Float>()
        /// `Wᵀ · G` (`K × m·P`), folded back into ∂L/∂input.
        let gradColumns = Scratch<Float>()
        /// Zero-padded images for im2col and col2im with stride 1.
        let padded = Scratch<Float>()
        /// The reusable output (`n × F·P`).
        var output = Matrix.empty
        /// The reusable ∂L/∂input (`n × C·H·W`).
        var gradInput = Matrix.empty
        /// ∂L/∂W and ∂L/∂b of this shard's rows, overwritten by each backward pass.
        var weightGradient: [Float]
        var biasGradient: [Float]

        init(weights: Int, filters: Int) {
            weightGradient = [Float](repeating: 0, count: weights)
            biasGradient = [Float](repeating: 0, count: filters)
        }
    }

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
        chunkImages = max(1, 48 * 1024 / (patch * output.height * output.width))
        let weights = initialisation.weights(count: filters * patch, fanIn: patch,
                                             fanOut: filters * kernel * kernel, seed: seed)
        parameters = [Matrix(rows: filters, columns: patch, storage: weights), Matrix(rows: 1, columns: filters)]
        gradients = [Matrix(rows: filters, columns: patch), Matrix(rows: 1, columns: filters)]
    }

    /// The values of one unfolded patch, `C · k · k`.
    var patch: Int { input.channels * kernel * kernel }

    /// The convolution of a batch `n × (C·H·W)`, as `n × (F·H'·W')`.
    ///
    /// - Complexity: O(n · F · C · k² · H' · W').
    public func forward(_ batch: Matrix, training: Bool) -> Matrix {
        forwardWholeBatch(batch, training: training)
    }

    /// Adds ∂L/∂W = G · colsᵀ and ∂L/∂b = Σ G to the gradients and folds Wᵀ · G back into
    /// ∂L/∂input, where G is ∂L/∂output arranged as F × (n·P).
    ///
    /// - Complexity: O(n · F · C · k² · H' · W').
    public func backward(_ gradOutput: Matrix) -> Matrix {
        backwardWholeBatch(gradOutput)
    }

    /// Zeroes `[∂L/∂W, ∂L/∂b]`.
    public func zeroGradients() {
        for index in gradients.indices { gradients[index].zero() }
    }

    func prepareShards(_ count: Int) {
        while shards.count < count {
            shards.append(Shard(weights: parameters[0].storage.count, filters: output.channels))
        }
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
