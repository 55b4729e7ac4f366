import Ledger
import Mechanisms
import Testing

@testable import Adversary

/// The consensus attackers of `Adversary` as plain data: what each one decides for a task.
/// Their payouts through the contract are checked in `SimulationTests`
/// (`ConsensusAttackerRoundTests`), where `ConsensusRound` carries the actions out.
@Suite("Consensus attackers") struct ConsensusAttackerTests {
    /// The task is just its true result here.
    typealias Task = [UInt8]
    static let truth: [UInt8] = [3, 1, 4, 1, 5]

    @Test func actionsStateWhatTheyCommitAndWhetherTheyRegister() {
        let cases: [(ConsensusAction, [UInt8]?, Bool)] = [
            (.reveal([1]), [1], true), (.commitWithoutReveal([2]), [2], true),
            (.registerOnly, nil, true), (.absent, nil, false),
            (.copyCommitment(of: 0), nil, true), (.revealUnlessUnprofitable([3]), [3], true),
        ]
        for (action, committed, registers) in cases {
            #expect(action.committedResult == committed && action.registers == registers)
        }
    }

    @Test func nonSubmittingOnlyRegisters() {
        #expect(NonSubmitting<Task>().action(for: Self.truth) == .registerOnly)
    }

    @Test func lazyGuesserRevealsItsGuess() {
        #expect(LazyGuesser<Task>(fixed: [7, 7]).action(for: Self.truth) == .reveal([7, 7]))
        let echo = LazyGuesser<Task> { Array($0.prefix(2)) }
        #expect(echo.action(for: Self.truth) == .reveal([3, 1]))
    }

    @Test func junkSubmitterRevealsAResultInTheCommonKnowledgeSet() {
        let zero = JunkSubmitter<Task>.allZero(bytes: 5).action(for: Self.truth)
        let one = JunkSubmitter<Task>.allOne(bytes: 2).action(for: Self.truth)
        let input = JunkSubmitter<Task> { _ in [9, 9, 9] }.action(for: Self.truth)
        #expect(zero == .reveal([0, 0, 0, 0, 0]) && one == .reveal([0xFF, 0xFF]))
        for action in [zero, one, input] {
            #expect(CommonKnowledgeSet.paper.contains(action.committedResult!, input: [9, 9, 9]))
        }
    }

    @Test func copierCopiesItsTarget() {
        let copier = CommitmentCopier<Task>(target: 2)
        #expect(copier.action(for: Self.truth) == .copyCommitment(of: 2))
        #expect(copier.name == "copies worker 2")
    }

    @Test func withholderCommitsItsBaseResult() {
        let honest = LazyGuesser<Task> { $0 }
        #expect(Withholder(committingLike: honest).action(for: Self.truth)
            == .revealUnlessUnprofitable(Self.truth))
        #expect(Withholder(committingLike: NonSubmitting<Task>()).action(for: Self.truth)
            == .registerOnly)
    }

    /// The 11 strategies of a coalition of 3, in `ConsensusGame.coalition`'s order, with the
    /// families of section VI.
    @Test func coalitionOfThreeHasTheFamiliesOfTableII() {
        let all = ConsensusCoalition.all(size: 3)
        #expect(all.map { [$0.p, $0.q, $0.l] } == [
            [3, 0, 0], [2, 1, 0], [2, 0, 1], [1, 2, 0], [1, 1, 1], [1, 0, 2],
            [0, 3, 0], [0, 2, 1], [0, 1, 2], [0, 0, 3], [0, 3, 0],
        ])
        #expect(all.map(\.sigma) == [2, 6, 4, 6, 7, 4, nil, 5, 5, 1, 3])
        #expect(all.map(\.agreedJunk) == Array(repeating: false, count: 10) + [true])
        #expect(ConsensusCoalition.all(size: 1).map(\.sigma) == [2, nil, 1])
    }

    @Test func coalitionRolesAndMembers() {
        #expect(ConsensusCoalition(p: 1, q: 1, l: 1).roles == [.truth, .junk(tag: 1), .nothing])
        #expect(ConsensusCoalition.sigma3(size: 2).roles == [.junk(tag: -1), .junk(tag: -1)])
        let members: [CoalitionMember<Task>] = ConsensusCoalition(p: 1, q: 2, l: 1)
            .members(truth: { $0 })
        #expect(members.map { $0.action(for: Self.truth) } == [
            .reveal(Self.truth), .reveal(ConsensusCoalition.defaultJunk(tag: 1)),
            .reveal(ConsensusCoalition.defaultJunk(tag: 2)), .registerOnly,
        ])
        let junks = (-1 ..< 10).map(ConsensusCoalition.defaultJunk(tag:))
        #expect(Set(junks).count == 11 && junks.allSatisfy { $0.count == 32 })
        #expect(!junks.contains { CommonKnowledgeSet.paper.contains($0, input: Self.truth) })
    }
}
