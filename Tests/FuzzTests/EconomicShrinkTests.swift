import Adversary
import Mechanisms
import Testing

@testable import Fuzz

/// Shrinking an economic violation: smaller, still failing with the same seeds, deterministic.
@Suite struct EconomicShrinkTests {
    /// Trusted labelCounts (label_count = "paper") let a lie move the others' payouts; with the
    /// recomputed count ("verified") the lie is slashed like a missing reveal and moves nothing.
    static func literal() -> Federation {
        var knobs = Knobs.paper
        knobs.payout = .balanced
        return EconomicFixture.federation(workers: 8, samples: 60, classes: 5, knobs: knobs, replications: 8)
    }

    @Test func labelCountLieIsCaughtUnderTrustedCountsOnly() throws {
        let f = Self.literal()
        let property = EconomicProperty()
        let verdict = try property.scenario(.labelCountIntegrity, f).judge(f, confidence: 0.99)
        #expect(verdict.violated)
        #expect(verdict.test.rule == .exact && verdict.test.maximum >= 1)
        var hardened = f
        hardened.knobs = .hardened
        let fixed = try property.scenario(.labelCountIntegrity, hardened).judge(hardened, confidence: 0.99)
        #expect(!fixed.violated)
        #expect(fixed.test.maximum == 0)
    }

    @Test func shrunkFederationIsSmallerAndStillFails() throws {
        let f = Self.literal()
        let property = EconomicProperty()
        func fails(_ g: Federation) throws -> Bool {
            try property.scenario(.labelCountIntegrity, g).judge(g, confidence: 0.99).violated
        }
        let (small, spent) = try f.shrunk(limit: 100, stillFails: fails)
        #expect(small.complexity < f.complexity)
        #expect(small.workers < f.workers && small.samples < f.samples && small.classes < f.classes)
        #expect(small.noiseSeed == f.noiseSeed)
        #expect(try fails(small))
        #expect(spent <= 100)
        let (again, spentAgain) = try f.shrunk(limit: 100, stillFails: fails)
        #expect(again == small && spentAgain == spent)
        let (unshrunk, none) = try f.shrunk(limit: 0, stillFails: fails)
        #expect(unshrunk == f && none == 0)
    }

    /// A copier under the paper's commitment (no sender bound) reveals its target's payload
    /// and is paid; under `bound` the contract refuses the copied reveal and slashes it.
    @Test func copierFreeRidesOnlyWithUnboundCommitments() throws {
        var knobs = Knobs.hardened
        knobs.commitment = .paper
        let f = EconomicFixture.federation(workers: 4, samples: 30, classes: 3, knobs: knobs, replications: 1)
        var seats = EconomicFixture.honestWorld(f)
        seats[3] = SeatPlan(strategy: CommitmentCopierStrategy(target: 0), modelOwner: 3)
        let noise = ReplicationNoise(federation: f, replication: 0)
        let unbound = try EconomicRound.play(f, seats: seats, noise: noise)
        #expect(unbound.settled[3] && unbound.revealed[3] == unbound.revealed[0])
        var bound = f
        bound.knobs = .hardened
        let refused = try EconomicRound.play(bound, seats: seats, noise: noise)
        #expect(!refused.settled[3] && refused.net[3] == -f.deposit)
    }
}
