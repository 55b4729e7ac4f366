import Solver
import Specs
import Testing
import Verification

@Suite struct CollusionAndParticipationTests {
    @Test func collusionInTheSection48SettingPaysAndRechecks() throws {
        let spec = try Spec.load(path: repositoryRoot.appending("/specs/paper-48-example.toml"))
        let result = verifier.check(.collusionUnprofitable, on: spec)
        #expect(isRefuted(result))
        guard let f = value(result, "coalition"), let map = result.verdict.counterexample?["class_map"] else { return }
        // Recompute Eq. 11 by hand for a two-class merge "x -> y".
        let parts = map.split(separator: " ")
        guard parts.count == 3, let x = Int(parts[0]), let y = Int(parts[2]) else {
            Issue.record("unexpected map \(map)")
            return
        }
        let r = [Rational(9, 10), Rational(1, 10)]
        let m = [[Rational(8, 10), Rational(2, 10)], [Rational(1, 10), Rational(9, 10)]]
        func joint(_ a: Int, _ b: Int) -> Rational { r[a] * m[a][b] }
        let rCol = f * (r[0] + r[1]) + (1 - f) * r[y]
        var colluding: Rational = 0
        for observed in 0 ..< 2 {
            let reported = observed == x ? y : observed
            let merged = reported == y ? joint(observed, 0) + joint(observed, 1) : joint(observed, reported)
            let prior = reported == y ? rCol : (1 - f) * r[reported]
            colluding = colluding + (f * merged + (1 - f) * joint(observed, reported)) / prior
        }
        let honest = joint(0, 0) / r[0] + joint(1, 1) / r[1]
        #expect(colluding > honest, "f = \(f): colluding \(colluding) vs honest \(honest)")
    }

    @Test func collusionDoesNotPayAnAccurateFederation() throws {
        #expect(isProved(verifier.check(.collusionUnprofitable, on: try ptsfdSpec())))
    }

    @Test func honestParticipationNeedsBetaBelowTheMatchingReward() throws {
        // Accuracy 0.9, |C| = 10, uniform: sum_x joint(x, x) / R(x) = 10 (0.81 + 0.01 / 9) = 73/9.
        #expect(isProved(verifier.check(.honestParticipation, on: try ptsfdSpec(beta: "{ min = 0.0, max = 8.1 }"))))
        let result = verifier.check(.honestParticipation, on: try ptsfdSpec(beta: "{ min = 0.0, max = 9.0 }"))
        #expect(isRefuted(result))
        if let beta = value(result, "beta") { #expect(beta >= Rational(73, 9)) }
        #expect(result.notes.contains { $0.contains("minimum certainty") && $0.contains("9/10") })
    }

    @Test func budgetSolvencyHoldsForBalancedAndFailsForThePaperPayout() throws {
        let balanced = verifier.check(.budgetSolvent, on: try ptsfdSpec())
        #expect(isProved(balanced))
        #expect(balanced.notes.contains { $0.contains("n <= 3 workers") })
        let paper = verifier.check(.budgetSolvent, on: try ptsfdSpec(payout: "paper"))
        #expect(isRefuted(paper))
        guard let claims = paper.verdict.counterexample?["claims"], let pool = paper.verdict.counterexample?["pool"].flatMap({ Int($0) }) else { return }
        #expect(claims.split(separator: ",").compactMap { Int($0) }.reduce(0, +) > pool)
    }
}
