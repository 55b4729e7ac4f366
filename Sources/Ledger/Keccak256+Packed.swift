extension Keccak256 {
    /// Absorbs `abi.encodePacked(uint256(number))`: 32 big-endian bytes, a negative `number`
    /// sign-extended, exactly as `PackedEncoding.Value.uint256`, without building an array.
    /// - Complexity: 32 bytes absorbed.
    mutating func update(word number: Int) {
        let fill: UInt64 = number < 0 ? ~0 : 0
        let word = (fill, fill, fill, UInt64(bitPattern: Int64(number)).bigEndian)
        withUnsafeBytes(of: word) { update($0) }
    }

    /// Absorbs `uint256(value)` for an unsigned 64-bit `value`: 24 zero bytes, then `value`
    /// big-endian.
    mutating func update(unsignedWord value: UInt64) {
        let word = (UInt64(0), UInt64(0), UInt64(0), value.bigEndian)
        withUnsafeBytes(of: word) { update($0) }
    }

    /// Absorbs the 32 bytes of `value` (`bytes32`), as `PackedEncoding.Value.bytes32`.
    mutating func update(_ value: Hash32) {
        let words = (
            value.words.0.bigEndian, value.words.1.bigEndian, value.words.2.bigEndian,
            value.words.3.bigEndian)
        withUnsafeBytes(of: words) { update($0) }
    }

    /// Absorbs the 20 bytes of `address`, unpadded, as `PackedEncoding.Value.address`.
    mutating func update(_ address: Address) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            raw.storeBytes(of: address.high.bigEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: address.middle.bigEndian, toByteOffset: 4, as: UInt64.self)
            raw.storeBytes(of: address.low.bigEndian, toByteOffset: 12, as: UInt64.self)
            update(UnsafeRawBufferPointer(rebasing: raw[0 ..< 20]))
        }
    }
}
