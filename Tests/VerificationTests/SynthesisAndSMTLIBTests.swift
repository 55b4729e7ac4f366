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
