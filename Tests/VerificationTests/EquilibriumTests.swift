import Games
import Solver
import Specs
import Testing
@testable import Verification

/// The equilibrium enumeration and `truthful-equilibrium-dominant` against hand computations.
@Suite struct EquilibriumTests {
    let prover = Prover(timeoutMilliseconds: 20_000)

    func point(_ name: String, _ value: Int) -> Variable { Variable(name, Rational(value), Rational(value)) }

    /// The profiles that are equilibria somewhere, with the payoff of each strategy played.
    func equilibria<G: PopulationGame>(_ game: G) -> [[[Int]]: [Int: Rational]] {
        var out: [[[Int]]: [Int: Rational]] = [:]
        for f in EquilibriumSearch(prover: prover).run(game) where f.extent != .nowhere {
            out[f.profile] = Dictionary(uniqueKeysWithValues: f.payoffs.map { ($0.strategy, $0.payoff) })
        }
        return out
    }

    @Test func twoWorkerConsensusHasTwoEquilibria() {
        // Table I from the clauses (d = 1000, r = 200), strategies e, t, f:
        // (t,t): equal results, r/2 = 100 each; a deviation to e pays -d = -1000, to f -d/2.
        // (f,f): two different junks, -d/2 = -500 each; to t still differs (-500, a tie), to e -d.
        // (t,f): the f worker moves to t and gets r/2 > -d/2: not one. Any e: that worker gets
        // -d and moving to t gets -d/2: not one. So exactly (t,t) and (f,f).
        let game = ConsensusPopulation(workers: 2, coalition: 1, deposit: point("d", 1000), reward: point("r", 200))
        let found = equilibria(game)
        #expect(Set(found.keys) == [[[0, 2, 0]], [[0, 0, 2]]])
        #expect(found[[[0, 2, 0]]] == [1: 100])
        #expect(found[[[0, 0, 2]]] == [2: -500])
    }

    @Test func aComputingCostMakesAllJunkStrict() {
        // c = 10 for each true result (d = 1000, r = 200): (t,t) pays r/2 - c = 90; at (f,f) a
        // switch to t still leaves two different results (-d/2) and costs c: -510 < -500, so
        // (f,f) is a strict equilibrium, refuted as weak exactly at the (single) corner.
        let game = ConsensusPopulation(
            workers: 2, coalition: 1, deposit: point("d", 1000), reward: point("r", 200), cost: point("c", 10))
        let found = equilibria(game)
        #expect(found[[[0, 2, 0]]] == [1: 90])
        #expect(found[[[0, 0, 2]]] == [2: -500])
        let exact = ExactAlgebra()
        let corner: [Rational] = [1000, 200, 10]
        let weak = RivalEquilibriumClaim(game: game, profile: [[0, 0, 2]], statement: .weak)
        #expect(weak.refutedAtCorner([corner], [game.payoffs(exact, corner)], exact) != nil)
    }

    @Test func twoWorkerEquilibriaHoldOverWholeRanges() {
        // Over d in [1, 1000], r in [0, 500]: (t,t) gains nothing by e (-d < r/2) nor f
        // (-d/2 < r/2), so it is one everywhere; (f,f) ties with t and loses by e everywhere.
        let game = ConsensusPopulation(workers: 2, coalition: 1, deposit: Variable("d", 1, 1000), reward: Variable("r", 0, 500))
        let findings = EquilibriumSearch(prover: prover).run(game)
        let extents = Dictionary(uniqueKeysWithValues: findings.map { ($0.profile, $0.extent) })
        #expect(extents[[[0, 2, 0]]] == .everywhere)
        #expect(extents[[[0, 0, 2]]] == .everywhere)
        #expect(findings.filter { $0.extent != .nowhere }.count == 2)
    }

    @Test func paperSpecTruthfulAgainstHalvesCollusion() throws {
        // paper.toml: 10 classes, uniform prior, accuracy a = 9/10 (e = (1 - a)/9 = 1/90),
        // beta = 1, rho = 1. Truthful: joint(x, x) = a^2/10 + (9/10) e^2 = 73/900, over
        // R(x) = 1/10 gives 73/90 per class, 73/9 in all, minus beta: 64/9.
        // All colluding on the halves map {0..4} -> 0, {5..9} -> 9: a peer lands in my half
        // with probability 17/18 (a + 4e) when the true class is there, 1/18 (5e) otherwise:
        // P(same half) = (1/2)(17/18)^2 + (1/2)(1/18)^2 = 145/324 per half, over R = 1/2:
        // 145/162 per half, 145/81 in all, minus beta: 64/81.
        // All heuristic (q = prior): sum_y q(y) q(y) / q(y) - beta = 1 - 1 = 0. Abstain: 0.
        let setting = PTSFDSetting(spec: try ptsfdSpec())
        let game = PTSFDPopulation(setting: setting)
        #expect(game.groups[0].strategies.count == 5)  // truthful, halves, 0 -> 1, heuristic, abstain
        let found = equilibria(game)
        let n = 10
        func all(_ s: Int) -> [[Int]] { [(0 ..< 5).map { $0 == s ? n : 0 }] }
        #expect(found[all(0)] == [0: Rational(64, 9)])
        #expect(found[all(1)] == [1: Rational(64, 81)])
        #expect(found[all(3)] == [3: 0])
        #expect(found[all(4)] == [4: 0])
    }

    @Test func consensusSpecsHaveOnlyWeakDominatedRivals() throws {
        // n = 3: every rival equilibrium has at least two different submissions (two junks),
        // so every worker gets -d/2 = -500 and a single switch changes nothing: weak, and
        // below all-truthful's r/3 = 200/3.
        let result = verifier.check(.truthfulEquilibriumDominant, on: try consensusSpec(workers: 3, deposit: 1000, reward: 200))
        #expect(isProved(result), "\(result.verdict)")
        #expect(result.values["truthful_payoff"] == Rational(200, 3))
        #expect(result.values["rival_payoff"] == -500)
    }

    @Test func paperSpecHasAStrictRival() throws {
        // All colluding on the halves map is strict: a truthful deviator reports classes no
        // one else reports (never matched), so it loses; its 64/81 is below 64/9.
        let result = verifier.check(.truthfulEquilibriumDominant, on: try ptsfdSpec())
        #expect(isRefuted(result), "\(result.verdict)")
        #expect(result.verdict.counterexample?["statement"] == "weak")
        #expect(result.values["rival_advantage"] == Rational(64, 81) - Rational(64, 9))
    }

    @Test func truthfulNotAnEquilibriumWhenBetaExceedsTheHonestReward() throws {
        // beta = 9 > 73/9: the honest payoff 73/9 - 9 = -8/9 is below abstaining's 0.
        let result = verifier.check(.truthfulEquilibriumDominant, on: try ptsfdSpec(beta: "9.0"))
        #expect(isRefuted(result), "\(result.verdict)")
        #expect(result.values["deviation_gain"] == Rational(8, 9))
    }

    @Test func populationSplitsCountCompositions() {
        // C(10 + 4, 4) = 1001 splits of 10 workers over 5 strategies; C(4, 2) = 6 of 2 over 3.
        #expect(Population.splits(size: 10, strategies: 5).count == 1001)
        #expect(Population.splitCount(size: 10, strategies: 5) == 1001)
        #expect(Population.splits(size: 2, strategies: 3) == [[2, 0, 0], [1, 1, 0], [1, 0, 1], [0, 2, 0], [0, 1, 1], [0, 0, 2]])
    }
}

/// verify's and fuzz's ids share the `[checks]` table, so no id may name two statements.
@Suite struct PropertyIDTests {
    @Test func verifyAndFuzzIdsAreDisjoint() {
        #expect(Set(PropertyID.allCases.map(\.rawValue)).isDisjoint(with: ["honest-unique-equilibrium"]))
    }

    @Test func everyIdAppliesToSomeMechanism() {
        // A new id has to say where it applies (the switch in `mechanisms` has no default).
        for id in PropertyID.allCases { #expect(!id.mechanisms.isEmpty, "\(id)") }
        #expect(PropertyID.truthfulEquilibriumDominant.mechanisms == [.ptsfd, .consensus])
        #expect(PropertyID.paperTablesDerived.applies(to: .consensus) && !PropertyID.paperTablesDerived.applies(to: .ptsfd))
    }
}
