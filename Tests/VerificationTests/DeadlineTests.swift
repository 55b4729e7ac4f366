import Solver
import Specs
import Testing

@testable import Verification

/// `--time-limit`: a deadline cuts every query to what is left and, once passed, answers
/// `unknown` with its reason instead of starting anything.
@Suite("Run deadline") struct DeadlineTests {
    @Test func queriesAreCutToWhatIsLeft() {
        let far = Deadline(seconds: 3600)
        #expect(!far.passed)
        let left = far.remainingMilliseconds ?? 0
        #expect(left > 3_500_000 && left <= 3_600_000)
        #expect(Optional(far).queryTimeout(cap: 10_000) == 10_000)
        #expect(Optional<Deadline>.none.queryTimeout(cap: 10_000) == 10_000)
        let past = Deadline(seconds: 1, from: .now - .seconds(2))
        #expect(past.passed && past.remainingMilliseconds == nil)
        #expect(Optional(past).queryTimeout(cap: 10_000) == nil)
        #expect(past.reason == "the run's time limit (--time-limit 1 s) was reached before this was decided")
        #expect(Deadline(seconds: 0.25).limitText == "0.25")
    }

    @Test func aPassedDeadlineAnswersUnknownForEveryKindOfProperty() throws {
        let past = Deadline(seconds: 1, from: .now - .seconds(2))
        let verifier = Verifier(timeoutMilliseconds: 10_000, deadline: past)
        let ptsfd = try ptsfdSpec(classes: 3, workers: 4)
        for id in [PropertyID.selfPredicting, .collusionUnprofitable] {
            let result = verifier.check(id, on: ptsfd)
            #expect(result.verdict == .unknown(reason: past.reason), "\(id)")
        }
        let consensus = try consensusSpec(workers: 3)
        for id in [PropertyID.iewdsTruthfulUnique, .coalitionResilient] {
            #expect(verifier.check(id, on: consensus).verdict == .unknown(reason: past.reason), "\(id)")
        }
    }

    @Test func everyQueryIsCounted() throws {
        final class Counter: @unchecked Sendable { var n = 0 }
        let counter = Counter()
        let verifier = Verifier(timeoutMilliseconds: 10_000) { id in
            #expect(id == .iewdsTruthfulUnique)
            counter.n += 1
        }
        let result = verifier.check(.iewdsTruthfulUnique, on: try consensusSpec(workers: 2))
        #expect(result.verdict == .proved)
        // The notes state the queries the IEWDS asked; the progress saw each of them.
        let stated = result.notes.compactMap { note -> Int? in
            guard let r = note.range(of: "; ") , note.hasSuffix("Z3 dominance queries") else { return nil }
            return Int(note[r.upperBound...].split(separator: " ").first ?? "")
        }
        #expect(stated == [counter.n] && counter.n > 0)
    }
}
