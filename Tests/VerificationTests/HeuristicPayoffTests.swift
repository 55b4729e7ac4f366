import Solver
import Specs
import Testing
import Verification

/// Eq. 8 of Witt et al.: a sample-independent report earns exactly 1 - beta.
@Suite struct HeuristicPayoffTests {
    @Test(arguments: 2 ... 10)
    func eq8HoldsForEveryClassCountUnderProperNormalization(classes: Int) throws {
        let spec = try ptsfdSpec(classes: classes, beta: "{ min = 0.0, max = 3.0 }")
        let result = verifier.check(.heuristicPayoffIdentity, on: spec)
        #expect(isProved(result), "|C| = \(classes): \(result.verdict)")
    }

    @Test func eq8HoldsForANonUniformPrior() throws {
        let spec = try ptsfdSpec(classes: 3, prior: "[0.5, 0.3, 0.2]", extra: "[beliefs]\npeer_given_own = [[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6]]")
        #expect(isProved(verifier.check(.heuristicPayoffIdentity, on: spec)))
    }

    @Test(arguments: [2, 5, 10])
    func theLiteralNormalizationBreaksEq8(workers: Int) throws {
        // With R_i = (G - labelCount_i) / (n M[i]) = R (n - 1) / n, a heuristic report earns
        // n / (n - 1) - beta, whatever its distribution q.
        let spec = try ptsfdSpec(classes: 4, workers: workers, normalization: "paper")
        let result = verifier.check(.heuristicPayoffIdentity, on: spec)
        #expect(isRefuted(result))
        guard let beta = value(result, "beta") else { return }
        let q = (0 ..< 4).compactMap { value(result, "q\($0)") }
        #expect(q.reduce(0, +) == 1)
        // The tool's exact payoff at its counterexample is the hand formula n / (n - 1) - beta,
        // which is not the identity's 1 - beta.
        #expect(result.values["heuristic_payoff"] == Rational(workers) / Rational(workers - 1) - beta)
        #expect(result.values["identity_payoff"] == 1 - beta)
    }

    @Test func betaOneMakesHeuristicReportsWorthNothingAndBelowOnePays() throws {
        #expect(isProved(verifier.check(.heuristicUnprofitable, on: try ptsfdSpec(beta: "1.0"))))
        #expect(isProved(verifier.check(.heuristicUnprofitable, on: try ptsfdSpec(beta: "{ min = 1.0, max = 4.0 }"))))
        let result = verifier.check(.heuristicUnprofitable, on: try ptsfdSpec(beta: "{ min = 0.5, max = 2.0 }"))
        #expect(isRefuted(result))
        if let beta = value(result, "beta") { #expect(beta < 1 && beta >= Rational(1, 2)) }
    }
}
