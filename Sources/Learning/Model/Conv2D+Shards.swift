// The passes of Conv2D on one shard of a batch, a chunk of images at a time.

extension Conv2D {
    /// The convolution of a shard's `n` images, ``chunkImages`` at a time: unfold to `cols`
    /// (`K × m·P`), one product `W · cols` (`F × m·P`), then bias and NCHW arrangement.
    ///
    /// - Complexity: O(n · F · K · P) for the products, O(n · K · P) for the rest.
    func forward(_ batch: Matrix, training: Bool, shard index: Int) -> Matrix {
        precondition(batch.columns == input.count, "Conv2D expects \(input) = \(input.count) values, got \(batch.columns)")
        let state = shards[index]
        state.lastInput = nil
        let count = batch.rows, pixels = output.height * output.width, filters = output.channels
        state.output.reshape(rows: count, columns: filters * pixels)
        let patch = self.patch, chunk = min(chunkImages, max(1, count))
        let columns = state.columns.reserve(patch * chunk * pixels)
        let product = state.product.reserve(filters * chunk * pixels)
        batch.withBase { source in
            parameters[0].withBase { weights in
                parameters[1].withBase { bias in
                    state.output.withMutableBase { target in
                        for first in Swift.stride(from: 0, to: count, by: chunk) {
                            let images = min(chunk, count - first), wide = images * pixels
                            unfold(source + first * input.count, count: images, into: columns, padded: state.padded)
                            _sgemm(m: filters, n: wide, k: patch, weights, lda: patch, columns, ldb: wide,
                                   product, ldc: wide)
                            // target[m][f][p] = product[f][m·P + p] + b[f]: contiguous runs of P.
                            for image in 0..<images {
                                for filter in 0..<filters {
                                    Elementwise.copy(product + filter * wide + image * pixels,
                                                     target + ((first + image) * filters + filter) * pixels,
                                                     count: pixels, adding: bias[filter])
                                }
                            }
                        }
                    }
                }
            }
        }
        if training { state.lastInput = batch }
        return state.output
    }

    /// The backward pass of a shard, ``chunkImages`` at a time: arranges G = ∂L/∂output as
    /// `F × m·P` (summing ∂L/∂b on the way), unfolds the input again and adds G · colsᵀ to
    /// the shard's ∂L/∂W; if `needsInputGradient`, folds Wᵀ · G into ∂L/∂input.
    ///
    /// - Complexity: O(n · F · K · P).
    func backward(_ gradOutput: Matrix, shard index: Int, needsInputGradient: Bool) -> Matrix? {
        let state = shards[index]
        guard let batch = state.lastInput else { preconditionFailure("Conv2D.backward without a training forward") }
        precondition(gradOutput.rows == batch.rows && gradOutput.columns == output.count,
                     "Conv2D.backward: gradient is \(gradOutput.rows)x\(gradOutput.columns)")
        let count = batch.rows
        let pixels = output.height * output.width, filters = output.channels
        let patch = self.patch, chunk = min(chunkImages, max(1, count))
        let columns = state.columns.reserve(patch * chunk * pixels)
        let arranged = state.product.reserve(filters * chunk * pixels)
        let gradColumns = needsInputGradient ? state.gradColumns.reserve(patch * chunk * pixels) : columns
        if needsInputGradient { state.gradInput.reshape(rows: count, columns: input.count) }
        var biasSums = [SIMD8<Float>](repeating: .zero, count: filters)
        var biasTails = [Float](repeating: 0, count: filters)
        state.weightGradient.withUnsafeMutableBufferPointer { weightGradient in
            weightGradient.update(repeating: 0)
            batch.withBase { source in
                gradOutput.withBase { gradient in
                    parameters[0].withBase { weights in
                        for first in Swift.stride(from: 0, to: count, by: chunk) {
                            let images = min(chunk, count - first), wide = images * pixels
                            for filter in 0..<filters {
                                for image in 0..<images {
                                    Elementwise.copy(gradient + ((first + image) * filters + filter) * pixels,
                                                     arranged + filter * wide + image * pixels, count: pixels,
                                                     summingInto: &biasSums[filter], &biasTails[filter])
                                }
                            }
                            unfold(source + first * input.count, count: images, into: columns, padded: state.padded)
                            _sgemm(transposeB: true, m: filters, n: patch, k: wide, arranged, lda: wide,
                                   columns, ldb: wide, beta: 1, weightGradient.baseAddress!, ldc: patch)
                            guard needsInputGradient else { continue }
                            _sgemm(transposeA: true, m: patch, n: wide, k: filters, weights, lda: patch, arranged,
                                   ldb: wide, gradColumns, ldc: wide)
                            state.gradInput.withMutableBase { target in
                                fold(gradColumns, count: images, into: target + first * input.count,
                                     padded: state.padded)
                            }
                        }
                    }
                }
            }
        }
        for filter in 0..<filters { state.biasGradient[filter] = biasSums[filter].sum() + biasTails[filter] }
        return needsInputGradient ? state.gradInput : nil
    }
}
