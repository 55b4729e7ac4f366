/// What a worker reveals for one round of PTSFD (Witt et al., Algorithm 2): `Y`, one byte per
/// public sample (a class, or ``noReport``), and its labelCount.
public struct WorkerReport: Hashable, Sendable {
    /// The byte of `Y` that means "no report" for a sample.
    public static let noReport: UInt8 = 0xFF

    /// One byte per public sample: the reported class or ``noReport``.
    public var y: [UInt8]
    /// The claimed labelCount, one entry per class.
    public var labelCount: [Int]

    /// A report with an explicit (possibly false) labelCount.
    public init(y: [UInt8], labelCount: [Int]) {
        self.y = y
        self.labelCount = labelCount
    }

    /// A report whose labelCount is the true count of each class in `y` (Algorithm 1).
    ///
    /// - Parameters:
    ///   - y: One byte per sample, each a class below `classes` or ``noReport``.
    ///   - classes: |C|.
    public init(y: [UInt8], classes: Int) {
        // One slot per byte value, so the loop needs no branch; classes and noReport are read
        // off afterwards, and any other label fails the precondition.
        var histogram = InlineArray<256, Int>(repeating: 0)
        y.withUnsafeBufferPointer { labels in
            for label in labels { histogram[Int(label)] &+= 1 }
        }
        var counts = [Int](repeating: 0, count: classes)
        for value in 0 ..< 256 where value != Int(Self.noReport) && histogram[value] > 0 {
            precondition(value < classes, "WorkerReport: label \(value) outside \(classes) classes")
            counts[value] = histogram[value]
        }
        self.init(y: y, labelCount: counts)
    }

    /// The number of samples reported.
    public var reports: Int { y.reduce(0) { $0 + ($1 == Self.noReport ? 0 : 1) } }
}
