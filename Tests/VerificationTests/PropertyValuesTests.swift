import Solver
import Specs
import Testing
import Verification

/// The values behind verdicts, against hand computations.
@Suite struct PropertyValuesTests {
    @Test func theBestResponseGainOfSection48IsTheHandValue() throws {
        // Observing a: P(a|a) = 0.8, P(b|a) = 0.2, R = (0.9, 0.1), beta = 1, rho = 1. Truthful:
        // 0.8 / 0.9 - 1 = -1/9; the counterexample's row (1/2, 1/2):
        // (1/2)(8/9 - 1) + (1/2)(0.2 / 0.1 - 1) = 4/9; the gain 4/9 + 1/9 = 5/9.
        let spec = try Spec.load(path: repositoryRoot.appending("/specs/paper-48-example.toml"))
        let result = verifier.check(.truthfulBestResponse, on: spec)
        #expect(isRefuted(result))
        guard let s0 = value(result, "sigma0"), let s1 = value(result, "sigma1") else { return }
        let truthful = Rational(8, 9) - 1
        let deviation = s0 * truthful + s1 * (Rational(2) - 1)
        #expect(result.values["truthful_payoff"] == truthful)
        #expect(result.values["deviation_payoff"] == deviation)
        #expect(result.values["best_response_gain"] == deviation - truthful)
        #expect(result.values.method == "at the counterexample")
    }

    @Test func aProvedPropertyReportsItsTightestCorner() throws {
        // Uniform prior, |C| = 10, accuracy 0.9, beta in [0, 8]: E_honest = 73/9 - beta is least
        // at beta = 8, where it is 1/9 (lambda = 1).
        let result = verifier.check(.honestParticipation, on: try ptsfdSpec(beta: "{ min = 0.0, max = 8.0 }"))
        #expect(isProved(result))
        #expect(result.values["honest_payoff"] == Rational(1, 9))
        #expect(result.values.at["beta"] == "8")
        // Observing x (e = 0.1 / 9 = 1/90): P(x|x) = 0.81 + 9 e^2 = 73/90 and, for y != x,
        // P(y|x) = 0.9 e + e 0.9 + 8 e^2 = 17/810. With R = 1/10 the gain of the best pure
        // misreport is 10 (17/810 - 73/90) = 17/81 - 73/9 = -640/81.
        let best = verifier.check(.truthfulBestResponse, on: try ptsfdSpec())
        #expect(isProved(best))
        #expect(best.values["best_response_gain"] == Rational(-640, 81))
    }

    @Test func theBudgetShortfallIsWhatTheClaimsNeedBeyondThePool() throws {
        let result = verifier.check(.budgetSolvent, on: try ptsfdSpec(payout: "paper"))
        #expect(isRefuted(result))
        guard let counterexample = result.verdict.counterexample,
              let claims = counterexample["claims"], let pool = counterexample["pool"].flatMap({ Int($0) })
        else { Issue.record("no claims in \(result.verdict)"); return }
        // paper: claim_i = clamp(D_i + reward units, 0, pool); the shortfall is their sum - pool.
        let need = claims.split(separator: ",").map { min(pool, max(0, Int($0)!)) }.reduce(0, +) - pool
        #expect(need > 0)
        #expect(result.values["budget_shortfall"] == Rational(need))
    }

    @Test func consensusValuesAreTheTableIPayoffs() throws {
        // d = 1000, r = 200, n = 2: all truthful earns r/2 = 100; the best deviation, junk, loses
        // d/2 = 500 (nothing loses d): gain -600. A coalition of one is the same worker.
        let spec = try consensusSpec(workers: 2)
        let unique = verifier.check(.iewdsTruthfulUnique, on: spec)
        #expect(unique.values["honest_payoff"] == 100)
        #expect(unique.values["deviation_payoff"] == -500)
        #expect(unique.values["deviation_gain"] == -600)
        let coalition = verifier.check(.coalitionResilient, on: spec)
        #expect(coalition.values["coalition_gain"] == -600)
    }
}
