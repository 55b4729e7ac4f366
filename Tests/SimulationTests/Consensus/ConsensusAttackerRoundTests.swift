import Adversary
import Ledger
import Mechanisms
import Testing

@testable import Simulation

/// The consensus attackers of `Adversary` played through the Ledger's consensus contract by
/// `ConsensusRound`. The task is its own true result T = [3, 1, 4, 1, 5]; input [9, 9, 9].
///
/// Expected payouts from the clauses of section VI (README, "Consensus") with d = 1000,
/// r = 900, n = 3 (payout = refund + share; utility = payout - d):
/// - all three reveal the same result: d + r/3 = 1300 each, refund 0, slashed 0;
/// - one worker fails (no reveal, refused reveal, or a result in E_ck): it gets 0, the two
///   others d/2 = 500; slashed 3000 - 1000 = 2000, refund r = 900;
/// - all submit and one result differs: 500 each, slashed 1500, refund 900.
@Suite("Consensus attackers through the contract") struct ConsensusAttackerRoundTests {
    typealias Task = [UInt8]
    static let truth: Task = [3, 1, 4, 1, 5]

    /// σt for this task: reveals the task itself.
    struct Honest: ConsensusWorker, Sendable {
        var name: String { "honest" }
        func action(for task: Task) -> ConsensusAction { .reveal(task) }
    }

    static func play(
        _ workers: [any ConsensusWorker<Task>], commitment: CommitmentScheme = .bound,
        deposit: Int = 1000, reward: Int = 900
    ) throws -> ConsensusRoundOutcome {
        let round = ConsensusRound(
            deposit: deposit, reward: reward, input: [9, 9, 9], commitment: commitment)
        let outcome = try round.play(Self.truth, workers: workers)
        #expect(outcome.contract.checkInvariants().isEmpty)
        return outcome
    }

    static let agreed = [1300, 1300, 1300]

    @Test func lazyGuessInTheJunkSetCountsAsNoSubmission() throws {
        let outcome = try Self.play([Honest(), Honest(), LazyGuesser(fixed: [9, 9, 9])])
        #expect(outcome.payouts == [500, 500, 0] && outcome.utilities == [-500, -500, -1000])
        #expect(outcome.record.slashed == [ConsensusRound.worker(2)])
        #expect(outcome.record.slashedAmount == 2000 && outcome.record.requesterRefund == 900)
    }

    @Test func lazyGuessOutsideTheJunkSetBreaksConsensus() throws {
        let outcome = try Self.play([Honest(), LazyGuesser(fixed: [7, 7, 7]), Honest()])
        #expect(outcome.payouts == [500, 500, 500] && outcome.record.slashed.isEmpty)
        #expect(outcome.record.slashedAmount == 1500 && outcome.record.requesterRefund == 900)
    }

    @Test func lazyGuessThatHappensToBeRightIsPaid() throws {
        let outcome = try Self.play([Honest(), LazyGuesser { $0 }, Honest()])
        #expect(outcome.payouts == Self.agreed && outcome.record.requesterRefund == 0)
    }

    @Test func junkLosesTheDepositAndHalvesTheOthers() throws {
        for junk in [JunkSubmitter<Task>.allZero(bytes: 5), .allOne(bytes: 5), .init { _ in [9, 9, 9] }] {
            let outcome = try Self.play([junk, Honest(), Honest()])
            #expect(outcome.payouts == [0, 500, 500])
            #expect(outcome.record.slashed == [ConsensusRound.worker(0)])
            #expect(outcome.record.slashedAmount == 2000 && outcome.record.requesterRefund == 900)
        }
    }

    /// Under `paper` the copied payload opens the copied commitment: the copier free-rides and
    /// earns exactly what the honest worker it copies earns.
    @Test func copierFreeRidesUnderThePaperCommitment() throws {
        let outcome = try Self.play(
            [Honest(), Honest(), CommitmentCopier(target: 0)], commitment: .paper)
        #expect(outcome.payouts == Self.agreed && outcome.refusedReveals.isEmpty)
        #expect(outcome.contract.seats[2].commitment == outcome.contract.seats[0].commitment)
        #expect(outcome.record.slashedAmount == 0 && outcome.record.requesterRefund == 0)
    }

    /// Under `bound` the copied reveal is refused as a mismatch; the copier failed to
    /// de-commit and is slashed.
    @Test func copierIsRefusedUnderTheBoundCommitment() throws {
        let outcome = try Self.play([Honest(), CommitmentCopier(target: 0), Honest()])
        #expect(outcome.payouts == [500, 0, 500] && outcome.utilities == [-500, -1000, -500])
        #expect(Array(outcome.refusedReveals.keys) == [1])
        guard case .revealMismatch(let sender, _, _)? = outcome.refusedReveals[1] else {
            Issue.record("expected a reveal mismatch, got \(outcome.refusedReveals)")
            return
        }
        #expect(sender == ConsensusRound.worker(1))
        #expect(outcome.record.slashed == [ConsensusRound.worker(1)])
        #expect(outcome.record.slashedAmount == 2000 && outcome.record.requesterRefund == 900)
    }

    /// A copier of a worker that never commits commits nothing itself.
    @Test func copierOfANonSubmitterCommitsNothing() throws {
        let outcome = try Self.play(
            [NonSubmitting(), CommitmentCopier(target: 0), Honest()], commitment: .paper)
        #expect(outcome.contract.seats[1].commitment == nil && outcome.refusedReveals.isEmpty)
        #expect(outcome.payouts == [0, 0, 500] && outcome.record.slashedAmount == 2500)
    }

    /// When everybody agrees, revealing pays d + r/n = 1300 >= d: the withholder reveals; two
    /// withholders each assume the other reveals.
    @Test func withholderRevealsWhenAllAgree() throws {
        let one = try Self.play([Honest(), Honest(), Withholder(committingLike: Honest())])
        #expect(one.payouts == Self.agreed && one.withheld.isEmpty)
        let two = try Self.play(
            [Withholder(committingLike: Honest()), Honest(), Withholder(committingLike: Honest())])
        #expect(two.payouts == Self.agreed && two.withheld.isEmpty)
        // r = 0: revealing pays exactly d back, which is not less than d.
        let free = try Self.play([Honest(), Withholder(committingLike: Honest())], reward: 0)
        #expect(free.payouts == [1000, 1000] && free.withheld.isEmpty)
    }

    /// A false result elsewhere: revealing would pay d/2 = 500 < d, so it withholds and gets
    /// 0 instead of 500; the others get 500 either way.
    @Test func withholderWithholdsWhenConsensusFails() throws {
        let outcome = try Self.play(
            [Honest(), LazyGuesser(fixed: [7, 7, 7]), Withholder(committingLike: Honest())])
        #expect(outcome.withheld == [2] && outcome.contract.seats[2].reveal == nil)
        #expect(outcome.payouts == [500, 500, 0] && outcome.record.slashed == [ConsensusRound.worker(2)])
        #expect(outcome.record.slashedAmount == 2000 && outcome.record.requesterRefund == 900)
    }

    /// The withholder's dry run counts the copier that copies it (under `paper`).
    @Test func withholderCopiedUnderPaperStillReveals() throws {
        let outcome = try Self.play(
            [Honest(), Withholder(committingLike: Honest()), CommitmentCopier(target: 1)],
            commitment: .paper)
        #expect(outcome.payouts == Self.agreed && outcome.withheld.isEmpty)
    }
}
