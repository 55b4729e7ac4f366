// Consensus instantiations of Lu, Tang and Wang (section V): the result of evaluating a
// classifier, "the bitstring indicating which test data is correctly classified".

/// Which samples of the test subset a classifier classifies correctly, packed into bytes: the
/// consensus result of the classifier-evaluation instantiation (Lu, Tang and Wang, section V).
///
/// Bit i (sample `subset[i]`) is bit `7 - i % 8` of byte `i / 8`, so the first sample is the
/// most significant bit of the first byte; 1 means correctly classified. The string has
/// `(count + 7) / 8` bytes and the unused low bits of the last byte are zero. For example
/// `[true, false, true, true, false, false, false, false, true]` is `[0xB0, 0x80]`.
public struct IndicatorString: Hashable, Sendable, CustomStringConvertible {
    /// k, the number of samples.
    public let count: Int
    /// The packed bits, `(count + 7) / 8` bytes.
    public let bytes: [UInt8]

    /// The string of these flags, flag i for sample i.
    public init(_ flags: [Bool]) {
        var bytes = [UInt8](repeating: 0, count: (flags.count + 7) / 8)
        for (i, flag) in flags.enumerated() where flag {
            bytes[i / 8] |= 0x80 >> UInt8(i % 8)
        }
        self.count = flags.count
        self.bytes = bytes
    }

    /// The string packed in `bytes` for `count` samples, or `nil` if `bytes` does not have
    /// `(count + 7) / 8` bytes or a padding bit is set (as the contract would refuse it).
    public init?(bytes: [UInt8], count: Int) {
        guard count >= 0, bytes.count == (count + 7) / 8 else { return nil }
        if count % 8 != 0, let last = bytes.last, last & (0xFF >> UInt8(count % 8)) != 0 {
            return nil
        }
        self.count = count
        self.bytes = bytes
    }

    /// Whether sample i is correctly classified.
    /// - Precondition: `0 <= i < count`.
    public subscript(i: Int) -> Bool {
        precondition(i >= 0 && i < count, "IndicatorString: index \(i) outside 0..<\(count)")
        return bytes[i / 8] & (0x80 >> UInt8(i % 8)) != 0
    }

    /// The flags, sample after sample.
    public var flags: [Bool] { (0 ..< count).map { self[$0] } }

    /// The number of correctly classified samples (the popcount).
    public var correct: Int { bytes.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The precision the contract computes from the string: `correct / count` (0 when empty).
    public var precision: Double { count == 0 ? 0 : Double(correct) / Double(count) }

    /// The bits as `0` and `1` characters, sample after sample.
    public var description: String { String(flags.map { $0 ? "1" : "0" }) }
}
