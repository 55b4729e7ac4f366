// The 2×2 case of max pooling, four windows at a time.

extension MaxPool2D {
    /// The maxima and winning offsets of the 2×2 windows of one plane (`width` columns,
    /// `outHeight × outWidth` windows), four windows per step: one pair of input rows gives
    /// the four corners of four windows as the even and odd halves of two 8-wide loads.
    ///
    /// Goals: the exact rule of the general loop (the first maximum in row-major window order
    /// wins, a later NaN never does), without branches on the data.
    ///
    /// - Complexity: O(outHeight · outWidth).
    static func forwardPairs(_ plane: UnsafePointer<Float>, width: Int, outHeight: Int, outWidth: Int,
                             into target: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<UInt8>) {
        var out = 0
        for y in 0..<outHeight {
            let top = plane + 2 * y * width, bottom = top + width
            var x = 0
            while x + 4 <= outWidth {
                let upper = Elementwise.load(top + 2 * x), lower = Elementwise.load(bottom + 2 * x)
                var best = upper.evenHalf
                var offset = SIMD4<Int32>(repeating: 0)
                Self.challenge(&best, &offset, with: upper.oddHalf, code: 1)
                Self.challenge(&best, &offset, with: lower.evenHalf, code: 2)
                Self.challenge(&best, &offset, with: lower.oddHalf, code: 3)
                UnsafeMutableRawPointer(target + out).storeBytes(of: best, as: SIMD4<Float>.self)
                UnsafeMutableRawPointer(winners + out).storeBytes(of: SIMD4<UInt8>(truncatingIfNeeded: offset),
                                                                  as: SIMD4<UInt8>.self)
                x += 4
                out += 4
            }
            while x < outWidth {
                let corner = top + 2 * x
                var best = corner[0]
                var offset: UInt8 = 0
                if corner[1] > best { best = corner[1]; offset = 1 }
                if corner[width] > best { best = corner[width]; offset = 2 }
                if corner[width + 1] > best { best = corner[width + 1]; offset = 3 }
                target[out] = best
                winners[out] = offset
                x += 1
                out += 1
            }
        }
    }

    /// Where `candidate` beats `best`, takes it and its window offset `code`.
    @inline(__always)
    private static func challenge(_ best: inout SIMD4<Float>, _ offset: inout SIMD4<Int32>,
                                  with candidate: SIMD4<Float>, code: Int32) {
        let wins = candidate .> best
        best.replace(with: candidate, where: wins)
        offset.replace(with: code, where: wins)
    }

    /// The input gradient of one plane's 2×2 windows: each window's four positions get the
    /// output gradient at the winner and 0 elsewhere, four windows per step.
    ///
    /// - Complexity: O(outHeight · outWidth).
    static func backwardPairs(_ gradient: UnsafePointer<Float>, winners: UnsafePointer<UInt8>, width: Int,
                              outHeight: Int, outWidth: Int, into plane: UnsafeMutablePointer<Float>) {
        let zero = SIMD4<Float>(repeating: 0)
        var out = 0
        for y in 0..<outHeight {
            let top = plane + 2 * y * width, bottom = top + width
            var x = 0
            while x + 4 <= outWidth {
                let value = UnsafeRawPointer(gradient + out).loadUnaligned(as: SIMD4<Float>.self)
                let offset = SIMD4<Int32>(truncatingIfNeeded: UnsafeRawPointer(winners + out)
                    .loadUnaligned(as: SIMD4<UInt8>.self))
                let a = zero.replacing(with: value, where: offset .== 0)
                let b = zero.replacing(with: value, where: offset .== 1)
                let c = zero.replacing(with: value, where: offset .== 2)
                let d = zero.replacing(with: value, where: offset .== 3)
                Elementwise.store(SIMD8(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3]), top + 2 * x)
                Elementwise.store(SIMD8(c[0], d[0], c[1], d[1], c[2], d[2], c[3], d[3]), bottom + 2 * x)
                x += 4
                out += 4
            }
            while x < outWidth {
                let value = gradient[out], winner = winners[out]
                let corner = top + 2 * x
                corner[0] = winner == 0 ? value : 0
                corner[1] = winner == 1 ? value : 0
                corner[width] = winner == 2 ? value : 0
                corner[width + 1] = winner == 3 ? value : 0
                x += 1
                out += 1
            }
        }
    }
}
