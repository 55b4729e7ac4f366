import Testing

@testable import Ledger

/// `abi.encodePacked` against byte strings written out by hand from the Solidity ABI rules.
@Suite struct PackedEncodingTests {
    @Test func uint256IsThirtyTwoBigEndianBytes() {
        let expected = [UInt8](repeating: 0, count: 30) + [0x01, 0x02]
        #expect(PackedEncoding.encode([.uint256(0x0102)]) == expected)
        #expect(PackedEncoding.encode([.uint256(0)]) == [UInt8](repeating: 0, count: 32))
        let max = [UInt8](repeating: 0, count: 24) + [0x7F] + [UInt8](repeating: 0xFF, count: 7)
        #expect(PackedEncoding.encode([.uint256(Int.max)]) == max)
    }

    @Test func addressIsTwentyBytesUnpadded() throws {
        let address = try #require(Address(hex: "0x00112233445566778899aabbccddeeff00112233"))
        let expected: [UInt8] = [
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99,
            0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x00, 0x11, 0x22, 0x33,
        ]
        #expect(PackedEncoding.encode([.address(address)]) == expected)
    }

    /// `abi.encodePacked(bytes hex"0102", uint256[] [1, 2], bytes32 0xff..ff, address 0x00..01)`:
    /// the bytes raw, each array element padded to 32 bytes with no length word, the bytes32 as
    /// is, the address as 20 bytes.
    @Test func mixedArguments() throws {
        let word = { (v: UInt8) in [UInt8](repeating: 0, count: 31) + [v] }
        let salt = try #require(Hash32(bytes: [UInt8](repeating: 0xFF, count: 32)))
        let address = try #require(Address(bytes: [UInt8](repeating: 0, count: 19) + [1]))
        let expected: [UInt8] =
            [0x01, 0x02] + word(1) + word(2) + [UInt8](repeating: 0xFF, count: 32)
            + [UInt8](repeating: 0, count: 19) + [1]
        let encoded = PackedEncoding.encode([
            .bytes([1, 2]), .uint256Array([1, 2]), .bytes32(salt), .address(address),
        ])
        #expect(encoded == expected)
        #expect(encoded.count == 2 + 64 + 32 + 20)
    }

    @Test func emptyArrayAndBytesAddNothing() {
        #expect(PackedEncoding.encode([.bytes([]), .uint256Array([])]).isEmpty)
    }
}
