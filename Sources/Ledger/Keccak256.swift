/// Keccak-256 exactly as the EVM computes it (`keccak256` in Solidity).
///
/// Goals, in priority order: bit-exact agreement with the EVM, then speed (about 100 MB in a
/// few seconds in release builds), then brevity.
///
/// This is the original Keccak submission with capacity 512 and rate 136 bytes, padded with the
/// Keccak multi-rate padding `0x01 ... 0x80` (pad10*1). It is *not* FIPS 202 SHA3-256, which
/// pads with `0x06 ... 0x80` and gives different digests. Lanes are 64-bit little-endian words,
/// lane `(x, y)` at index `x + 5y`; Keccak-f[1600] runs 24 rounds of theta, rho, pi, chi and iota.
///
/// Use it one-shot, `Keccak256.hash(bytes)`, or streaming:
/// ```swift
/// var hasher = Keccak256()
/// hasher.update(part1)
/// hasher.update(part2)
/// let digest = hasher.finalize()
/// ```
public struct Keccak256: Sendable {
    /// The rate in bytes: the block size absorbed per permutation.
    public static let rate = 136

    /// The 25 lanes of the sponge state, inline (no heap storage).
    private var state = InlineArray<25, UInt64>(repeating: 0)
    /// Input not yet absorbed, always shorter than one block: `pendingCount` bytes of `pending`.
    private var pending = InlineArray<136, UInt8>(repeating: 0)
    private var pendingCount = 0

    /// A hasher with nothing absorbed yet.
    public init() {}

    /// The Keccak-256 digest of `bytes`.
    /// - Complexity: O(n).
    public static func hash(_ bytes: [UInt8]) -> Hash32 {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The Keccak-256 digest of the UTF-8 bytes of `text`.
    /// - Complexity: O(n).
    public static func hash(utf8 text: String) -> Hash32 {
        hash(Array(text.utf8))
    }

    /// Absorbs more input.
    /// - Complexity: O(n).
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Absorbs more input from raw memory; whole blocks are read in place, without copying.
    /// - Complexity: O(n).
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var cursor = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        var count = pendingCount
        let rate = Self.rate
        withUnsafeMutablePointer(to: &state) { lanes in
            let s = UnsafeMutableRawPointer(lanes).assumingMemoryBound(to: UInt64.self)
            withUnsafeMutablePointer(to: &pending) { buffer in
                let p = UnsafeMutableRawPointer(buffer)
                if count > 0 {
                    let take = min(rate - count, remaining)
                    (p + count).copyMemory(from: cursor, byteCount: take)
                    cursor += take
                    remaining -= take
                    count += take
                    guard count == rate else { return }
                    Self.absorb(block: UnsafeRawPointer(p), into: s)
                    count = 0
                }
                while remaining >= rate {
                    Self.absorb(block: cursor, into: s)
                    cursor += rate
                    remaining -= rate
                }
                if remaining > 0 {
                    p.copyMemory(from: cursor, byteCount: remaining)
                    count = remaining
                }
            }
        }
        pendingCount = count
    }

    /// Pads the input (`0x01`, zeros, `0x80`; `0x81` when one byte is left) and returns the
    /// first 32 bytes of the state: the first four lanes, little-endian.
    /// - Complexity: one permutation.
    public consuming func finalize() -> Hash32 {
        let count = pendingCount, rate = Self.rate
        var lanes = state, block = pending
        return withUnsafeMutablePointer(to: &lanes) { lanes in
            let s = UnsafeMutableRawPointer(lanes).assumingMemoryBound(to: UInt64.self)
            withUnsafeMutablePointer(to: &block) { buffer in
                let p = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
                (p + count).update(repeating: 0, count: rate - count)
                p[count] = 0x01
                p[rate - 1] |= 0x80
                Self.absorb(block: UnsafeRawPointer(p), into: s)
            }
            // Lane k holds digest bytes 8k ..< 8k + 8 little-endian; Hash32 words are big-endian.
            return Hash32(words: (s[0].byteSwapped, s[1].byteSwapped, s[2].byteSwapped, s[3].byteSwapped))
        }
    }

    /// XORs one 136-byte block into the first 17 lanes and permutes.
    @inline(__always)
    private static func absorb(block: UnsafeRawPointer, into s: UnsafeMutablePointer<UInt64>) {
        for i in 0 ..< 17 {
            let word = block.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
            s[i] ^= UInt64(littleEndian: word)
        }
        permute(s)
    }

    /// The round constants of iota.
    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A,
        0x8000_0000_8000_8000, 0x0000_0000_0000_808B, 0x0000_0000_8000_0001,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8009, 0x0000_0000_0000_008A,
        0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089,
        0x8000_0000_0000_8003, 0x8000_0000_0000_8002, 0x8000_0000_0000_0080,
        0x0000_0000_0000_800A, 0x8000_0000_8000_000A, 0x8000_0000_8000_8081,
        0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]

    @inline(__always)
    private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { x &<< n | x &>> (64 &- n) }

    /// Keccak-f[1600] on the 25 lanes at `s`, unrolled within a round; `aXY` is lane
    /// `x + 5y` written as a two-digit index, `c` the column parities, `d` the theta offsets.
    private static func permute(_ s: UnsafeMutablePointer<UInt64>) {
        var a00 = s[0], a01 = s[1], a02 = s[2], a03 = s[3], a04 = s[4]
        var a05 = s[5], a06 = s[6], a07 = s[7], a08 = s[8], a09 = s[9]
        var a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14]
        var a15 = s[15], a16 = s[16], a17 = s[17], a18 = s[18], a19 = s[19]
        var a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24]
        roundConstants.withUnsafeBufferPointer { rc in
            for round in 0 ..< 24 {
                // theta
                let c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20, c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21
                let c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22, c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23
                let c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24
                let d0 = c4 ^ rotl(c1, 1), d1 = c0 ^ rotl(c2, 1), d2 = c1 ^ rotl(c3, 1)
                let d3 = c2 ^ rotl(c4, 1), d4 = c3 ^ rotl(c0, 1)
                // rho and pi: B[y, 2x + 3y] = rotl(A[x, y] ^ D[x], r[x, y])
                let b00 = a00 ^ d0, b01 = rotl(a06 ^ d1, 44)
                let b02 = rotl(a12 ^ d2, 43), b03 = rotl(a18 ^ d3, 21)
                let b04 = rotl(a24 ^ d4, 14)
                let b05 = rotl(a03 ^ d3, 28), b06 = rotl(a09 ^ d4, 20)
                let b07 = rotl(a10 ^ d0, 3), b08 = rotl(a16 ^ d1, 45)
                let b09 = rotl(a22 ^ d2, 61)
                let b10 = rotl(a01 ^ d1, 1), b11 = rotl(a07 ^ d2, 6)
                let b12 = rotl(a13 ^ d3, 25), b13 = rotl(a19 ^ d4, 8)
                let b14 = rotl(a20 ^ d0, 18)
                let b15 = rotl(a04 ^ d4, 27), b16 = rotl(a05 ^ d0, 36)
                let b17 = rotl(a11 ^ d1, 10), b18 = rotl(a17 ^ d2, 15)
                let b19 = rotl(a23 ^ d3, 56)
                let b20 = rotl(a02 ^ d2, 62), b21 = rotl(a08 ^ d3, 55)
                let b22 = rotl(a14 ^ d4, 39), b23 = rotl(a15 ^ d0, 41)
                let b24 = rotl(a21 ^ d1, 2)
                // chi and iota
                a00 = b00 ^ (~b01 & b02) ^ rc[round]
                a01 = b01 ^ (~b02 & b03)
                a02 = b02 ^ (~b03 & b04)
                a03 = b03 ^ (~b04 & b00)
                a04 = b04 ^ (~b00 & b01)
                a05 = b05 ^ (~b06 & b07)
                a06 = b06 ^ (~b07 & b08)
                a07 = b07 ^ (~b08 & b09)
                a08 = b08 ^ (~b09 & b05)
                a09 = b09 ^ (~b05 & b06)
                a10 = b10 ^ (~b11 & b12)
                a11 = b11 ^ (~b12 & b13)
                a12 = b12 ^ (~b13 & b14)
                a13 = b13 ^ (~b14 & b10)
                a14 = b14 ^ (~b10 & b11)
                a15 = b15 ^ (~b16 & b17)
                a16 = b16 ^ (~b17 & b18)
                a17 = b17 ^ (~b18 & b19)
                a18 = b18 ^ (~b19 & b15)
                a19 = b19 ^ (~b15 & b16)
                a20 = b20 ^ (~b21 & b22)
                a21 = b21 ^ (~b22 & b23)
                a22 = b22 ^ (~b23 & b24)
                a23 = b23 ^ (~b24 & b20)
                a24 = b24 ^ (~b20 & b21)
            }
        }
        s[0] = a00; s[1] = a01; s[2] = a02; s[3] = a03; s[4] = a04
        s[5] = a05; s[6] = a06; s[7] = a07; s[8] = a08; s[9] = a09
        s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14
        s[15] = a15; s[16] = a16; s[17] = a17; s[18] = a18; s[19] = a19
        s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24
    }
}
