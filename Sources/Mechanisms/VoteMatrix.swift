/// The 1-bit predictions of n workers on m public samples, with missing reports.
///
/// Each vote is one byte: a class index `0 ..< classes`, or the missing code `classes` for "no
/// report". Storage is sample-major (`storage[j * workers + i]`), so the votes on one sample are
/// contiguous: settlement walks one sample at a time and keeps its per-class counts in cache.
///
/// Invariant: every stored byte is `<= classes`, and `classes <= VoteMatrix.maximumClasses`.
public struct VoteMatrix: Hashable, Sendable {
    /// The largest number of classes a one-byte vote can hold next to the missing code.
    public static let maximumClasses = 254

    /// n, the number of workers.
    public let workers: Int
    /// m, the number of public samples.
    public let samples: Int
    /// |C|, the number of classes.
    public let classes: Int
    /// Sample-major votes; `missingCode` marks a sample the worker did not report.
    @usableFromInline internal var storage: [UInt8]

    /// The byte that stands for "no report".
    @inlinable public var missingCode: UInt8 { UInt8(truncatingIfNeeded: classes) }

    /// A matrix in which no worker has reported any sample.
    /// - Precondition: `workers >= 0`, `samples >= 0`, `1 <= classes <= maximumClasses`.
    public init(workers: Int, samples: Int, classes: Int) {
        precondition(workers >= 0 && samples >= 0, "negative dimensions")
        precondition((1 ... Self.maximumClasses).contains(classes), "classes out of range")
        self.workers = workers
        self.samples = samples
        self.classes = classes
        self.storage = [UInt8](
            repeating: UInt8(truncatingIfNeeded: classes), count: workers * samples)
    }

    /// A matrix from one row per worker, `nil` or a negative value meaning "no report".
    /// - Throws: `VoteMatrixError` when rows differ in length or a label is `>= classes`.
    public init(rows: [[Int?]], classes: Int) throws(VoteMatrixError) {
        guard (1 ... Self.maximumClasses).contains(classes) else {
            throw .classesOutOfRange(classes)
        }
        let m = rows.first?.count ?? 0
        self.init(workers: rows.count, samples: m, classes: classes)
        for (i, row) in rows.enumerated() {
            guard row.count == m else {
                throw .raggedRow(worker: i, expected: m, found: row.count)
            }
            for (j, label) in row.enumerated() {
                guard let label, label >= 0 else { continue }
                guard label < classes else {
                    throw .labelOutOfRange(worker: i, sample: j, label: label, classes: classes)
                }
                storage[j * workers + i] = UInt8(label)
            }
        }
    }

    /// The vote of `worker` on `sample`, or `nil` for no report.
    @inlinable public subscript(worker worker: Int, sample sample: Int) -> Int? {
        get {
            let v = storage[sample * workers + worker]
            return v == missingCode ? nil : Int(v)
        }
        set {
            if let label = newValue {
                precondition((0 ..< classes).contains(label), "label out of range")
                storage[sample * workers + worker] = UInt8(label)
            } else {
                storage[sample * workers + worker] = missingCode
            }
        }
    }

    /// Calls `body` with the raw sample-major codes (`0 ..< classes`, or `missingCode`).
    @inlinable public func withCodes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the mutable raw codes; `body` must store only values `<= classes`.
    @inlinable public mutating func withMutableCodes<R>(
        _ body: (inout UnsafeMutableBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer(body)
    }

    /// Worker `i`'s row: one label per sample, `nil` for no report.
    public func row(_ worker: Int) -> [Int?] {
        (0 ..< samples).map { self[worker: worker, sample: $0] }
    }

    /// The matrix restricted to the given workers, in the given order.
    public func selecting(workers chosen: [Int]) -> VoteMatrix {
        // Every worker in order (the usual settlement): the matrix itself, shared, not copied.
        if chosen.count == workers && chosen.elementsEqual(0 ..< workers) { return self }
        var result = VoteMatrix(workers: chosen.count, samples: samples, classes: classes)
        for j in 0 ..< samples {
            for (k, i) in chosen.enumerated() {
                result.storage[j * chosen.count + k] = storage[j * workers + i]
            }
        }
        return result
    }
}

/// Why a vote matrix could not be built.
public enum VoteMatrixError: Error, Hashable, Sendable, CustomStringConvertible {
    case classesOutOfRange(Int)
    case raggedRow(worker: Int, expected: Int, found: Int)
    case labelOutOfRange(worker: Int, sample: Int, label: Int, classes: Int)

    public var description: String {
        switch self {
        case .classesOutOfRange(let c):
            "the number of classes must be between 1 and \(VoteMatrix.maximumClasses), not \(c)"
        case .raggedRow(let w, let e, let f):
            "worker \(w) reports \(f) samples, but worker 0 reports \(e)"
        case .labelOutOfRange(let w, let s, let l, let c):
            "worker \(w), sample \(s): label \(l) is not a class (0 ..< \(c)) nor -1 for no report"
        }
    }
}
