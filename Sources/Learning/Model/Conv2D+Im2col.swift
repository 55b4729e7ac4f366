// The im2col unfolding behind Conv2D and its adjoint.

extension Conv2D {
    /// Unfolds a batch into the (n·H'·W') × (C·k·k) matrix whose row `(n, y, x)` is the input
    /// patch under output pixel `(y, x)` of image `n`, in C×kh×kw order (zero outside).
    ///
    /// - Complexity: O(n · H' · W' · C · k²).
    func unfold(_ batch: Matrix) -> Matrix {
        var columns = Matrix(rows: batch.rows * output.height * output.width, columns: input.channels * kernel * kernel)
        batch.storage.withUnsafeBufferPointer { source in
            columns.storage.withUnsafeMutableBufferPointer { target in
                forEachPatchEntry(images: batch.rows) { column, pixel in target[column] = source[pixel] }
            }
        }
        return columns
    }

    /// The adjoint of ``unfold(_:)``: adds every patch entry back onto the input pixel it was
    /// read from (col2im), giving an `count × (C·H·W)` batch.
    ///
    /// - Complexity: O(n · H' · W' · C · k²).
    func fold(_ columns: Matrix, count: Int) -> Matrix {
        var batch = Matrix(rows: count, columns: input.count)
        columns.storage.withUnsafeBufferPointer { source in
            batch.storage.withUnsafeMutableBufferPointer { target in
                forEachPatchEntry(images: count) { column, pixel in target[pixel] += source[column] }
            }
        }
        return batch
    }

    /// The one walk both directions share: calls `body(column, pixel)` for every entry of the
    /// unfolded matrix that lies inside the image, `column` indexing the unfolded storage and
    /// `pixel` the batch storage. Padding entries are skipped (they stay zero in `unfold`).
    @inline(__always)
    private func forEachPatchEntry(images: Int, _ body: (_ column: Int, _ pixel: Int) -> Void) {
        let (channels, height, width) = (input.channels, input.height, input.width)
        let (outHeight, outWidth) = (output.height, output.width)
        let (kernel, padding, stride) = (self.kernel, self.padding, self.stride)
        let patch = channels * kernel * kernel
        var row = 0
        for image in 0..<images {
            let imageBase = image * channels * height * width
            for y in 0..<outHeight {
                for x in 0..<outWidth {
                    var column = row * patch
                    for channel in 0..<channels {
                        let planeBase = imageBase + channel * height * width
                        for i in 0..<kernel {
                            let pixelY = y * stride + i - padding
                            let rowInside = pixelY >= 0 && pixelY < height
                            for j in 0..<kernel {
                                let pixelX = x * stride + j - padding
                                if rowInside && pixelX >= 0 && pixelX < width {
                                    body(column, planeBase + pixelY * width + pixelX)
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
