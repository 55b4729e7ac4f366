import Games
import Testing

@Suite struct NumericGameTests {
    /// Hand-derived from Table I (d = 1000, r = 200): row utilities of W_i against
    /// (σe, σt, σf) are σe (-1000, -1000, -1000), σt (-500, 100, -500), σf (-500, -500, -500).
    @Test func tableIVerdicts() throws {
        var oracle = try Fixtures.twoWorkers().oracle
        let full = [[0, 1, 2], [0, 1, 2]]
        for player in 0..<2 {
            #expect(
                oracle.weaklyDominates(player: player, dominating: 1, dominated: 0, opponents: full)
                    == .dominated(strictly: true))
            #expect(
                oracle.weaklyDominates(player: player, dominating: 2, dominated: 0, opponents: full)
                    == .dominated(strictly: true))
            #expect(
                oracle.weaklyDominates(player: player, dominating: 1, dominated: 2, opponents: full)
                    == .dominated(strictly: false))
            #expect(
                oracle.weaklyDominates(player: player, dominating: 2, dominated: 1, opponents: full)
                    == .notDominated)
        }
        // Against σt alone, σt beats σf for sure.
        #expect(
            oracle.weaklyDominates(
                player: 1, dominating: 1, dominated: 2, opponents: [[1], [0, 1, 2]])
                == .dominated(strictly: true))
        // Against σe alone, σt and σf tie: not dominated.
        #expect(
            oracle.weaklyDominates(
                player: 1, dominating: 1, dominated: 2, opponents: [[0], [0, 1, 2]])
                == .notDominated)
    }

    @Test func nWorkerRuleReproducesTableI() throws {
        let table = try Fixtures.twoWorkers(), rule = try Fixtures.nWorkers(2)
        for a in 0..<3 {
            for b in 0..<3 { #expect(table.payoff([a, b]) == rule.payoff([a, b])) }
        }
    }

    @Test func nanIsUnknown() throws {
        let shape = try GameShape(players: 2, strategies: ["a", "b"], symmetric: false)
        var oracle = NumericGame(shape: shape) { $0 == [1, 1] ? [.nan, 0] : [0, 0] }.oracle
        let verdict = oracle.weaklyDominates(
            player: 0, dominating: 1, dominated: 0, opponents: [[0, 1], [0, 1]])
        guard case .unknown(let reason) = verdict else {
            Issue.record("expected unknown, got \(verdict)")
            return
        }
        #expect(reason.contains("(b, b)"))
    }
}
