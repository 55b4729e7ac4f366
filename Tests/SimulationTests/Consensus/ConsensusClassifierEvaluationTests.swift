import Adversary
import Learning
import Ledger
import Testing

@testable import Simulation

/// Instantiation (1) of Lu, Tang and Wang, section V: evaluating a classifier on a test subset
/// chosen by the requester's coin, through the Ledger's consensus contract.
///
/// Expected payouts from the n-worker clauses of section VI (Table II) with d = 1000, r = 900,
/// n = 3 (payout = deposit refund + reward share; utility = payout - d):
/// - all three reveal the same result: each gets d + r/n = 1000 + 900/3 = 1300 (utility +300),
///   refund r - 3 * 300 = 0, slashed 0;
/// - one worker fails (no commit, or a result in E_ck): it gets 0 (utility -1000), the two
///   that submitted get d/2 = 500 (utility -500), slashed 3000 - 1000 = 2000, refund r = 900;
/// - all submit, one result differs: all three get d/2 = 500, slashed 3 * 500 = 1500,
///   refund 900.
@Suite("Consensus classifier evaluation") struct ConsensusClassifierEvaluationTests {
    typealias F = ConsensusFixture

    static func task(_ data: LabelledImages, k: Int = 64, coin: Hash32 = F.coin) -> ClassifierEvaluation {
        ClassifierEvaluation(model: F.evaluatedModel(data), testSet: data, subsetSize: k, coin: coin)
    }

    /// The same coin picks the same subset, another coin another; the first two draws follow
    /// the partial Fisher-Yates shuffle computed by hand from block 0 of r.
    @Test func subsetIsFixedByTheCoin() throws {
        let n = try F.testSet().count
        let subset = ClassifierEvaluation.drawSubset(coin: F.coin, size: 64, from: n)
        #expect(subset == ClassifierEvaluation.drawSubset(coin: F.coin, size: 64, from: n))
        #expect(Set(subset).count == 64 && subset.allSatisfy { (0 ..< n).contains($0) })
        let other = ClassifierEvaluation.drawSubset(coin: F.otherCoin, size: 64, from: n)
        #expect(other != subset && Set(other) != Set(subset))

        let block0 = Keccak256.hash(F.coin.bytes + F.uint256(0)).bytes
        let w0 = F.word(block0, 0), w1 = F.word(block0, 1)
        // Neither word is rejected: both exceed 2^64 mod 10000 and 2^64 mod 9999.
        #expect(w0 >= (0 &- 10_000) % 10_000 && w1 >= (0 &- 9_999) % 9_999)
        let first = Int(w0 % 10_000)
        let j = 1 + Int(w1 % 9_999)  // swap position 1 with j; position `first` now holds 0
        #expect(subset[0] == first)
        #expect(subset[1] == (j == first ? 0 : j))
    }

    /// The honest result is the argmax-versus-label bit of each subset sample, packed MSB
    /// first; its popcount / k is the model's own accuracy on the subset.
    @Test func indicatorMatchesArgmaxOfPredict() throws {
        let data = try F.testSet()
        let task = Self.task(data)
        let result = task.honestResult()
        #expect(result.count == 64 && result.bytes.count == 8)

        let features = data.rows * data.columns
        let pixels = task.subset.flatMap { data.pixels[$0 * features ..< ($0 + 1) * features] }
        let labels = task.subset.map { Int(data.labels[$0]) }
        let probabilities = task.model.predict(pixels: pixels, count: 64)
        let expected = (0 ..< 64).map { i in
            let row = Array(probabilities.storage[i * 10 ..< i * 10 + 10])
            return row.firstIndex(of: row.max()!)! == labels[i]
        }
        #expect(result.flags == expected)
        for i in 0 ..< 64 {
            #expect((result.bytes[i / 8] >> (7 - UInt8(i % 8))) & 1 == (expected[i] ? 1 : 0))
        }
        let accuracy = task.model.accuracy(pixels: pixels, labels: labels)
        #expect(Double(result.correct) / 64 == accuracy)
        #expect(result.precision == accuracy)
        // Neither useless nor perfect, so the honest result is not in E_ck.
        #expect(result.correct > 0 && result.correct < 64)
    }

    /// Packing, by hand: 1011 0000 | 1 -> [0xB0, 0x80]; set padding bits are refused.
    @Test func indicatorPacking() {
        let flags = [true, false, true, true, false, false, false, false, true]
        let string = IndicatorString(flags)
        #expect(string.bytes == [0xB0, 0x80] && string.correct == 4 && string.description == "101100001")
        #expect(IndicatorString(bytes: [0xB0, 0x80], count: 9) == string)
        #expect(IndicatorString(bytes: [0xB0, 0x81], count: 9) == nil)
        #expect(IndicatorString(bytes: [0xB0], count: 9) == nil)
    }

    /// Three honest workers agree and each gets d + r/3 = 1300.
    @Test func threeHonestWorkersShareTheReward() throws {
        let task = try Self.task(F.testSet())
        let outcome = try task.run(
            [HonestEvaluator(), HonestEvaluator(), HonestEvaluator()],
            deposit: F.deposit, reward: F.reward)
        let honest = task.honestResult().bytes
        #expect(outcome.actions == Array(repeating: .reveal(honest), count: 3))
        #expect(outcome.payouts == [1300, 1300, 1300])
        #expect(outcome.utilities == [300, 300, 300])
        #expect(outcome.record.requesterRefund == 0 && outcome.record.slashedAmount == 0)
        #expect(outcome.record.slashed.isEmpty && outcome.contract.checkInvariants().isEmpty)
    }

    /// k = 64: "every sample correct" is eight 0xFF bytes, in E_ck (allOne): the lazy worker
    /// loses d, the honest ones get d/2 = 500 each.
    @Test func claimingEverySampleCorrectIsJunk() throws {
        let task = try Self.task(F.testSet(), k: 64)
        let outcome = try task.run(
            [HonestEvaluator(), HonestEvaluator(), ClaimsAllCorrect()],
            deposit: F.deposit, reward: F.reward)
        #expect(outcome.actions[2] == .reveal([UInt8](repeating: 0xFF, count: 8)))
        #expect(outcome.payouts == [500, 500, 0])
        #expect(outcome.utilities == [-500, -500, -1000])
        #expect(outcome.record.slashed == [ConsensusRound.worker(2)])
        #expect(outcome.record.slashedAmount == 2000 && outcome.record.requesterRefund == 900)
        #expect(outcome.contract.balance(of: outcome.contract.deployer) == 900)
    }

    /// k = 60: the all-ones claim ends in 0xF0 (padding), escapes allOne and counts as a false
    /// result: everybody, the lazy worker included, gets d/2 = 500.
    @Test func claimingEverySampleCorrectWithPaddingIsAFalseResult() throws {
        let task = try Self.task(F.testSet(), k: 60)
        let outcome = try task.run(
            [HonestEvaluator(), ClaimsAllCorrect(), HonestEvaluator()],
            deposit: F.deposit, reward: F.reward)
        #expect(outcome.actions[1].committedResult?.last == 0xF0)
        #expect(outcome.payouts == [500, 500, 500])
        #expect(outcome.record.slashed.isEmpty && outcome.record.slashedAmount == 1500)
        #expect(outcome.record.requesterRefund == 900)
    }

    /// Evaluating on another coin's subset gives a different string: all three get d/2.
    @Test func evaluatingAnotherSubsetIsAFalseResult() throws {
        let task = try Self.task(F.testSet())
        let outcome = try task.run(
            [HonestEvaluator(), EvaluatesOtherSubset(otherCoin: F.otherCoin), HonestEvaluator()],
            deposit: F.deposit, reward: F.reward)
        #expect(outcome.actions[1] != outcome.actions[0] && outcome.actions[0] == outcome.actions[2])
        #expect(outcome.payouts == [500, 500, 500])
        #expect(outcome.utilities == [-500, -500, -500])
        #expect(outcome.record.slashed.isEmpty && outcome.record.slashedAmount == 1500)
        #expect(outcome.record.requesterRefund == 900)
    }

    /// A worker that registers and never commits loses d; the others get d/2.
    @Test func notSubmittingLosesTheDeposit() throws {
        let task = try Self.task(F.testSet())
        let outcome = try task.run(
            [NonSubmitting(), HonestEvaluator(), HonestEvaluator()],
            deposit: F.deposit, reward: F.reward)
        #expect(outcome.payouts == [0, 500, 500])
        #expect(outcome.record.slashed == [ConsensusRound.worker(0)])
        #expect(outcome.record.slashedAmount == 2000 && outcome.record.requesterRefund == 900)
        #expect(outcome.contract.checkInvariants().isEmpty)
    }
}
