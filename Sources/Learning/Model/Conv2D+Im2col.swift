// The im2col unfolding behind Conv2D and its adjoint.

extension Conv2D {
    /// Unfolds `count` NCHW images into the `K × (count·P)` matrix whose column `(n, y, x)` is
    /// the input patch under output pixel `(y, x)` of image `n`, in C×kh×kw order (zero
    /// outside the image): row `(c, i, j)`, column `(n, y, x)` holds
    /// `in[n, c, y·s + i − p, x·s + j − p]`.
    ///
    /// Goals: correctness (every entry written, padding as zeros), speed (each row of the
    /// result is written front to back; with stride 1 the images are first copied into
    /// zero-padded planes, after which every output row is one branch-free vector copy).
    ///
    /// - Parameters:
    ///   - source: `count` images.
    ///   - columns: The result, `K × (count·P)`.
    ///   - padded: Scratch for the zero-padded images (stride 1 with padding only).
    /// - Complexity: O(count · K · P).
    func unfold(_ source: UnsafePointer<Float>, count: Int, into columns: UnsafeMutablePointer<Float>,
                padded: Scratch<Float>) {
        guard stride == 1 else { return unfoldStrided(source, count: count, into: columns) }
        let (outHeight, outWidth) = (output.height, output.width)
        let pixels = outHeight * outWidth, kernel = self.kernel
        let (planes, paddedWidth, paddedPlane) = paddedImages(source, count: count, into: padded)
        var row = columns
        for channel in 0..<input.channels {
            for i in 0..<kernel {
                for j in 0..<kernel {
                    for n in 0..<count {
                        let base = planes + (n * input.channels + channel) * paddedPlane + i * paddedWidth + j
                        let target = row + n * pixels
                        for y in 0..<outHeight {
                            Elementwise.copy(base + y * paddedWidth, target + y * outWidth, count: outWidth)
                        }
                    }
                    row += count * pixels
                }
            }
        }
    }

    /// The adjoint of ``unfold(_:count:into:padded:)`` (col2im): overwrites `target` (`count`
    /// NCHW images) with the sum, for every input pixel, of the unfolded entries read from it.
    ///
    /// Goals: correctness (the exact adjoint, checked by finite differences), determinism
    /// (each pixel's sum is taken in the same (c, i, j, y) order whatever the shard), speed
    /// (one image at a time, so the pixels being summed stay in the L1 cache; with stride 1,
    /// vector adds of whole rows into zero-padded planes, the padding dropped at the end).
    ///
    /// - Complexity: O(count · K · P).
    func fold(_ columns: UnsafePointer<Float>, count: Int, into target: UnsafeMutablePointer<Float>,
              padded: Scratch<Float>) {
        guard stride == 1 else { return foldStrided(columns, count: count, into: target) }
        let (channels, height, width) = (input.channels, input.height, input.width)
        let (outHeight, outWidth) = (output.height, output.width)
        let pixels = outHeight * outWidth, kernel = self.kernel, padding = self.padding
        let paddedWidth = width + 2 * padding, paddedPlane = (height + 2 * padding) * paddedWidth
        let planes = padding == 0 ? target : padded.reserve(count * channels * paddedPlane)
        planes.update(repeating: 0, count: count * channels * paddedPlane)
        for n in 0..<count {
            var row = columns + n * pixels
            for channel in 0..<channels {
                let plane = planes + (n * channels + channel) * paddedPlane
                for i in 0..<kernel {
                    for j in 0..<kernel {
                        let base = plane + i * paddedWidth + j
                        for y in 0..<outHeight {
                            Elementwise.add(row + y * outWidth, base + y * paddedWidth, count: outWidth)
                        }
                        row += count * pixels
                    }
                }
            }
        }
        guard padding > 0 else { return }
        for plane in 0..<(count * channels) {
            for y in 0..<height {
                Elementwise.copy(planes + plane * paddedPlane + (y + padding) * paddedWidth + padding,
                                 target + (plane * height + y) * width, count: width)
            }
        }
    }

    /// The images with `padding` zeros on every side, as (start, padded width, padded plane
    /// size): `source` itself when there is no padding, else a copy in `scratch`.
    ///
    /// - Complexity: O(count · C · (H + 2p) · (W + 2p)).
    private func paddedImages(_ source: UnsafePointer<Float>, count: Int,
                        into scratch: Scratch<Float>) -> (UnsafePointer<Float>, Int, Int) {
        let (channels, height, width, padding) = (input.channels, input.height, input.width, self.padding)
        guard padding > 0 else { return (source, width, height * width) }
        let paddedWidth = width + 2 * padding, paddedPlane = (height + 2 * padding) * paddedWidth
        let planes = scratch.reserve(count * channels * paddedPlane)
        planes.update(repeating: 0, count: count * channels * paddedPlane)
        for plane in 0..<(count * channels) {
            for y in 0..<height {
                Elementwise.copy(source + (plane * height + y) * width,
                                 planes + plane * paddedPlane + (y + padding) * paddedWidth + padding, count: width)
            }
        }
        return (UnsafePointer(planes), paddedWidth, paddedPlane)
    }
}
