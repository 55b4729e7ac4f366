import Foundation
import Solver
import Specs
import Testing
import Verification

@Suite struct SynthesisAndSMTLIBTests {
    @Test func synthesisFindsTheBetaIntervalBetweenEq8AndParticipation() throws {
        let spec = try ptsfdSpec(beta: "{ min = 0.0, max = 12.0 }")
        let synthesis = Synthesis(verifier: verifier, properties: [.heuristicUnprofitable, .honestParticipation])
        let result = try synthesis.run(spec, parameter: .beta, file: "test.toml")
        guard let (low, high) = result.interval else {
            Issue.record("no interval")
            return
        }
        // Analytically: beta >= 1 (Eq. 8) and beta < 73/9 (honest matching reward at accuracy 0.9).
        #expect(abs(low - 1) < 1e-5 && low >= 1)
        #expect(abs(high - 73.0 / 9) < 1e-5 && high < 73.0 / 9)
        #expect(result.proofs.allSatisfy(isProved))
    }

    @Test func pointsThatPassDoNotMakeARangeThatPassesAndTheSearchNarrows() throws {
        // At a point both accuracies are equal, so self-predicting holds at every accuracy
        // (the sign of (a_w - e_w)(a_p - e_p) is that of a square). Over a range they differ, and
        // it holds exactly when both lie on the same side of 1/|C| = 1/10: the widest proved
        // interval of [0.05, 0.95] is (1/10, 0.95].
        let spec = try ptsfdSpec(accuracy: "{ min = 0.05, max = 0.95 }")
        let synthesis = Synthesis(verifier: verifier, properties: [.selfPredicting])
        let result = try synthesis.run(spec, parameter: .accuracy, file: "test.toml")
        #expect(result.failingPoints.isEmpty)
        #expect(!isProved(verifier.check(.selfPredicting, on: spec)))
        guard let (low, high) = result.interval else {
            Issue.record("no interval: \(result.summary)")
            return
        }
        #expect(low > 0.1 && low - 0.1 < 1e-5, "\(low)")
        #expect(high == 0.95)
        #expect(result.beyond.count == 1 && isRefuted(result.beyond[0].result))
        #expect(result.beyond.first.map { $0.tried.0 <= 0.1 } == true)
        #expect(!result.summary.contains("largest"))
    }

    @Test func theZ3BinaryReachesTheSameAnswerFromTheEmittedSMTLIB2() throws {
        let proved = verifier.check(.heuristicUnprofitable, on: try ptsfdSpec())
        let refuted = verifier.check(.heuristicUnprofitable, on: try ptsfdSpec(beta: "{ min = 0.5, max = 2.0 }"))
        for (result, answer) in [(proved, "unsat"), (refuted, "sat")] {
            let text = try #require(result.smt2)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("serumcheck-\(UUID().uuidString).smt2")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let z3 = Process()
            z3.executableURL = URL(fileURLWithPath: "/usr/bin/z3")
            z3.arguments = ["-smt2", file.path]
            let pipe = Pipe()
            z3.standardOutput = pipe
            try z3.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            z3.waitUntilExit()
            #expect(output.split(separator: "\n").first.map(String.init) == answer, "\(output)")
        }
    }
}
