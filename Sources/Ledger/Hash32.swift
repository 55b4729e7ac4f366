/// A 32-byte value: a Keccak-256 digest, a salt, a Solidity `bytes32`.
///
/// Stored as four big-endian 64-bit words, so it is a plain value with no heap storage. The
/// description is `0x` followed by 64 lower-case hex digits.
public struct Hash32: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 32 bytes as four words, most significant (first bytes) first.
    @usableFromInline internal var words: (UInt64, UInt64, UInt64, UInt64)

    /// All 32 bytes zero.
    public static let zero = Hash32(words: (0, 0, 0, 0))

    @usableFromInline internal init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// The value with these 32 bytes, or `nil` when `bytes.count != 32`.
    /// - Parameter bytes: the bytes in order (the first byte is the most significant).
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        func word(_ k: Int) -> UInt64 {
            var w: UInt64 = 0
            for b in bytes[8 * k ..< 8 * k + 8] { w = w << 8 | UInt64(b) }
            return w
        }
        self.init(words: (word(0), word(1), word(2), word(3)))
    }

    /// The value spelled by 64 hex digits (either case, optional `0x` prefix), or `nil`.
    /// - Parameter hex: for example
    ///   `"0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"`.
    public init?(hex: String) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// The 32 bytes in order.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: w >> UInt64(shift)))
            }
        }
        return out
    }

    /// `0x` and 64 lower-case hex digits.
    public var description: String { Hex.encode(bytes) }

    /// Byte-wise equality.
    public static func == (a: Hash32, b: Hash32) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
            && a.words.3 == b.words.3
    }

    /// Byte-wise (big-endian) order.
    public static func < (a: Hash32, b: Hash32) -> Bool {
        (a.words.0, a.words.1, a.words.2, a.words.3) < (b.words.0, b.words.1, b.words.2, b.words.3)
    }

    /// Hashes the four words.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
