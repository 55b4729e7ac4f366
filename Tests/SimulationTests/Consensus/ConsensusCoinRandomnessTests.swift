import Ledger
import Testing

@testable import Simulation

/// `CoinRandomness`: h(r || ctr) = keccak256(r || uint256 ctr), assembled by hand here, with
/// the blocks of r = 0x0102...20 also fixed by pycryptodome 4.x:
/// `keccak.new(digest_bits=256, data=bytes(range(1, 33)) + ctr.to_bytes(32, 'big')).hexdigest()`.
@Suite("Consensus coin randomness") struct ConsensusCoinRandomnessTests {
    typealias F = ConsensusFixture
    static let published = [
        "0x506fecd382403ae0a419388b64adab18ca99d6f0438781fd0e64887a242cf560",
        "0x0977641d6d2d0fd53dab886b534d2862f5c5993141113dc0252c2783b9d6ce61",
        "0xf87efebceab0d48fdf2da45918eb9bf54c5ebec623d0f2aed75a6776f982e1a6",
    ]

    /// Block ctr is Keccak-256 of the 64 bytes r || uint256(ctr).
    @Test(arguments: 0 ..< 3) func blockIsHashOfCoinAndCounter(counter: Int) {
        let block = CoinRandomness.block(coin: F.coin, counter: UInt64(counter))
        let preimage = F.coin.bytes + F.uint256(UInt64(counter))
        #expect(preimage.count == 64)
        #expect(block == Keccak256.hash(preimage))
        #expect(block.description == Self.published[counter])
    }

    /// r = 0 and ctr = 0: the Keccak-256 of 64 zero bytes.
    @Test func zeroCoin() {
        #expect(CoinRandomness.block(coin: .zero, counter: 0).description
            == "0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5")
    }

    /// `next()` reads each block as four big-endian words, then moves to the next block.
    @Test func nextReadsFourWordsPerBlock() {
        let block0 = Keccak256.hash(F.coin.bytes + F.uint256(0)).bytes
        let block1 = Keccak256.hash(F.coin.bytes + F.uint256(1)).bytes
        let expected = (0 ..< 4).map { F.word(block0, $0) } + [F.word(block1, 0)]
        var coins = CoinRandomness(coin: F.coin)
        #expect((0 ..< 5).map { _ in coins.next() } == expected)
        #expect(coins.counter == 2)
        #expect(expected[0] == 0x506f_ecd3_8240_3ae0)
    }

    /// A coin use takes a fresh block, abandoning a partly read one.
    @Test func nextSeedTakesAFreshBlock() {
        var coins = CoinRandomness(coin: F.coin)
        _ = coins.next()
        let seed = coins.nextSeed()
        #expect(seed == F.word(Keccak256.hash(F.coin.bytes + F.uint256(1)).bytes, 0))
        #expect(seed == 0x0977_641d_6d2d_0fd5)
        #expect(coins.counter == 2)
        #expect(coins.next() == F.word(Keccak256.hash(F.coin.bytes + F.uint256(2)).bytes, 0))
    }

    /// `uniform(below:)` is the word modulo the bound when the word is not rejected.
    @Test func uniformIsWordModuloBound() {
        var coins = CoinRandomness(coin: F.coin)
        // 0x506fecd382403ae0 is far above 2^64 mod 10 = 6, so it is accepted.
        #expect(coins.uniform(below: 10) == Int(0x506f_ecd3_8240_3ae0 % 10))
        #expect(coins.uniform(below: 1) == 0)
    }

    /// `sample(n, from: n)` is a permutation; distinct coins give distinct ones.
    @Test func sampleOfEverythingIsAPermutation() {
        var a = CoinRandomness(coin: F.coin)
        var b = CoinRandomness(coin: F.otherCoin)
        let first = a.sample(50, from: 50), second = b.sample(50, from: 50)
        #expect(first.sorted() == Array(0 ..< 50) && second.sorted() == Array(0 ..< 50))
        #expect(first != second)
    }
}
