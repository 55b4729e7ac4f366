import Solver
import Specs
import Testing
import Verification

@Suite struct SelfPredictingTests {
    @Test func thePapersSection48ExampleIsRefutedWithTheMisreport() throws {
        // Pr(a) = 0.8, Pr(b) = 0.2 for a worker that observed a, but R(a) = 0.9, R(b) = 0.1:
        // 0.8 / 0.9 < 0.2 / 0.1, so reporting b pays (Witt et al., section 4.8 (3)).
        let spec = try Spec.load(path: repositoryRoot.appending("/specs/paper-48-example.toml"))
        let result = verifier.check(.selfPredicting, on: spec)
        #expect(isRefuted(result))
        #expect(result.verdict.counterexample?["observed"] == "0")
        #expect(result.verdict.counterexample?["misreport"] == "1")
        // The tool's scores are the paper's: P(a|a) / R(a) = 0.8 / 0.9 = 8/9 against
        // P(b|a) / R(b) = 0.2 / 0.1 = 2, a margin of 8/9 - 2 = -10/9.
        #expect(result.values["truthful_score"] == Rational(8, 9))
        #expect(result.values["misreport_score"] == 2)
        #expect(result.values["score_margin"] == Rational(-10, 9))
        let truthful = verifier.check(.truthfulBestResponse, on: spec)
        #expect(isRefuted(truthful))
        #expect(truthful.verdict.counterexample?["observed"] == "0")
    }

    // Accuracy model, uniform prior: joint(x, x) - joint(x, y) is proportional to
    // (a_w - e_w)(a_p - e_p) with e = (1 - a) / (|C| - 1), positive iff both accuracies lie on the
    // same side of 1/|C|.
    @Test func accuraciesAboveOneOverCAreSelfPredicting() throws {
        #expect(isProved(verifier.check(.selfPredicting, on: try ptsfdSpec(accuracy: "{ min = 0.11, max = 1.0 }"))))
        #expect(isProved(verifier.check(.truthfulBestResponse, on: try ptsfdSpec(accuracy: "{ min = 0.11, max = 1.0 }"))))
    }

    @Test func anAccuracyBelowOneOverCIsRefutedAndTheCounterexampleRechecks() throws {
        let result = verifier.check(.selfPredicting, on: try ptsfdSpec(accuracy: "{ min = 0.05, max = 1.0 }"))
        #expect(isRefuted(result))
        guard let aw = value(result, "accuracy_worker"), let ap = value(result, "accuracy_peer") else { return }
        let ew = (1 - aw) / 9, ep = (1 - ap) / 9
        #expect((aw - ew) * (ap - ep) <= 0, "a_w = \(aw), a_p = \(ap)")
    }
}

let repositoryRoot: String = {
    var url = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
    url = "/" + url
    return url
}()
