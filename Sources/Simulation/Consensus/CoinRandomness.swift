// Consensus instantiations of Lu, Tang and Wang (section V): the requester's random coin r,
// expanded into as many public random values as a task needs with the counter trick
// h(r || ctr), ctr = 0, 1, 2, ... Every random choice of both instantiations (the test subset,
// the initial weights, the shuffling order) flows from here, so honest workers agree bit for bit.
import Ledger

/// The stream of public random values the requester's coin r yields (Lu, Tang and Wang,
/// section V: "it will compute and use h(r||ctr) as the coin, and then the counter ctr will
/// increase by one").
///
/// Block `ctr` is Keccak-256 of the coin followed by the counter as a 32-byte big-endian word
/// (a `uint256`, so the first 24 bytes are zero while `ctr < 2^64`):
/// ```solidity
/// keccak256(abi.encodePacked(bytes32 r, uint256 ctr))   // 64-byte preimage
/// ```
/// Two ways to draw, sharing one counter:
/// - `nextBlock()` and `nextSeed()` are one "coin use" each: they take a fresh block
///   (discarding what is left of a partly used one) and advance `counter` by one;
/// - `next()` (the `RandomNumberGenerator` conformance) reads each block as four `UInt64`
///   words, bytes 0–7, 8–15, 16–23, 24–31, each big-endian, and takes the next block after the
///   fourth word.
///
/// Not secret: anyone holding r can replay the stream, which is the point.
public struct CoinRandomness: RandomNumberGenerator, Hashable, Sendable {
    /// The requester's coin r.
    public let coin: Hash32
    /// ctr of the next block to be hashed.
    public private(set) var counter: UInt64
    /// The words of the block in use (empty before the first draw).
    private var words: [UInt64] = []
    /// How many of `words` have been drawn.
    private var used = 0

    /// The stream of `coin`, starting at block `counter`.
    /// - Parameters:
    ///   - coin: the requester's coin r.
    ///   - counter: the first ctr (0 unless resuming a stream).
    public init(coin: Hash32, counter: UInt64 = 0) {
        self.coin = coin
        self.counter = counter
    }

    /// h(r || ctr): `keccak256(abi.encodePacked(bytes32 r, uint256 ctr))`.
    /// - Parameters:
    ///   - coin: r.
    ///   - counter: ctr.
    /// - Complexity: one Keccak-256 block.
    public static func block(coin: Hash32, counter: UInt64) -> Hash32 {
        var preimage = coin.bytes
        preimage.reserveCapacity(64)
        preimage.append(contentsOf: [UInt8](repeating: 0, count: 24))
        for shift in stride(from: 56, through: 0, by: -8) {
            preimage.append(UInt8(truncatingIfNeeded: counter >> UInt64(shift)))
        }
        return Keccak256.hash(preimage)
    }

    /// One coin use: h(r || ctr) for the current ctr, then ctr + 1. A partly drawn block of
    /// `next()` is abandoned.
    public mutating func nextBlock() -> Hash32 {
        let block = Self.block(coin: coin, counter: counter)
        counter += 1
        words = []
        used = 0
        return block
    }

    /// One coin use as a 64-bit seed: the first 8 bytes of `nextBlock()`, big-endian.
    ///
    /// Used to seed the `SplitMix64` streams of weight initialisation and shuffling.
    public mutating func nextSeed() -> UInt64 {
        Self.words(of: nextBlock())[0]
    }

    /// The next 64 random bits: the next big-endian word of the current block, hashing the
    /// next block when the current one is used up.
    public mutating func next() -> UInt64 {
        if used == words.count {
            let block = Self.block(coin: coin, counter: counter)
            counter += 1
            words = Self.words(of: block)
            used = 0
        }
        defer { used += 1 }
        return words[used]
    }

    /// A uniform integer in `0 ..< bound`, without modulo bias: words below
    /// `2^64 mod bound` are rejected, otherwise the word modulo `bound` is returned.
    ///
    /// Written out (rather than `Int.random(in:using:)`) so the draw is fixed by this
    /// definition, not by the standard library's version.
    /// - Parameter bound: the exclusive upper bound, > 0.
    /// - Complexity: O(1) expected.
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "CoinRandomness.uniform: bound must be positive, got \(bound)")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range  // 2^64 mod range
        while true {
            let word = next()
            if word >= threshold { return Int(word % range) }
        }
    }

    /// `count` distinct indices of `0 ..< population`, uniformly at random, in draw order
    /// (a partial Fisher–Yates shuffle): for i = 0, 1, …, count − 1, swap position i of the
    /// identity array with position `i + uniform(below: population − i)` and take position i.
    /// - Parameters:
    ///   - count: how many indices, `0 ... population`.
    ///   - population: the size of the pool.
    /// - Complexity: O(population) memory and O(population + count) time.
    public mutating func sample(_ count: Int, from population: Int) -> [Int] {
        precondition(count >= 0 && count <= population,
                     "CoinRandomness.sample: cannot draw \(count) of \(population)")
        var pool = Array(0 ..< population)
        for i in 0 ..< count {
            pool.swapAt(i, i + uniform(below: population - i))
        }
        return Array(pool[0 ..< count])
    }

    /// The four big-endian words of a block.
    private static func words(of block: Hash32) -> [UInt64] {
        let bytes = block.bytes
        return (0 ..< 4).map { k in
            bytes[8 * k ..< 8 * k + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
    }
}
