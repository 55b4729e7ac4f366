import Adversary
import Ledger
import Testing

@testable import Simulation

/// Table II of Lu, Tang and Wang (section VI) through the contract: a coalition of k = 3 of
/// n = 5 workers plays each of its 11 strategies (`ConsensusCoalition.all(size: 3)`) against
/// the two outsiders of each situation, d = 1000, r = 1000 (d/2 = 500, r/n = 200).
///
/// Coalition utility (sum of its members' payout - d), from Table II:
/// σ1 -3d = -3000; σ2 -3d/2 = -1500 in I and II, 3r/n = 600 in III; σ3 and the unnamed
/// "three own junks" -1500; σ4 (p, l) -500p - 1000l; σ5 (q, l) -500q - 1000l; σ6 -500(p+q) =
/// -1500; σ7 (1, 1, 1) -1000 - 1000 = -2000. So all-true is the best reply in every situation
/// (strictly in III, tied with the junk strategies in I and II: weak dominance).
@Suite("Consensus coalitions through the contract") struct ConsensusCoalitionRoundTests {
    typealias Task = [UInt8]
    static let truth: Task = [3, 1, 4, 1, 5]

    /// Situation I: an outsider sends nothing; II: an outsider sends a junk out of E_ck;
    /// III: both outsiders send the true result.
    static let situations: [(String, [ConsensusAction])] = [
        ("I", [.registerOnly, .reveal(truth)]),
        ("II", [.reveal([7, 7, 7]), .reveal(truth)]),
        ("III", [.reveal(truth), .reveal(truth)]),
    ]

    /// Table II's entries in the order of `all(size: 3)`: (3,0,0) σ2, (2,1,0) σ6, (2,0,1) σ4,
    /// (1,2,0) σ6, (1,1,1) σ7, (1,0,2) σ4, (0,3,0) own junks, (0,2,1) σ5, (0,1,2) σ5,
    /// (0,0,3) σ1, σ3.
    static let tableII: [String: [Int]] = [
        "I": [-1500, -1500, -2000, -1500, -2000, -2500, -1500, -2000, -2500, -3000, -1500],
        "II": [-1500, -1500, -2000, -1500, -2000, -2500, -1500, -2000, -2500, -3000, -1500],
        "III": [600, -1500, -2000, -1500, -2000, -2500, -1500, -2000, -2500, -3000, -1500],
    ]

    @Test(arguments: [0, 1, 2]) func coalitionUtilitiesMatchTableII(situation: Int) throws {
        let (name, outsiders) = Self.situations[situation]
        let round = ConsensusRound(deposit: 1000, reward: 1000, input: [9, 9, 9])
        var utilities: [Int] = []
        for strategy in ConsensusCoalition.all(size: 3) {
            let members: [CoalitionMember<Task>] = strategy.members(truth: { $0 })
            let outcome = try round.play(members.map { $0.action(for: Self.truth) } + outsiders)
            #expect(outcome.contract.checkInvariants().isEmpty)
            utilities.append(outcome.utilities[0 ..< 3].reduce(0, +))
        }
        #expect(utilities == Self.tableII[name], "situation \(name)")
        #expect(utilities.allSatisfy { $0 <= utilities[0] }, "σ2 is a best reply in \(name)")
    }
}
