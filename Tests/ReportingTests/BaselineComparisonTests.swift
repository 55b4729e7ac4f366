import Fuzz
import Reporting
import Testing
import Verification

/// `check --baseline`: which changes of outcome fail a run and which are reported only.
@Suite struct BaselineComparisonTests {
    /// A one-spec report with the given verify verdicts and fuzz outcomes.
    func report(
        _ name: String = "paper", verify: [PropertyID: VerdictKind], fuzz: [FuzzPropertyID: Outcome]? = nil
    ) -> CheckReport {
        let entries = verify.map { id, verdict in
            VerificationEntry(id: id, verdict: verdict, expected: verdict, seconds: 1)
        }
        let section = fuzz.map { outcomes in
            FuzzSection(seed: 0, budget: 12, entries: outcomes.map { id, outcome in
                FuzzEntry(id: id, outcome: outcome, expected: outcome.rawValue, cases: 12, reproduce: "serumcheck fuzz")
            }, stableProfiles: [])
        }
        return CheckReport(command: "serumcheck check", specs: [SpecSection(
            file: "specs/\(name).toml", name: name, description: "", mechanism: .ptsfd, parameters: [], knobs: [],
            keyLines: [:], verification: entries, fuzz: section)])
    }

    @Test func aProvedPropertyNowRefutedOrUnknownIsARegression() {
        let before = report(verify: [.heuristicUnprofitable: .proved, .selfPredicting: .proved, .collusionUnprofitable: .refuted])
        let after = report(verify: [.heuristicUnprofitable: .refuted, .selfPredicting: .unknown, .collusionUnprofitable: .refuted])
        let comparison = BaselineComparison(baseline: before, current: after)
        #expect(!comparison.passed)
        #expect(comparison.regressions.map(\.property) == ["heuristic-unprofitable", "self-predicting"])
        #expect(comparison.regressions[0].line == "paper: heuristic-unprofitable (verify) was proved, now refuted")
        #expect(comparison.improvements.isEmpty)
    }

    @Test func anImprovementIsReportedAndDoesNotFail() {
        let before = report(verify: [.collusionUnprofitable: .refuted], fuzz: [.paddingUnprofitable: .violated])
        let after = report(verify: [.collusionUnprofitable: .proved], fuzz: [.paddingUnprofitable: .holds])
        let comparison = BaselineComparison(baseline: before, current: after)
        #expect(comparison.passed)
        #expect(comparison.improvements.map(\.line) == [
            "paper: collusion-unprofitable (verify) was refuted, now proved",
            "paper: padding-unprofitable (fuzz) was violated, now holds",
        ])
    }

    @Test func aHeldFuzzPropertyNowViolatedOrNoLongerCheckedIsARegression() {
        let before = report(verify: [:], fuzz: [.sybilUnprofitable: .holds, .depositConservation: .holds])
        let after = report(verify: [:], fuzz: [.sybilUnprofitable: .violated])
        let comparison = BaselineComparison(baseline: before, current: after)
        #expect(Set(comparison.regressions.map(\.line)) == [
            "paper: sybil-unprofitable (fuzz) was holds, now violated",
            "paper: deposit-conservation (fuzz) was holds, now not checked",
        ])
    }

    @Test func aRunWithoutFuzzingDoesNotJudgeTheBaselinesFuzzSection() {
        let before = report(verify: [.budgetSolvent: .proved], fuzz: [.sybilUnprofitable: .holds])
        let after = report(verify: [.budgetSolvent: .proved])
        #expect(BaselineComparison(baseline: before, current: after).passed)
    }

    @Test func aBaselineSpecTheRunDoesNotCheckIsListedNotJudged() {
        let before = report("consensus-2", verify: [.iewdsTruthfulUnique: .proved])
        let after = report(verify: [.budgetSolvent: .proved])
        let comparison = BaselineComparison(baseline: before, current: after)
        #expect(comparison.passed)
        #expect(comparison.unmatched == ["consensus-2"])
        #expect(comparison.summary(baselineFile: "b.json") == "baseline b.json: no guarantee regressed\n  not in this run: spec consensus-2\n")
    }
}
