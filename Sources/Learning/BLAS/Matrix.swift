// A small dense row-major matrix of Float.

/// A dense row-major matrix of `Float`: element (i, j) is `storage[i * columns + j]`.
///
/// Value semantics (copy-on-write through the array); meant as the operand type of the BLAS
/// kernels, not as a general linear-algebra library.
public struct Matrix: Hashable, Sendable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements, row after row; must keep exactly `rows * columns` of them (checked by
    /// the kernels). Deliberately unobserved, so that in-place writes do not copy the array.
    public var storage: [Float]

    /// A matrix over existing row-major elements.
    ///
    /// - Parameters:
    ///   - rows: The number of rows (at least 0).
    ///   - columns: The number of columns (at least 0).
    ///   - storage: Exactly `rows * columns` elements, row after row.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)x\(columns)")
        precondition(storage.count == rows * columns,
                     "Matrix \(rows)x\(columns) needs \(rows * columns) elements, got \(storage.count)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)x\(columns)")
        self.init(rows: rows, columns: columns, storage: Array(repeating: value, count: rows * columns))
    }

    /// A matrix whose element (i, j) is `element(i, j)`.
    public init(rows: Int, columns: Int, _ element: (Int, Int) throws -> Float) rethrows {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)x\(columns)")
        var storage: [Float] = []
        storage.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { storage.append(try element(i, j)) }
        }
        self.init(rows: rows, columns: columns, storage: storage)
    }

    /// The element in row `row` and column `column`.
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition((0..<rows).contains(row) && (0..<columns).contains(column),
                         "Index (\(row), \(column)) outside \(rows)x\(columns) matrix")
            return storage[row * columns + column]
        }
        set {
            precondition((0..<rows).contains(row) && (0..<columns).contains(column),
                         "Index (\(row), \(column)) outside \(rows)x\(columns) matrix")
            storage[row * columns + column] = newValue
        }
    }

    /// Stops the process if `storage` no longer holds `rows * columns` elements.
    public func _checkInvariants() {
        precondition(storage.count == rows * columns,
                     "Matrix \(rows)x\(columns) holds \(storage.count) elements")
    }

    /// The transpose (a copy).
    public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }
}
