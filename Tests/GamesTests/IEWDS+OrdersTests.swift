import Games
import Testing

@Suite struct IEWDSOrdersTests {
    /// Fixtures.orderDependent, by hand (T, M, B = 0, 1, 2; L, R = 0, 1):
    /// - T first: R then weakly dominates L (1 = 1 at M, 1 > 0 at B) -> {M, B} x {R}, where M
    ///   and B tie at R;
    /// - B first: L then weakly dominates R (1 > 0 at T, 1 = 1 at M) -> {T, M} x {L};
    /// - T and B both: {M} x {L, R}, where L and R tie. The canonical order is this one.
    /// Six states in all: the full game, {M,B}x{L,R}, {T,M}x{L,R} and the three terminals.
    @Test func orderDependentGame() throws {
        let result = try Fixtures.orderDependent().iewds()
        #expect(result.orderDependent)
        #expect(result.explorationComplete)
        #expect(result.terminalSurvivors == [[[0, 1], [0]], [[1], [0, 1]], [[1, 2], [1]]])
        #expect(result.survivors == [[1], [0, 1]])
        #expect(
            result.sequence == [
                Elimination(player: 0, strategy: 0, dominatedBy: 1, strictly: false, step: 1),
                Elimination(player: 0, strategy: 2, dominatedBy: 1, strictly: false, step: 2),
            ])
        #expect(result.statistics.statesVisited == 6)
        #expect(result.uniqueSurvivor == nil)
    }

    @Test func stateLimitMarksIncomplete() throws {
        let result = try Fixtures.orderDependent().iewds(maxStates: 2)
        #expect(!result.explorationComplete)
        #expect(result.statistics.statesVisited == 2)
        #expect(result.uniqueSurvivor == nil)
    }

    /// Section VI with n workers: σe is strictly dominated by σt (-d < -d/2, -d < r/n), σf
    /// weakly by σt (ties unless all others play σt), and σt never loses, so all-σt is the
    /// only survivor in every order.
    @Test(arguments: 2...5) func nWorkers(n: Int) throws {
        let game = try Fixtures.nWorkers(n)
        var oracle = CountingOracle(inner: game.oracle)
        let result = try IEWDS.run(shape: game.shape, oracle: &oracle)
        #expect(result.uniqueSurvivor == Array(repeating: 1, count: n))
        #expect(result.explorationComplete && !result.orderDependent)
        #expect(result.unknowns.isEmpty)
        #expect(oracle.calls == result.statistics.oracleCalls)
        // Each worker's set is one of {e,t,f}, {e,t}, {t,f}, {t}: with the workers
        // interchangeable, the states are the multisets of n such sets, C(n + 3, 3).
        let multisets = (n + 1) * (n + 2) * (n + 3) / 6
        #expect(result.statistics.statesVisited == multisets)
        #expect(result.statistics.oracleCalls < result.statistics.questions)
        if n == 5 {
            #expect(result.statistics.statesVisited == 56)
            // Unmemoised count: the questions of the same search without symmetry, i.e. over
            // all 4^5 = 1024 states, each question an oracle call (no answer cache).
            let plain = try Fixtures.nWorkers(5, symmetric: false).iewds()
            #expect(plain.statistics.statesVisited == 1024)
            #expect(plain.uniqueSurvivor == result.uniqueSurvivor)
            #expect(result.statistics.oracleCalls * 50 < plain.statistics.questions)
        }
    }

    /// Without the symmetry declaration the same game needs 4^n states and more oracle calls.
    @Test func symmetrySavesWork() throws {
        let plain = try Fixtures.nWorkers(4, symmetric: false).iewds()
        let symmetric = try Fixtures.nWorkers(4).iewds()
        #expect(plain.uniqueSurvivor == [1, 1, 1, 1])
        #expect(plain.terminalSurvivors == symmetric.terminalSurvivors)
        #expect(plain.statistics.statesVisited == 256)
        #expect(symmetric.statistics.oracleCalls * 4 < plain.statistics.oracleCalls)
    }

    /// Table II flavour: a coalition of k workers (player 0) against n - k outsiders. Mixes
    /// with e members lose to the same mix with those members on t; mixes with f members and
    /// σ3 tie with all-t except against all-t outsiders, where all-t gets kr/n > -kd/2. The
    /// outsiders reason as in the n-worker game, so (all-t coalition, σt, ...) is the only
    /// survivor in every order.
    @Test(arguments: [2, 3]) func coalition(k: Int) throws {
        let n = 4
        let game = try Fixtures.coalition(n: n, k: k)
        #expect(game.shape.strategies[0].count == (k + 1) * (k + 2) / 2 + 1)
        #expect(game.shape.strategies[0][0] == "t\(k) f0 e0")
        // Spot checks against Table II (situation III: outsiders all play t).
        let allT = Array(repeating: 1, count: n - k)
        #expect(game.payoff([0] + allT)[0] == Double(k) * Fixtures.r / Double(n))
        let sameJunk = game.shape.strategies[0].count - 1
        #expect(game.payoff([sameJunk] + allT)[0] == -Double(k) * Fixtures.d / 2)
        let result = game.iewds()
        #expect(result.uniqueSurvivor == [0] + allT)
        #expect(result.terminalSurvivors == [[[0]] + allT.map { [$0] }])
        #expect(result.explorationComplete && result.unknowns.isEmpty)
        // The canonical order removes all coalition deviations first.
        let coalitionSteps = result.sequence.prefix { $0.player == 0 }
        #expect(coalitionSteps.count == game.shape.strategies[0].count - 1)
    }
}
