/// A 20-byte account address, as on Ethereum.
///
/// Stored as big-endian words (4 + 8 + 8 bytes), so it is a plain value with no heap storage.
/// The description is `0x` followed by 40 lower-case hex digits (no EIP-55 checksum casing).
public struct Address: Hashable, Sendable, Comparable, CustomStringConvertible {
    @usableFromInline internal var high: UInt32
    @usableFromInline internal var middle: UInt64
    @usableFromInline internal var low: UInt64

    /// The address whose 20 bytes are all zero.
    public static let zero = Address(high: 0, middle: 0, low: 0)

    @usableFromInline internal init(high: UInt32, middle: UInt64, low: UInt64) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// The address with these 20 bytes, or `nil` when `bytes.count != 20`.
    /// - Parameter bytes: the bytes in order (the first byte is the most significant).
    public init?(bytes: [UInt8]) {
        guard bytes.count == 20 else { return nil }
        func word(_ range: Range<Int>) -> UInt64 {
            bytes[range].reduce(0) { $0 << 8 | UInt64($1) }
        }
        self.init(high: UInt32(word(0 ..< 4)), middle: word(4 ..< 12), low: word(12 ..< 20))
    }

    /// The address spelled by 40 hex digits (either case, optional `0x` prefix), or `nil`.
    public init?(hex: String) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// A deterministic test address: the last 20 bytes of `keccak256(uint256(index))`, the hash
    /// of the index as a 32-byte big-endian word.
    ///
    /// In Solidity: `address(uint160(uint256(keccak256(abi.encode(uint256(index))))))`. This is
    /// how tests, fuzzers and specs name "worker 0", "worker 1", ... without key material; it is
    /// not derived from any key and nobody holds a key for it.
    /// - Parameter index: any 64-bit index.
    /// - Complexity: one Keccak-256 block.
    public init(index: UInt64) {
        var hasher = Keccak256()
        hasher.update(unsignedWord: index)
        // Digest bytes 12 ..< 32: the low half of word 1, then words 2 and 3.
        let digest = hasher.finalize().words
        self.init(high: UInt32(truncatingIfNeeded: digest.1), middle: digest.2, low: digest.3)
    }

    /// The 20 bytes in order.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(20)
        for shift in stride(from: 24, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: high >> UInt32(shift)))
        }
        for w in [middle, low] {
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: w >> UInt64(shift)))
            }
        }
        return out
    }

    /// `0x` and 40 lower-case hex digits.
    public var description: String { Hex.encode(bytes) }

    /// Byte-wise (big-endian) order, as `uint160` compares in Solidity.
    public static func < (a: Address, b: Address) -> Bool {
        (a.high, a.middle, a.low) < (b.high, b.middle, b.low)
    }
}
