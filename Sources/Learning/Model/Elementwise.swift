// Vectorised elementwise loops on raw storage.

/// Elementwise kernels on raw `Float` storage, written with `SIMD8<Float>` (`SIMD4` for the
/// short copies of im2col) so that they compile to vector instructions without per-element
/// branches (whatever the data, e.g. the random signs a ReLU sees), with a scalar loop or an
/// overlapping vector for the last few elements.
///
/// Goals, in priority order: correctness (exactly the scalar definition, element by element,
/// including NaN handling), determinism (reductions only where documented, in a fixed
/// order), speed (4 or 8 elements per step; the build targets baseline x86-64, so these are
/// SSE instructions).
enum Elementwise {
    /// Loads 8 values from `pointer` (no alignment needed).
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Stores 8 values at `pointer` (no alignment needed).
    @inline(__always)
    static func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
    }

    /// `target[k] = source[k]` for `k < count` (short runs, no library call; from 4 values
    /// on, 4 at a time, the last few covered by one more overlapping 4-wide copy).
    ///
    /// - Complexity: O(count).
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, count: Int) {
        if count < 4 {
            for k in 0..<count { target[k] = source[k] }
            return
        }
        var k = 0
        while k + 4 <= count {
            store4(load4(source + k), target + k)
            k += 4
        }
        if k < count { store4(load4(source + count - 4), target + count - 4) }
    }

    /// Loads 4 values from `pointer` (no alignment needed).
    @inline(__always)
    static func load4(_ pointer: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }

    /// Stores 4 values at `pointer` (no alignment needed).
    @inline(__always)
    static func store4(_ value: SIMD4<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Float>.self)
    }

    /// `target[k] = source[k] + shift` for `k < count`.
    ///
    /// - Complexity: O(count).
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, count: Int,
                     adding shift: Float) {
        let shifts = SIMD8<Float>(repeating: shift)
        var k = 0
        while k + 8 <= count {
            store(load(source + k) + shifts, target + k)
            k += 8
        }
        while k < count {
            target[k] = source[k] + shift
            k += 1
        }
    }

    /// `target[k] = source[k]` for `k < count`, adding the values to `sum` (8 lanes, each
    /// summing every 8th value) and `tail` (the last `count % 8`) in a fixed order.
    ///
    /// - Complexity: O(count).
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, count: Int,
                     summingInto sum: inout SIMD8<Float>, _ tail: inout Float) {
        var k = 0
        while k + 8 <= count {
            let value = load(source + k)
            store(value, target + k)
            sum += value
            k += 8
        }
        while k < count {
            target[k] = source[k]
            tail += source[k]
            k += 1
        }
    }

    /// `target[k] += source[k]` for `k < count`.
    ///
    /// - Complexity: O(count).
    @inline(__always)
    static func add(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, count: Int) {
        var k = 0
        while k + 8 <= count {
            store(load(target + k) + load(source + k), target + k)
            k += 8
        }
        while k < count {
            target[k] += source[k]
            k += 1
        }
    }

    /// `target[k] = source[k] > 0 ? source[k] : 0` (so NaN gives 0).
    ///
    /// - Complexity: O(count).
    static func rectify(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, count: Int) {
        let zero = SIMD8<Float>(repeating: 0)
        var k = 0
        while k + 8 <= count {
            let value = load(source + k)
            store(zero.replacing(with: value, where: value .> zero), target + k)
            k += 8
        }
        while k < count {
            target[k] = source[k] > 0 ? source[k] : 0
            k += 1
        }
    }

    /// `target[k] = mask[k] > 0 ? source[k] : 0`.
    ///
    /// - Complexity: O(count).
    static func masked(_ source: UnsafePointer<Float>, by mask: UnsafePointer<Float>,
                       _ target: UnsafeMutablePointer<Float>, count: Int) {
        let zero = SIMD8<Float>(repeating: 0)
        var k = 0
        while k + 8 <= count {
            store(zero.replacing(with: load(source + k), where: load(mask + k) .> zero), target + k)
            k += 8
        }
        while k < count {
            target[k] = mask[k] > 0 ? source[k] : 0
            k += 1
        }
    }
}
