// Storage that layers keep across batches.

/// A growable block of uninitialised trivial values (`Float`, `UInt8`) that a layer keeps
/// across batches, so that a pass allocates nothing once the batch size has been seen.
///
/// Contents are not preserved when the block grows; callers write before they read. Owned by
/// exactly one shard of one layer, so never shared between threads.
final class Scratch<Element: BitwiseCopyable> {
    /// The start of the block (a one-element block until the first ``reserve(_:)``).
    private(set) var base: UnsafeMutablePointer<Element>
    /// The number of elements the block holds.
    private(set) var capacity: Int

    /// An empty block.
    init() {
        capacity = 1
        base = .allocate(capacity: 1)
    }

    deinit { base.deallocate() }

    /// The start of a block of at least `count` elements (reallocated, contents lost, when
    /// the current one is smaller).
    ///
    /// - Complexity: O(1), or one allocation when the block grows.
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if count > capacity {
            base.deallocate()
            base = .allocate(capacity: count)
            capacity = count
        }
        return base
    }
}

extension Matrix {
    /// An empty 0×0 matrix (the initial value of a layer's reusable outputs).
    static var empty: Matrix { Matrix(rows: 0, columns: 0, storage: []) }

    /// Makes `self` a `rows × columns` matrix for a kernel to overwrite: the current storage
    /// is kept when its size fits (so repeated passes allocate nothing), else it is replaced
    /// by zeros. Writing into kept storage copies it first only if someone still holds it.
    ///
    /// - Complexity: O(1), or O(rows · columns) when the size changes.
    mutating func reshape(rows: Int, columns: Int) {
        if self.rows == rows && self.columns == columns { return }
        if storage.count == rows * columns {
            self = Matrix(rows: rows, columns: columns, storage: storage)
        } else {
            self = Matrix(rows: rows, columns: columns)
        }
    }

    /// Calls `body` with the start of the storage for writing (never `nil`, even when empty).
    @inline(__always)
    mutating func withMutableBase<Result>(_ body: (UnsafeMutablePointer<Float>) throws -> Result) rethrows -> Result {
        if storage.isEmpty {
            var dummy: Float = 0
            return try body(&dummy)
        }
        return try storage.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
    }

    /// Calls `body` with the start of the storage for reading (never `nil`, even when empty).
    @inline(__always)
    func withBase<Result>(_ body: (UnsafePointer<Float>) throws -> Result) rethrows -> Result {
        if storage.isEmpty {
            let dummy: Float = 0
            return try withUnsafePointer(to: dummy) { try body($0) }
        }
        return try storage.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }
}
