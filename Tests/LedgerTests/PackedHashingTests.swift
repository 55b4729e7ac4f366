import Mechanisms
import Testing

@testable import Ledger

/// The piecewise absorption of `HashCommit` and `Address(index:)` (`Keccak256+Packed.swift`)
/// against the reference: Keccak-256 of the whole `PackedEncoding` array.
@Suite struct PackedHashingTests {
    @Test func labelsCommitmentEqualsHashOfPackedEncoding() {
        for seed in 0 ..< 200 as Range<UInt64> {
            var g = SplitMix64(seed: seed)
            let m = Int(g.draw(below: 400)), classes = 2 + Int(g.draw(below: 20))
            let y = (0 ..< m).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            // Negative counts too: the packing sign-extends them, and so must the hasher.
            let counts = (0 ..< classes).map { _ in Int(bitPattern: UInt(g.next())) >> Int(g.draw(below: 64)) }
            let salt = Hash32(words: (g.next(), g.next(), g.next(), g.next()))
            let sender = Address(index: g.next()), contract = Address(index: g.next())
            let round = Int(g.draw(below: 1000))
            for scheme in [CommitmentScheme.paper, .bound] {
                var values: [PackedEncoding.Value] = [.bytes(y), .uint256Array(counts), .bytes32(salt)]
                if scheme == .bound { values += [.address(sender), .address(contract), .uint256(round)] }
                let reference = Keccak256.hash(PackedEncoding.encode(values))
                let commitment = HashCommit.labels(
                    y, labelCount: counts, salt: salt, scheme: scheme, sender: sender,
                    contract: contract, round: round)
                #expect(commitment == reference, "seed \(seed), scheme \(scheme)")
            }
        }
    }

    @Test func indexAddressIsTheLast20BytesOfTheHashedWord() {
        for index in [0, 1, 0x1000, 0xC0_47AC7, UInt64(Int64.max), UInt64(Int64.max) + 1, .max] as [UInt64] {
            var word = [UInt8](repeating: 0, count: 32)
            for k in 0 ..< 8 { word[31 - k] = UInt8(truncatingIfNeeded: index >> UInt64(8 * k)) }
            let digest = Keccak256.hash(word).bytes
            #expect(Address(index: index) == Address(bytes: Array(digest[12 ..< 32])), "index \(index)")
        }
    }
}
