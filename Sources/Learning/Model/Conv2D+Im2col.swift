// The im2col unfolding behind Conv2D and its adjoint.

extension Conv2D {
    /// Unfolds a batch into the (n·H'·W') × (C·k·k) matrix whose row `(n, y, x)` is the input
    /// patch under output pixel `(y, x)` of image `n`, in C×kh×kw order (zero outside).
    ///
    /// - Complexity: O(n · H' · W' · C · k²).
    func unfold(_ batch: Matrix) -> Matrix {
        let (channels, height, width) = (input.channels, input.height, input.width)
        let (outHeight, outWidth) = (output.height, output.width)
        let (kernel, padding, stride) = (self.kernel, self.padding, self.stride)
        let patch = channels * kernel * kernel
        var columns = Matrix(rows: batch.rows * outHeight * outWidth, columns: patch)
        batch.storage.withUnsafeBufferPointer { source in
            columns.storage.withUnsafeMutableBufferPointer { target in
                var row = 0
                for image in 0..<batch.rows {
                    let imageBase = image * channels * height * width
                    for y in 0..<outHeight {
                        for x in 0..<outWidth {
                            var column = row * patch
                            for channel in 0..<channels {
                                let planeBase = imageBase + channel * height * width
                                for i in 0..<kernel {
                                    let sourceY = y * stride + i - padding
                                    let rowInside = sourceY >= 0 && sourceY < height
                                    for j in 0..<kernel {
                                        let sourceX = x * stride + j - padding
                                        if rowInside && sourceX >= 0 && sourceX < width {
                                            target[column] = source[planeBase + sourceY * width + sourceX]
                                        }
                                        column += 1
                                    }
                                }
                            }
                            row += 1
                        }
                    }
                }
            }
        }
        return columns
    }

    /// The adjoint of ``unfold(_:)``: adds every patch entry back onto the input pixel it was
    /// read from (col2im), giving an `count × (C·H·W)` batch.
    ///
    /// - Complexity: O(n · H' · W' · C · k²).
    func fold(_ columns: Matrix, count: Int) -> Matrix {
        let (channels, height, width) = (input.channels, input.height, input.width)
        let (outHeight, outWidth) = (output.height, output.width)
        let (kernel, padding, stride) = (self.kernel, self.padding, self.stride)
        let patch = channels * kernel * kernel
        var batch = Matrix(rows: count, columns: input.count)
        columns.storage.withUnsafeBufferPointer { source in
            batch.storage.withUnsafeMutableBufferPointer { target in
                var row = 0
                for image in 0..<count {
                    let imageBase = image * channels * height * width
                    for y in 0..<outHeight {
                        for x in 0..<outWidth {
                            var column = row * patch
                            for channel in 0..<channels {
                                let planeBase = imageBase + channel * height * width
                                for i in 0..<kernel {
                                    let targetY = y * stride + i - padding
                                    let rowInside = targetY >= 0 && targetY < height
                                    for j in 0..<kernel {
                                        let targetX = x * stride + j - padding
                                        if rowInside && targetX >= 0 && targetX < width {
                                            target[planeBase + targetY * width + targetX] += source[column]
                                        }
                                        column += 1
                                    }
                                }
                            }
                            row += 1
                        }
                    }
                }
            }
        }
        return batch
    }
}
