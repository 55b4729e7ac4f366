import Games
import Testing

@Suite struct IEWDSTests {
    /// Table I, d = 1000, r = 200. Canonical order: W0's σe (by σt, strictly), W0's σf (by
    /// σt, weakly: ties against σe and σf), then W1's σe and σf. Once W0 is down to {σt},
    /// W1's σf loses by 100 - (-500) against it, so W1's σf goes *strictly* at that step,
    /// although in the full game it is only weakly dominated (see NumericGameTests).
    @Test func tableI() throws {
        let game = try Fixtures.twoWorkers()
        let result = game.iewds()
        #expect(result.survivors == [[1], [1]])
        #expect(
            result.sequence == [
                Elimination(player: 0, strategy: 0, dominatedBy: 1, strictly: true, step: 1),
                Elimination(player: 0, strategy: 2, dominatedBy: 1, strictly: false, step: 2),
                Elimination(player: 1, strategy: 0, dominatedBy: 1, strictly: true, step: 3),
                Elimination(player: 1, strategy: 2, dominatedBy: 1, strictly: true, step: 4),
            ])
        #expect(!result.orderDependent)
        #expect(result.explorationComplete)
        #expect(result.terminalSurvivors == [[[1], [1]]])
        #expect(result.uniqueSurvivor == [1, 1])
        #expect(result.unknowns.isEmpty)
        let names = result.sequence.map {
            game.shape.name(player: $0.player, strategy: $0.strategy)
        }
        #expect(names == ["σe", "σf", "σe", "σf"])
    }

    /// The paper's order (σe for both workers, then σf for both) is one of the explored
    /// orders; with the symmetric shape the answers are shared between the workers.
    @Test func tableISymmetric() throws {
        let result = try Fixtures.twoWorkers(symmetric: true).iewds()
        #expect(result.uniqueSurvivor == [1, 1])
        #expect(result.statistics.oracleCalls < result.statistics.questions)
    }

    @Test func prisonersDilemmaIsOrderIndependent() throws {
        let result = try Fixtures.prisonersDilemma().iewds()
        #expect(
            result.sequence == [
                Elimination(player: 0, strategy: 0, dominatedBy: 1, strictly: true, step: 1),
                Elimination(player: 1, strategy: 0, dominatedBy: 1, strictly: true, step: 2),
            ])
        #expect(result.terminalSurvivors == [[[1], [1]]])
        #expect(!result.orderDependent && result.explorationComplete)
        #expect(result.uniqueSurvivor == [1, 1])
    }

    @Test func withoutExplorationOnlyTheCanonicalOrder() throws {
        let result = try Fixtures.orderDependent().iewds(exploreOrders: false)
        #expect(result.terminalSurvivors == [result.survivors])
        #expect(!result.explorationComplete && !result.orderDependent)
        #expect(result.uniqueSurvivor == nil)
        #expect(result.statistics.statesVisited == 0)
    }

    /// Unknown for W0's "σe dominated by σt?" only: σf still removes σe (σe loses 500 to σf
    /// everywhere), and every such question is reported. But an order that first removes
    /// W0's σf (weakly, by σt) leaves only the unknown question about σe, so the exploration
    /// also ends in {σe, σt} x {σt}: unknowns can make the outcome look order dependent.
    @Test func unknownPairFallsBackToAnotherDominator() throws {
        let game = try Fixtures.twoWorkers()
        var oracle = PartlyUnknownOracle(inner: game.oracle) { $0 == 0 && $1 == 1 && $2 == 0 }
        let result = try IEWDS.run(shape: game.shape, oracle: &oracle)
        #expect(
            result.sequence.first
                == Elimination(player: 0, strategy: 0, dominatedBy: 2, strictly: true, step: 1))
        #expect(result.survivors == [[1], [1]])
        #expect(result.terminalSurvivors == [[[0, 1], [1]], [[1], [1]]])
        #expect(result.orderDependent)
        #expect(!result.unknowns.isEmpty)
        #expect(result.unknowns.allSatisfy { $0.contains("σe dominated by σt") })
        #expect(result.uniqueSurvivor == nil)  // not a proof
    }

    /// Unknown for every "is W0's σe dominated?": σe is never removed. By hand: W0's σf goes
    /// (weakly, by σt), W1's σe goes (strictly: -1000 < -500 and -1000 < 100), W1's σf goes
    /// (weakly: ties against W0's σe), leaving {σe, σt} x {σt} whatever the order.
    @Test func unknownKeepsTheStrategy() throws {
        let game = try Fixtures.twoWorkers()
        var oracle = PartlyUnknownOracle(inner: game.oracle) { $0 == 0 && $2 == 0 }
        let result = try IEWDS.run(shape: game.shape, oracle: &oracle)
        #expect(
            result.sequence == [
                Elimination(player: 0, strategy: 2, dominatedBy: 1, strictly: false, step: 1),
                Elimination(player: 1, strategy: 0, dominatedBy: 1, strictly: true, step: 2),
                Elimination(player: 1, strategy: 2, dominatedBy: 1, strictly: false, step: 3),
            ])
        #expect(result.survivors == [[0, 1], [1]])
        #expect(result.terminalSurvivors == [[[0, 1], [1]]])
        #expect(result.explorationComplete && !result.orderDependent)
        #expect(
            result.unknowns.first
                == "player 0: is σe dominated by σt given {σe, σt, σf} x {σe, σt, σf}?"
                + " unknown: test says so")
        #expect(result.uniqueSurvivor == nil)
    }

    /// Strategies x, s, y: y dominates x, x dominates s, nothing else. Canonically x goes
    /// first, and then s stays: its only dominator is gone. Removing s first, then x, leaves
    /// {y}.
    @Test func eliminatedStrategiesDoNotDominate() throws {
        let shape = try GameShape(strategies: [["x", "s", "y"]])
        var oracle = ScriptedOracle(dominations: [
            .init(player: 0, dominating: 2, dominated: 0),
            .init(player: 0, dominating: 0, dominated: 1),
        ])
        let result = try IEWDS.run(shape: shape, oracle: &oracle)
        #expect(result.survivors == [[1, 2]])
        #expect(result.terminalSurvivors == [[[1, 2]], [[2]]])
        #expect(result.orderDependent)
    }

    /// A (payoff-inconsistent) script where a and b dominate each other: whichever goes
    /// first, the other is the last strategy and stays.
    @Test func lastStrategyIsNeverEliminated() throws {
        let shape = try GameShape(strategies: [["a", "b"], ["c"]])
        var oracle = ScriptedOracle(dominations: [
            .init(player: 0, dominating: 0, dominated: 1),
            .init(player: 0, dominating: 1, dominated: 0),
        ])
        let result = try IEWDS.run(shape: shape, oracle: &oracle)
        #expect(result.sequence.count == 1)
        #expect(result.survivors == [[1], [0]])
        #expect(result.terminalSurvivors == [[[0], [0]], [[1], [0]]])
    }

    struct Boom: Error {}
    struct ThrowingOracle: DominanceOracle {
        mutating func weaklyDominates(
            player: Int, dominating: Int, dominated: Int, opponents remaining: [[Int]]
        ) throws -> DominanceVerdict { throw Boom() }
    }

    @Test func oracleErrorsPropagate() throws {
        var oracle = ThrowingOracle()
        let shape = try Fixtures.twoWorkers().shape
        #expect(throws: Boom.self) { try IEWDS.run(shape: shape, oracle: &oracle) }
    }
}
