import Solver
import Specs
import Testing
import Verification

/// Synthesis over `cost`, `deposit` and `reward`: the thresholds it establishes.
@Suite struct SynthesisCostsTests {
    @Test func theLargestEffortCostIsWhereHighEffortStopsPaying() throws {
        // Low effort at accuracy 0.5 earns 32/9, free; high effort 64/9 - c (PTSFDCostsTests):
        // effort pays exactly while c < 32/9. Participation (no fixed cost) while c < 64/9.
        let spec = try ptsfdSpec(extra: "[costs]\neffort_high = { min = 0.0, max = 6.0 }\naccuracy_low = 0.5")
        let synthesis = Synthesis(verifier: verifier, properties: [.effortIncentive, .honestParticipation])
        let result = try synthesis.run(spec, parameter: .cost, file: "test.toml")
        guard let (low, high) = result.interval else { Issue.record("no interval: \(result.summary)"); return }
        #expect(low == 0)
        #expect(high < 32.0 / 9 && 32.0 / 9 - high < 1e-5, "\(high)")
        #expect(result.beyond.count == 1 && isRefuted(result.beyond[0].result))
        #expect(result.summary.contains("threshold: the largest cost established is \(high)"))
        // The refutation beyond names an effort cost at or above 32/9.
        guard let at = result.beyond.first?.result.verdict.counterexample?["effort_high"].flatMap(Rational.init) else {
            Issue.record("no effort_high in \(result.summary)"); return
        }
        #expect(at >= Rational(32, 9))
    }

    @Test func theConsensusPropertiesHoldOnlyAtZeroCost() throws {
        var spec = try consensusSpec(workers: 3)
        spec.costs.compute = .range(min: 0, max: 100)
        let synthesis = Synthesis(verifier: verifier, properties: [.iewdsTruthfulUnique, .coalitionResilient])
        let result = try synthesis.run(spec, parameter: .cost, file: "test.toml")
        #expect(result.interval.map { $0 == (0, 0) } == true, "\(result.summary)")
        #expect(result.summary.contains("threshold: the largest cost established is 0.0"))
        // No reward restores them while c can be positive: no interval, and no threshold claimed.
        spec.mechanism.rewardRange = 0 ... 1000
        let reward = try synthesis.run(spec, parameter: .reward, file: "test.toml")
        #expect(reward.interval == nil)
        #expect(!reward.summary.contains("threshold"))
    }

    @Test func integerParametersAreCheckedOnIntegerIntervals() throws {
        var spec = try consensusSpec(workers: 2)
        spec.mechanism.depositRange = 1 ... 1000
        let synthesis = Synthesis(verifier: verifier, properties: [.iewdsTruthfulUnique])
        let result = try synthesis.run(spec, parameter: .deposit, file: "test.toml")
        #expect(result.interval.map { $0 == (1, 1000) } == true, "\(result.summary)")
        #expect(result.summary.contains("every property is proved from deposit = 1.0"))
        #expect(throws: Synthesis.NotARange.self) { try synthesis.run(try ptsfdSpec(), parameter: .reward, file: "t.toml") }
    }
}
