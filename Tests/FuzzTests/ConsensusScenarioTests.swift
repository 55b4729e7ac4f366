import Adversary
import Mechanisms
import Testing

@testable import Fuzz

/// The consensus economic properties on hand-made federations, against utilities worked out
/// from Lu, Tang and Wang's reward clauses (section VI): all n agree, d + r/n each; results
/// differ, d/2 each; a worker fails (no result, E_ck, a refused reveal), it gets 0 and every
/// worker that submitted gets d/2. A utility is the payout minus d.
@Suite("Consensus scenarios") struct ConsensusScenarioTests {
    static let d = 1_000_000, r = 300_000

    func federation(
        _ background: [String], commitment: CommitmentScheme = .bound, focal: Int = 0
    ) -> ConsensusFederation {
        ConsensusFederation(
            workers: background.count, deposit: Self.d, reward: Self.r, commitment: commitment,
            junk: .paper, input: [], resultLength: 8, background: background,
            parameters: ConsensusStrategyParameters(), focal: focal, replications: 3, noiseSeed: 42)
    }

    func verdict(_ id: FuzzPropertyID, _ f: ConsensusFederation) throws -> ScenarioVerdict {
        try ConsensusScenario.make(id, f).judge(f, confidence: 0.99)
    }

    @Test func aLazyWorkerIsRefundedLikeAnHonestOneOnceAnotherFails() throws {
        // Seat 2 fails: seat 0 gets d/2 whether it computed or guessed; guessing saves c = 1.
        let v = try verdict(.noFreeRiding, federation(["honest", "honest", "non-submitting"]))
        #expect(v.violated && v.label.contains("lazy guess"))
        #expect(v.test.maximum == Double(ConsensusFederation.computingCost))
    }

    @Test func freeRidingDoesNotPayAmongHonestWorkersUnderTheBoundCommitment() throws {
        let v = try verdict(.noFreeRiding, federation(["honest", "honest", "honest"]))
        #expect(!v.violated)
        // The nearest comparison is the lazy guess: d/2 - d = -500,000 against r/3 = 100,000, plus c.
        #expect(v.test.mean == Double(-500_000 - 100_000 + 1))
    }

    @Test func aCopiedCommitmentOpensUnderThePaperCommitment() throws {
        // The copier reveals seat 1's payload, all three agree, and it earns r/3 like seat 0
        // would have: the gain is the saved c.
        let v = try verdict(.noFreeRiding, federation(["honest", "honest", "honest"], commitment: .paper))
        #expect(v.violated && v.label.contains("copies seat 1"))
        #expect(v.test.mean == 1)
    }

    @Test func aCommonLazyGuessBeatsTheTruth() throws {
        // Among lazy workers holding one guess, revealing it shares r (100,000 each) while
        // the truth breaks the agreement (-500,000).
        let v = try verdict(.honestDominatesHeuristic, federation(["honest", "honest", "honest"]))
        #expect(v.violated && v.label.contains("every other seat guessing lazily"))
        #expect(v.test.mean == Double(100_000 + 500_000))
    }

    @Test func withholdingAndSmallCoalitionsDoNotPay() throws {
        let f = federation(["honest", "honest", "honest"])
        let withhold = try verdict(.withholdingUnprofitable, f)
        #expect(!withhold.violated && withhold.test.maximum == 0)
        // A coalition of one: junk gives d/2 - d = -500,000 against r/3; nothing gives -d.
        let collude = try verdict(.honestDominatesCollusion, f)
        #expect(!collude.violated && collude.test.mean == Double(-500_000 - 100_000))
    }

    @Test func aViolationShrinksToTheFocalSeatAndTheFailingOne() throws {
        let f = federation(["honest", "honest", "honest", "non-submitting", "lazy-guesser"])
        #expect(try verdict(.noFreeRiding, f).violated)
        let (minimal, steps) = try f.shrunk(limit: 100) { try verdict(.noFreeRiding, $0).violated }
        #expect(steps > 0 && minimal.workers == 2 && minimal.replications == 1 && minimal.resultLength == 1)
        #expect(minimal.background.contains("non-submitting"))
        #expect(try verdict(.noFreeRiding, minimal).violated)
    }

    @Test func everyConsensusPropertyHasAScenarioAndOthersAreNotJudged() {
        let judged = FuzzPropertyID.allCases.filter { $0.judgedOnConsensus && $0.layer == .economic }
        #expect(judged == [.noFreeRiding, .honestDominatesHeuristic, .honestDominatesCollusion, .withholdingUnprofitable])
        let f = federation(["honest", "honest"])
        for id in judged { #expect(!ConsensusScenario.make(id, f).comparisons.isEmpty) }
    }
}
