/// Solidity's `abi.encodePacked` for the handful of types the contract hashes.
///
/// The packed encoding concatenates its arguments without length prefixes:
///
/// | Solidity type | bytes produced                                                       |
/// |---------------|----------------------------------------------------------------------|
/// | `bytes`       | the raw bytes, no length, no padding                                 |
/// | `bytes32`     | the 32 bytes                                                         |
/// | `address`     | the 20 bytes (not padded: a lone `address` argument is packed tight) |
/// | `uint256`     | 32 bytes, big-endian                                                 |
/// | `uint256[]`   | each element as 32 big-endian bytes, no length (arrays are padded)   |
///
/// Because `bytes` carries no length, packing is unambiguous only when at most one argument has
/// a variable length or the lengths are fixed by context; the contract's commitments satisfy
/// this (see `HashCommit`).
public struct PackedEncoding: Hashable, Sendable {
    /// One argument of `abi.encodePacked`.
    public enum Value: Hashable, Sendable {
        /// `bytes`: raw bytes.
        case bytes([UInt8])
        /// `bytes32`.
        case bytes32(Hash32)
        /// `address`: 20 bytes.
        case address(Address)
        /// `uint256`: a non-negative `Int` as a 32-byte big-endian word. A negative `Int`
        /// (never valid where the contract uses this) is sign-extended, as `int256` would be,
        /// so that encoding is total.
        case uint256(Int)
        /// `uint256[]`: every element as a 32-byte word, as for `uint256`.
        case uint256Array([Int])
    }

    /// The encoded bytes so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty encoding.
    public init() {}

    /// `abi.encodePacked(values...)`.
    /// - Parameter values: the arguments in order.
    /// - Complexity: O(total encoded length).
    public static func encode(_ values: [Value]) -> [UInt8] {
        var encoding = PackedEncoding()
        for value in values { encoding.append(value) }
        return encoding.bytes
    }

    /// Appends one argument.
    /// - Complexity: O(its encoded length).
    public mutating func append(_ value: Value) {
        switch value {
        case .bytes(let raw): bytes.append(contentsOf: raw)
        case .bytes32(let word): bytes.append(contentsOf: word.bytes)
        case .address(let address): bytes.append(contentsOf: address.bytes)
        case .uint256(let number): appendWord(number)
        case .uint256Array(let numbers):
            bytes.reserveCapacity(bytes.count + 32 * numbers.count)
            for number in numbers { appendWord(number) }
        }
    }

    /// Appends `number` as a 32-byte big-endian two's-complement word.
    private mutating func appendWord(_ number: Int) {
        let fill: UInt8 = number < 0 ? 0xFF : 0x00
        bytes.append(contentsOf: repeatElement(fill, count: 24))
        let bits = UInt64(bitPattern: Int64(number))
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
    }
}
