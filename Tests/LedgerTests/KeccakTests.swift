import Testing

@testable import Ledger

/// Published Keccak-256 vectors (as the EVM computes `keccak256`), and block-boundary vectors
/// computed independently with pycryptodome 4.4.0:
/// `keccak.new(digest_bits=256, data=bytes(i % 256 for i in range(n))).hexdigest()`.
@Suite struct KeccakTests {
    /// `bytes(i % 256 for i in range(n))`, the input of the boundary vectors.
    static func ramp(_ n: Int) -> [UInt8] { (0 ..< n).map { UInt8(truncatingIfNeeded: $0) } }

    @Test func emptyString() {
        #expect(
            Keccak256.hash([]).description
                == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }

    @Test func abc() {
        #expect(
            Keccak256.hash(utf8: "abc").description
                == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    @Test func quickBrownFox() {
        #expect(
            Keccak256.hash(utf8: "The quick brown fox jumps over the lazy dog").description
                == "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")
    }

    /// The ERC-20 `transfer` selector is the first four bytes of the hash of its signature.
    @Test func transferSelector() {
        let digest = Keccak256.hash(utf8: "transfer(address,uint256)").bytes
        #expect(Array(digest[0 ..< 4]) == [0xA9, 0x05, 0x9C, 0xBB])
    }

    /// 135 bytes: padding fits in one byte (0x81); 136: a whole padding block; 137, 272: two
    /// and three blocks. Expected values from pycryptodome (see the suite comment).
    @Test(arguments: [
        (135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"),
        (136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"),
        (137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"),
        (272, "fdf2ec49e749960d3c8521a0219af8d03e30e2b3bf19bd16150ee0eaf133d66e"),
    ])
    func blockBoundaries(length: Int, expected: String) {
        #expect(Keccak256.hash(Self.ramp(length)) == Hash32(hex: expected))
    }

    /// Streaming in uneven pieces gives the one-shot digest of the whole input. Expected value
    /// from pycryptodome over `bytes((i * 7) % 251 for i in range(1_000_003))`.
    @Test func streamingInUnevenChunks() {
        let input = (0 ..< 1_000_003).map { UInt8(($0 * 7) % 251) }
        let expected = Hash32(
            hex: "0a32595d416d706d9d521093b2c0d84141f9fbe7d08ba48a7b8b4a8ebfde059f")
        #expect(Keccak256.hash(input) == expected)
        var hasher = Keccak256()
        var start = 0
        let sizes = [1, 135, 136, 137, 0, 4096, 7, 272]
        var k = 0
        while start < input.count {
            let end = min(input.count, start + sizes[k % sizes.count])
            hasher.update(Array(input[start ..< end]))
            start = end
            k += 1
        }
        #expect(hasher.finalize() == expected)
    }
}

@Suite struct Hash32AndAddressTests {
    @Test func hexRoundTrip() throws {
        let text = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
        let hash = try #require(Hash32(hex: text.uppercased()))
        #expect(hash.description == text)
        #expect(Hash32(hex: String(text.dropFirst(2))) == hash)
        #expect(hash.bytes.first == 0xC5 && hash.bytes.last == 0x70 && hash.bytes.count == 32)
    }

    @Test func malformedHexIsRejected() {
        #expect(Hash32(hex: "0x12") == nil)
        #expect(Hash32(hex: String(repeating: "g", count: 64)) == nil)
        #expect(Hash32(hex: String(repeating: "a", count: 63)) == nil)
        #expect(Address(hex: "0x" + String(repeating: "00", count: 21)) == nil)
        #expect(Address(bytes: [1, 2, 3]) == nil)
    }

    /// `Address(index:)` is the last 20 bytes of keccak256 of the 32-byte big-endian index;
    /// expected values from pycryptodome:
    /// `keccak.new(digest_bits=256, data=i.to_bytes(32, 'big')).hexdigest()[24:]`.
    @Test func indexAddresses() {
        #expect(Address(index: 0).description == "0x88386fc84ba6bc95484008f6362f93160ef3e563")
        #expect(Address(index: 1).description == "0x717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf6")
        #expect(Address(index: 2) == Address(hex: "C41B3BA8828B3321CA811111FA75CD3AA3BB5ACE"))
        #expect(Address(index: 99).bytes.first == 0x01)
    }
}
