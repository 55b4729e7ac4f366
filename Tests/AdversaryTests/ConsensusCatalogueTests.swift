import Testing

@testable import Adversary

/// The consensus strategies of `StrategyCatalog.standard`, each doing what its documentation
/// says on a hand-made task.
@Suite("Consensus catalogue") struct ConsensusCatalogueTests {
    static let task = SyntheticConsensusTask(input: [9, 9], truth: [1, 2, 3], guess: [7, 7, 7])

    func action(_ name: String, _ p: ConsensusStrategyParameters = .init(), slot: Int = 0) throws -> ConsensusAction {
        try #require(StrategyCatalog.standard.consensusWorker(named: name, parameters: p, slot: slot)).action(for: Self.task)
    }

    @Test func namesAreRegisteredInOrder() {
        #expect(StrategyCatalog.standard.consensusNames == [
            "honest", "non-submitting", "lazy-guesser", "junk-submitter", "commitment-copier",
            "reveal-withholder", "coalition",
        ])
        #expect(StrategyCatalog.standard.consensusWorker(named: "heuristic", parameters: .init()) == nil)
    }

    @Test func eachStrategyActsAsDocumented() throws {
        #expect(try action("honest") == .reveal([1, 2, 3]))
        #expect(try action("non-submitting") == .registerOnly)
        #expect(try action("lazy-guesser") == .reveal([7, 7, 7]))
        #expect(try action("junk-submitter", .init(junk: .allZero)) == .reveal([0, 0, 0]))
        #expect(try action("junk-submitter", .init(junk: .allOne)) == .reveal([0xFF, 0xFF, 0xFF]))
        #expect(try action("junk-submitter", .init(junk: .equalInput)) == .reveal([9, 9]))
        #expect(try action("commitment-copier", .init(copyTarget: 2)) == .copyCommitment(of: 2))
        #expect(try action("reveal-withholder") == .revealUnlessUnprofitable([1, 2, 3]))
    }

    @Test func coalitionMembersTakeTheSplitsRolesBySlot() throws {
        let p = ConsensusStrategyParameters(coalition: ConsensusCoalition(p: 1, q: 1, l: 1))
        #expect(try action("coalition", p, slot: 0) == .reveal([1, 2, 3]))
        #expect(try action("coalition", p, slot: 1) == .reveal(ConsensusCoalition.defaultJunk(tag: 1)))
        #expect(try action("coalition", p, slot: 2) == .registerOnly)
        let sigma3 = ConsensusStrategyParameters(coalition: .sigma3(size: 2))
        #expect(try action("coalition", sigma3, slot: 0) == action("coalition", sigma3, slot: 1))
    }
}
