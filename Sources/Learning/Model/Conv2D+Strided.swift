// im2col and col2im for strides above 1.

extension Conv2D {
    /// ``unfold(_:count:into:padded:)`` for any stride: per output row, a zero run, the
    /// strided pixels inside the image, and another zero run.
    ///
    /// - Complexity: O(count · K · P).
    func unfoldStrided(_ source: UnsafePointer<Float>, count: Int, into columns: UnsafeMutablePointer<Float>) {
        let (channels, height, width) = (input.channels, input.height, input.width)
        let (outHeight, outWidth) = (output.height, output.width)
        let (kernel, padding, stride) = (self.kernel, self.padding, self.stride)
        let plane = height * width, image = channels * plane, pixels = outHeight * outWidth
        var row = columns
        for channel in 0..<channels {
            for i in 0..<kernel {
                for j in 0..<kernel {
                    let (first, last) = insideRange(offset: j, outWidth: outWidth, width: width)
                    for n in 0..<count {
                        let base = source + n * image + channel * plane
                        var target = row + n * pixels
                        for y in 0..<outHeight {
                            let sourceY = y * stride + i - padding
                            if sourceY < 0 || sourceY >= height {
                                target.update(repeating: 0, count: outWidth)
                            } else {
                                let line = base + sourceY * width + (j - padding)
                                for x in 0..<first { target[x] = 0 }
                                for x in first..<last { target[x] = line[x * stride] }
                                for x in last..<outWidth { target[x] = 0 }
                            }
                            target += outWidth
                        }
                    }
                    row += count * pixels
                }
            }
        }
    }

    /// ``fold(_:count:into:padded:)`` for any stride, skipping the entries that fall in the padding.
    ///
    /// - Complexity: O(count · K · P).
    func foldStrided(_ columns: UnsafePointer<Float>, count: Int, into target: UnsafeMutablePointer<Float>) {
        let (channels, height, width) = (input.channels, input.height, input.width)
        let (outHeight, outWidth) = (output.height, output.width)
        let (kernel, padding, stride) = (self.kernel, self.padding, self.stride)
        let plane = height * width, image = channels * plane, pixels = outHeight * outWidth
        target.update(repeating: 0, count: count * image)
        for n in 0..<count {
            var row = columns + n * pixels
            for channel in 0..<channels {
                let base = target + n * image + channel * plane
                for i in 0..<kernel {
                    for j in 0..<kernel {
                        let (first, last) = insideRange(offset: j, outWidth: outWidth, width: width)
                        var source = row
                        for y in 0..<outHeight {
                            let targetY = y * stride + i - padding
                            if targetY >= 0 && targetY < height {
                                let line = base + targetY * width + (j - padding)
                                for x in first..<last { line[x * stride] += source[x] }
                            }
                            source += outWidth
                        }
                        row += count * pixels
                    }
                }
            }
        }
    }

    /// The output columns `first ..< last` whose input column `x·s + offset − p` lies in
    /// `0 ..< width` (an empty range when none does).
    @inline(__always)
    private func insideRange(offset: Int, outWidth: Int, width: Int) -> (Int, Int) {
        let low = padding - offset, high = width + padding - offset  // s·x must lie in [low, high)
        let first = low <= 0 ? 0 : (low + stride - 1) / stride
        let last = high <= 0 ? 0 : (high - 1) / stride + 1
        let clampedFirst = min(first, outWidth)
        return (clampedFirst, max(clampedFirst, min(last, outWidth)))
    }
}
