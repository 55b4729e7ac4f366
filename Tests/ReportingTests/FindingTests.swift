import Reporting
import Specs
import Testing
import Verification

@Suite struct FindingTests {
    @Test func aRefutedPropertyPointsAtTheLineOfItsPaperLiteralKnob() throws {
        let findings = try Fixtures.literal().findings
        let f = try #require(findings.first { $0.property == "heuristic-payoff-identity" })
        // Data/specs/paper-literal.toml line 24: normalization = "paper".
        #expect(f.target.key == "knobs.normalization")
        #expect(f.target.line == 24)
        #expect(f.severity == .medium)
        #expect(f.type == .incentive)
        #expect(f.recommendation.contains("`knobs.normalization = \"proper\"`"))
        #expect(f.exploitScenario.contains("heuristic_payoff = 1/9"))
        #expect(f.reproduce == "serumcheck verify specs/paper-literal.toml --property heuristic-payoff-identity")
        // budget-solvent: funds at risk, at payout = "paper" (line 28), listed first.
        let budget = try #require(findings.first)
        #expect(budget.property == "budget-solvent")
        #expect(budget.severity == .high)
        #expect(budget.target.line == 28)
        #expect(budget.recommendation.contains("`knobs.payout = \"balanced\"`"))
    }

    @Test func provedPropertiesAndMetHoldsAreNoFindings() throws {
        let findings = try Fixtures.literal().findings
        #expect(Set(findings.map(\.property)) == ["budget-solvent", "heuristic-unprofitable", "heuristic-payoff-identity", "no-free-riding"])
        let fuzz = try #require(findings.first { $0.source == .fuzz })
        #expect(fuzz.reproduce == "serumcheck replay serumcheck-fuzz/paper-literal/no-free-riding.json")
        // knobs.commitment = "paper" on line 27.
        #expect(fuzz.target.line == 27)
        #expect(fuzz.exploitScenario.contains("Case 17"))
    }

    @Test func beliefsKeyAndSynthesizedRangeAndUndecided() throws {
        let findings = try Fixtures.example48().findings
        let selfPredicting = try #require(findings.first { $0.property == "self-predicting" })
        // Data/specs/paper-48-example.toml line 19: peer_given_own = [[0.8, 0.2], [0.1, 0.9]].
        #expect(selfPredicting.target.key == "beliefs.peer_given_own")
        #expect(selfPredicting.target.line == 19)
        #expect(selfPredicting.severity == .low)
        let participation = try #require(findings.first { $0.property == "honest-participation" })
        // line 23: beta = 1.0; the synthesized range is the recommendation.
        #expect(participation.target.key == "mechanism.beta")
        #expect(participation.target.line == 23)
        #expect(participation.recommendation.contains("`mechanism.beta = {min = 0, max = 7.5}`"))
        let unknown = try #require(findings.first { $0.property == "truthful-best-response" })
        #expect(unknown.severity == .informational)
        #expect(unknown.type == .undecided)
        #expect(findings.last?.severity == .informational)
    }

    @Test func stableIDsDependOnSpecSourceAndPropertyOnly() throws {
        let a = Finding.stableID(spec: "paper", source: .verify, property: "self-predicting")
        #expect(a == Finding.stableID(spec: "paper", source: .verify, property: "self-predicting"))
        #expect(a != Finding.stableID(spec: "paper-literal", source: .verify, property: "self-predicting"))
        #expect(a != Finding.stableID(spec: "paper", source: .fuzz, property: "self-predicting"))
        #expect(a.count == 11 && a.hasPrefix("SC-"))
        #expect(a.dropFirst(3).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let ids = try Fixtures.report().findings.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == (try Fixtures.report().findings.map(\.id)))
    }

    @Test func aRealRefutationIsLocatedAtItsKey() throws {
        // The verifier itself, on the shipped paper-literal spec: Eq. 8 is refuted there
        // (README), and the finding points at normalization = "paper" (line 24).
        let path = "\(repositoryRoot)/specs/paper-literal.toml"
        let spec = try Spec.load(path: path)
        let result = Verifier(timeoutMilliseconds: 10_000).check(.heuristicPayoffIdentity, on: spec)
        let section = SpecSection(file: "specs/paper-literal.toml", spec: spec, lines: SpecLines.load(path: path), verification: [result])
        let finding = try #require(section.findings.first)
        #expect(result.verdict.name == "refuted")
        #expect(finding.target.line == 24)
        #expect(finding.target.key == "knobs.normalization")
    }

    @Test func hardenedSpecWithEverythingProvedHasNoVerifyFindings() throws {
        let path = "\(repositoryRoot)/specs/paper.toml"
        let spec = try Spec.load(path: path)
        let results = [PropertyID.heuristicPayoffIdentity, .heuristicUnprofitable].map {
            Verifier(timeoutMilliseconds: 10_000).check($0, on: spec)
        }
        let section = SpecSection(file: "specs/paper.toml", spec: spec, lines: SpecLines.load(path: path), verification: results)
        #expect(section.findings.isEmpty)
        #expect(section.knobs.allSatisfy { !$0.isPaperLiteral })
    }
}

@Suite struct SynthesisRecommendationTests {
    func section(_ name: String, _ result: PropertyResult) throws -> SpecSection {
        let path = "\(repositoryRoot)/specs/\(name)"
        return SpecSection(file: "specs/\(name)", spec: try Spec.load(path: path), lines: SpecLines.load(path: path), verification: [result])
    }

    @Test func aRefutedEffortIncentivePointsAtTheEffortCostAndSynthesizesCost() throws {
        let result = PropertyResult(
            id: .effortIncentive, verdict: .refuted(Verification.Counterexample([("effort_high", "2")])), expected: .proved,
            seconds: 0, smt2: nil, notes: [])
        let finding = try #require(try section("costs.toml", result).findings.first)
        // specs/costs.toml line 24: effort_high = { min = 0.5, max = 2.0 }.
        #expect(finding.target.key == "costs.effort_high")
        #expect(finding.target.line == 24)
        #expect(finding.recommendation.contains("`serumcheck verify specs/costs.toml --synthesize cost --property effort-incentive`"))
        #expect(try section("costs.toml", result).parameters.contains(Setting(key: "costs.effort_high", value: "{min = 0.5, max = 2}")))
    }

    @Test func aRefutedConsensusPropertySynthesizesTheDeposit() throws {
        let result = PropertyResult(
            id: .iewdsTruthfulUnique, verdict: .refuted(Verification.Counterexample([("d", "1")])), expected: .proved,
            seconds: 0, smt2: nil, notes: [])
        let finding = try #require(try section("consensus-costs.toml", result).findings.first)
        // specs/consensus-costs.toml line 17: deposit = 1000000.
        #expect(finding.target.key == "mechanism.deposit")
        #expect(finding.target.line == 17)
        #expect(finding.recommendation.contains("--synthesize deposit --property iewds-truthful-unique"))
        #expect(SynthesizedRange.parameter(forKey: "costs.compute", mechanism: .consensus) == .cost)
        #expect(SynthesizedRange.parameter(forKey: "costs.compute", mechanism: .ptsfd) == nil)
    }
}
