import Learning
import Ledger
import Testing

@testable import Simulation

/// `Sequential.weightDigest`: Keccak-256 of a shape header (uint64 big-endian) and every
/// parameter as float32 little-endian. Expected digests are assembled by hand here, and one is
/// also fixed by pycryptodome 4.x:
/// `keccak.new(digest_bits=256, data=header + b''.join(struct.pack('<f', x) for x in W + b))`.
@Suite("Consensus weight digest") struct WeightDigestTests {
    /// Dense 2 -> 3 with W = [1, -2, 0.5; 0.25, -0, 3] (row-major) and b = [0.125, -1, 2].
    static func handBuilt(weights: [Float] = [1, -2, 0.5, 0.25, -0.0, 3],
                          bias: [Float] = [0.125, -1, 2]) -> Sequential {
        let dense = Dense(inputs: 2, outputs: 3, initialisation: .zero, seed: 0)
        dense.parameters = [Matrix(rows: 2, columns: 3, storage: weights),
                            Matrix(rows: 1, columns: 3, storage: bias)]
        return Sequential([dense])
    }

    /// The preimage written out byte by byte: 2 tensors, shapes (2, 3) and (1, 3), then the
    /// nine floats (IEEE-754 binary32, little-endian).
    static let handPreimage: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 2,  // T = 2
        0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3,  // W: 2 x 3
        0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3,  // b: 1 x 3
        0x00, 0x00, 0x80, 0x3F,  // 1.0
        0x00, 0x00, 0x00, 0xC0,  // -2.0
        0x00, 0x00, 0x00, 0x3F,  // 0.5
        0x00, 0x00, 0x80, 0x3E,  // 0.25
        0x00, 0x00, 0x00, 0x80,  // -0.0
        0x00, 0x00, 0x40, 0x40,  // 3.0
        0x00, 0x00, 0x00, 0x3E,  // 0.125
        0x00, 0x00, 0x80, 0xBF,  // -1.0
        0x00, 0x00, 0x00, 0x40,  // 2.0
    ]

    @Test func handBuiltNetworkMatchesHandAssembledBytes() {
        let digest = Self.handBuilt().weightDigest
        #expect(Self.handPreimage.count == 8 + 16 * 2 + 4 * 9)
        #expect(digest == Keccak256.hash(Self.handPreimage))
        #expect(digest.description
            == "0xa1b21f99c5edb7360d0caa9707e52fecca69de3261a1cdd025b406eb39933bc1")
    }

    /// One ulp in one weight (or one bias), and the sign of a zero, change the digest.
    @Test func oneUlpChangesTheDigest() {
        let base = Self.handBuilt().weightDigest
        #expect(Self.handBuilt(weights: [Float(1).nextUp, -2, 0.5, 0.25, -0.0, 3]).weightDigest != base)
        #expect(Self.handBuilt(bias: [0.125, -1, Float(2).nextDown]).weightDigest != base)
        #expect(Self.handBuilt(weights: [1, -2, 0.5, 0.25, 0.0, 3]).weightDigest != base)
    }

    /// Same ten floats in the same order, different shapes: Dense 1->2, ReLU, Dense 2->2 versus
    /// Dense 4->2. The header tells them apart.
    @Test func shapeIsBound() {
        let values: [Float] = (1 ... 10).map { Float($0) / 8 }
        let first = Dense(inputs: 1, outputs: 2, initialisation: .zero, seed: 0)
        first.parameters = [Matrix(rows: 1, columns: 2, storage: Array(values[0 ..< 2])),
                            Matrix(rows: 1, columns: 2, storage: Array(values[2 ..< 4]))]
        let second = Dense(inputs: 2, outputs: 2, initialisation: .zero, seed: 0)
        second.parameters = [Matrix(rows: 2, columns: 2, storage: Array(values[4 ..< 8])),
                             Matrix(rows: 1, columns: 2, storage: Array(values[8 ..< 10]))]
        let deep = Sequential([first, ReLU(), second])
        let single = Dense(inputs: 4, outputs: 2, initialisation: .zero, seed: 0)
        single.parameters = [Matrix(rows: 4, columns: 2, storage: Array(values[0 ..< 8])),
                             Matrix(rows: 1, columns: 2, storage: Array(values[8 ..< 10]))]
        let wide = Sequential([single])
        #expect(deep.flatParameters == wide.flatParameters)
        #expect(deep.weightDigest != wide.weightDigest)
    }

    /// The digest is the hash of the header followed by `flatParameters`, for a seeded MLP.
    @Test func seededNetworksAgreeExactly() {
        let a = Architectures.mlp(inputs: 12, hidden: [5], classes: 3, seed: 7)
        let b = Architectures.mlp(inputs: 12, hidden: [5], classes: 3, seed: 7)
        let c = Architectures.mlp(inputs: 12, hidden: [5], classes: 3, seed: 8)
        #expect(a.weightDigest == b.weightDigest)
        #expect(a.weightDigest != c.weightDigest)
        var preimage: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 4]
        for (rows, columns) in [(12, 5), (1, 5), (5, 3), (1, 3)] {
            preimage += [0, 0, 0, 0, 0, 0, 0, UInt8(rows), 0, 0, 0, 0, 0, 0, 0, UInt8(columns)]
        }
        for value in a.flatParameters {
            let bits = value.bitPattern
            preimage += [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: bits >> $0) }
        }
        #expect(a.weightDigest == Keccak256.hash(preimage))
    }
}
