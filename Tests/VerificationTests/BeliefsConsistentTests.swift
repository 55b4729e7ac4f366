import Solver
import Specs
import Testing
import Verification

/// `beliefs-consistent` and the caveat it puts on verdicts, against hand computations.
@Suite struct BeliefsConsistentTests {
    static let example = repositoryRoot.appending("/specs/paper-48-example.toml")
    static let consistent = repositoryRoot.appending("/specs/paper-48-consistent.toml")

    @Test func section48sBeliefsMissThePriorBy17Hundredths() throws {
        // R = (9/10, 1/10), P = [[4/5, 1/5], [1/10, 9/10]]. The rows sum to 1. The columns:
        //   sum_x R(x) P(a|x) = 9/10 * 4/5 + 1/10 * 1/10 = 72/100 + 1/100 = 73/100 (R(a) = 90/100)
        //   sum_x R(x) P(b|x) = 9/10 * 1/5 + 1/10 * 9/10 = 18/100 + 9/100 = 27/100 (R(b) = 10/100)
        // Both miss by 17/100.
        let result = verifier.check(.beliefsConsistent, on: try Spec.load(path: Self.example))
        #expect(isRefuted(result))
        #expect(result.values["marginal_gap"] == Rational(17, 100))
        #expect(result.values.deciding?.name == "marginal_gap")
        let counterexample = result.verdict.counterexample
        #expect(counterexample?["column_sum_0"] == "73/100")
        #expect(counterexample?["R_0"] == "9/10")
        #expect(counterexample?["column_sum_1"] == "27/100")
        #expect(counterexample?["R_1"] == "1/10")
        #expect(counterexample?["row_sum_0"] == nil)
        #expect(result.caveats.isEmpty)
    }

    @Test func section48sNearestConsistentMatrixIs17Over45Away() throws {
        // Rows stochastic: P'(.|a) = (1 - q, q), P'(.|b) = (1 - s, s); the column b needs
        // 9/10 q + 1/10 s = 1/10, so s = 1 - 9q (column a then holds too, the prior summing to 1).
        // The L1 distance is 2|q - 1/5| + 2|s - 9/10| = 2|q - 1/5| + 2|1/10 - 9q|, piecewise linear
        // in q with slopes -20, +16, +20 around the kinks q = 1/90 and q = 1/5: least at q = 1/90,
        // where it is 2 (1/5 - 1/90) = 2 * 17/90 = 17/45, with P' = [[89/90, 1/90], [1/10, 9/10]].
        let result = verifier.check(.beliefsConsistent, on: try Spec.load(path: Self.example))
        #expect(result.values["nearest_distance"] == Rational(17, 45))
        #expect(result.notes.contains { $0.hasPrefix("nearest consistent matrix") && $0.contains("[[89/90, 1/90], [1/10, 9/10]] at distance 17/45") })
    }

    @Test func aThreeClassMatrixTwoAway() throws {
        // R = (1/4, 1/4, 1/2), P = [[1,0,0],[1,0,0],[0,0,1]]: column sums
        //   sum_x R(x) P(0|x) = 1/4 + 1/4 = 1/2 (R(0) = 1/4), column 1: 0 (R(1) = 1/4),
        //   column 2: 1/2 (R(2) = 1/2); the gap is 1/4, columns 0 and 1 offend.
        // Nearest: column 0 must fall from 1/2 to 1/4 and only rows 0 and 1 (R = 1/4 each) hold
        // mass there, so they shed d_0 + d_1 = 1 between them; a row keeps its sum, so its L1
        // change is twice what it sheds: the distance is at least 2. Row 0 -> (0, 1, 0) reaches
        // it (columns 1/4, 1/4, 1/2).
        let spec = try ptsfdSpec(
            classes: 3, prior: "[0.25, 0.25, 0.5]",
            extra: "[beliefs]\npeer_given_own = [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]")
        let result = verifier.check(.beliefsConsistent, on: spec)
        #expect(isRefuted(result))
        #expect(result.values["marginal_gap"] == Rational(1, 4))
        #expect(result.values["nearest_distance"] == 2)
        let counterexample = result.verdict.counterexample
        #expect(counterexample?["column_sum_0"] == "1/2")
        #expect(counterexample?["column_sum_1"] == "0")
        #expect(counterexample?["column_sum_2"] == nil)
    }

    @Test func aRowThatDoesNotSumToOneExactlyIsOffendingToo() throws {
        // R = (1/2, 1/2), row 0 = (1/2, 1/2 + 10^-10), accepted by the spec's 1e-9 tolerance:
        // sum_y J(0, y) = 1/2 (1 + 10^-10), a gap of 1/(2 10^10) on row 0, and the same on
        // column 1: 1/2 (1/2 + 10^-10) + 1/2 * 1/2 - 1/2 = 1/(2 10^10).
        let spec = try ptsfdSpec(classes: 2, extra: "[beliefs]\npeer_given_own = [[0.5, 0.5000000001], [0.5, 0.5]]")
        let result = verifier.check(.beliefsConsistent, on: spec)
        #expect(isRefuted(result))
        #expect(result.values["marginal_gap"] == Rational(1, 20_000_000_000))
        #expect(result.verdict.counterexample?["row_sum_0"] == "10000000001/20000000000")
        #expect(result.verdict.counterexample?["P_w_0"] == "1/2")
    }

    @Test func consistentBeliefsOfTheSamePriorAreProved() throws {
        // R = (9/10, 1/10), P = [[19/20, 1/20], [9/20, 11/20]]: column b 9/10 * 1/20 + 1/10 *
        // 11/20 = 9/200 + 11/200 = 1/10 = R(b), column a 9/10 * 19/20 + 1/10 * 9/20 = 171/200 +
        // 9/200 = 9/10 = R(a).
        let spec = try Spec.load(path: Self.consistent)
        let result = verifier.check(.beliefsConsistent, on: spec)
        #expect(isProved(result))
        #expect(result.values["marginal_gap"] == 0)
        // With consistent beliefs the paper's prior is self-predicting: observing a, the margin
        // is 19/20 / (9/10) - 1/20 / (1/10) = 19/18 - 1/2 = 5/9; observing b, 11/20 / (1/10) -
        // 9/20 / (9/10) = 11/2 - 1/2 = 5. The least is 5/9.
        let predicting = verifier.check(.selfPredicting, on: spec)
        #expect(isProved(predicting))
        #expect(predicting.values["score_margin"] == Rational(5, 9))
        #expect(verifier.verify(spec).allSatisfy { $0.caveats.isEmpty })
    }

    @Test func verdictsUnderInconsistentBeliefsCarryTheCaveat() throws {
        let results = verifier.verify(try Spec.load(path: Self.example))
        for r in results {
            // Proved or refuted, a verdict about these beliefs rests on them; budget-solvent
            // settles vote matrices and uses no beliefs, and beliefs-consistent is the check.
            let expected: [Caveat] = r.id.restsOnBeliefs ? [.inconsistentBeliefs] : []
            #expect(r.caveats == expected, "\(r.id.rawValue)")
        }
        #expect(results.first { $0.id == .heuristicUnprofitable }?.caveats == [.inconsistentBeliefs])
        #expect(results.first { $0.id == .selfPredicting }?.caveats == [.inconsistentBeliefs])
        #expect(results.first { $0.id == .budgetSolvent }?.caveats == [])
        #expect(results.first { $0.id == .beliefsConsistent }?.caveats == [])
    }

    @Test func theAccuracyModelIsConsistentWhenTheAccuraciesDiffer() throws {
        // Prior (9/10, 1/10), two classes: P(o|t) is a for o = t and 1 - a otherwise, so
        // P_w(a) = 9/10 a_w + 1/10 (1 - a_w) = 1/10 + 4/5 a_w and R(a) = 1/10 + 4/5 a_p. The
        // joint sum_t pi(t) P_w(x|t) P_p(y|t) has those marginals at every (a_w, a_p): proved.
        // The own marginal differs from R by 4/5 |a_w - a_p|, at most 4/5 * 3/10 = 6/25 over
        // [0.6, 0.9]; that is asymmetry between worker and peer, not inconsistency.
        let spec = try ptsfdSpec(classes: 2, accuracy: "{ min = 0.6, max = 0.9 }", prior: "[0.9, 0.1]")
        let result = verifier.check(.beliefsConsistent, on: spec)
        #expect(isProved(result))
        #expect(result.values["marginal_gap"] == 0)
        #expect(result.values["own_prior_gap"] == Rational(6, 25))
        #expect(verifier.check(.selfPredicting, on: spec).caveats.isEmpty)
        // Equal accuracies (a point): the prior R is both marginals.
        let point = verifier.check(.beliefsConsistent, on: try ptsfdSpec(classes: 2, accuracy: "0.8", prior: "[0.9, 0.1]"))
        #expect(isProved(point))
        #expect(point.values["own_prior_gap"] == 0)
    }
}
