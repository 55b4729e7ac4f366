import Adversary
import Ledger
import Testing

@testable import Simulation

/// `ConsensusRound` with raw actions, two workers: Table I of Lu, Tang and Wang with d = 1000,
/// r = 900 (utility = payout - d):
/// - σt vs σt: each d + r/2 = 1000 + 450 = 1450 (utility +450), refund 0;
/// - σt vs σe (no reveal, or junk): 500 and 0 (utilities -d/2 = -500 and -d = -1000);
/// - σt vs σf: 500 each (utility -500), slashed 1000, refund 900;
/// - σt vs a worker that never registered: 500 and 0, but only the deposit actually paid in
///   is slashed: paid in 1000 + 900 = 500 payout + 900 refund + 500 slashed.
@Suite("Consensus round") struct ConsensusRoundTests {
    typealias F = ConsensusFixture
    static let truth: [UInt8] = [3, 1, 4, 1, 5]
    static let round = ConsensusRound(deposit: 1000, reward: 900, input: F.coin.bytes)

    static func play(_ actions: [ConsensusAction]) throws -> ConsensusRoundOutcome {
        let outcome = try round.play(actions)
        #expect(outcome.contract.checkInvariants().isEmpty)
        return outcome
    }

    @Test func agreementSplitsTheReward() throws {
        let outcome = try Self.play([.reveal(Self.truth), .reveal(Self.truth)])
        #expect(outcome.payouts == [1450, 1450] && outcome.utilities == [450, 450])
        #expect(outcome.record.requesterRefund == 0 && outcome.record.slashedAmount == 0)
    }

    @Test func withholdingLosesTheDeposit() throws {
        let outcome = try Self.play([.reveal(Self.truth), .commitWithoutReveal(Self.truth)])
        #expect(outcome.payouts == [500, 0] && outcome.utilities == [-500, -1000])
        #expect(outcome.record.slashed == [ConsensusRound.worker(1)])
        #expect(outcome.record.slashedAmount == 1500 && outcome.record.requesterRefund == 900)
    }

    @Test func differentResultsHalveBothDeposits() throws {
        let outcome = try Self.play([.reveal(Self.truth), .reveal([2, 7, 1, 8, 2])])
        #expect(outcome.payouts == [500, 500] && outcome.record.slashedAmount == 1000)
        #expect(outcome.record.slashed.isEmpty && outcome.record.requesterRefund == 900)
    }

    /// All-zero bytes, and the task's input (the coin), are in E_ck: the same as no result.
    @Test(arguments: [[0, 0, 0, 0, 0], F.coin.bytes] as [[UInt8]])
    func junkCountsAsNoResult(junk: [UInt8]) throws {
        let outcome = try Self.play([.reveal(junk), .reveal(Self.truth)])
        #expect(outcome.payouts == [0, 500])
        #expect(outcome.record.slashed == [ConsensusRound.worker(0)])
    }

    @Test func absentWorkerPaysNothingAndCostsTheOtherHalf() throws {
        let outcome = try Self.play([.reveal(Self.truth), .absent])
        #expect(outcome.payouts == [500, 0] && outcome.utilities == [-500, 0])
        #expect(outcome.record.paidIn == 1900 && outcome.record.slashedAmount == 500)
        #expect(outcome.record.slashed.isEmpty && outcome.record.requesterRefund == 900)
    }
}
