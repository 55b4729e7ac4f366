import Foundation
import Fuzz
import Reporting
import Specs
import Testing

@Suite struct FuzzSectionTests {
    struct Silent: FuzzSession.Progress {
        func cases(_ phase: String, done: Int, total: Int?, violations: Int) {}
        func finished(_ phase: String, summary: String) {}
        func note(_ text: String) {}
    }

    @Test func aRealCampaignsViolationBecomesAFindingAtItsKnob() throws {
        // paper-literal trusts the revealed labelCount (label_count = "paper", line 26), which
        // the spec expects fuzz to exploit (label-count-integrity = "violated").
        let path = "\(repositoryRoot)/specs/paper-literal.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let spec = try Spec.load(path: path)
        let session = FuzzSession(
            spec: spec, path: "specs/paper-literal.toml", text: text, seed: 0, properties: [.labelCountIntegrity],
            restricted: true, source: .synthetic, models: nil, threads: 2, shrinkLimit: 50, out: "serumcheck-fuzz",
            shard: nil, bank: nil)
        let (report, _) = try session.run(budget: 2, time: nil, progress: Silent())
        let section = SpecSection(
            file: "specs/paper-literal.toml", spec: spec, lines: SpecLines.load(path: path), verification: [], fuzz: report)
        let entry = try #require(section.fuzz?.entries.first { $0.id == .labelCountIntegrity })
        #expect(entry.outcome == .violated)
        #expect(entry.met)
        #expect(entry.counterexample != nil)
        let finding = try #require(section.findings.first)
        #expect(finding.source == .fuzz)
        #expect(finding.target.key == "knobs.label_count")
        #expect(finding.target.line == 26)
        #expect(finding.reproduce == "serumcheck replay serumcheck-fuzz/paper-literal/label-count-integrity.json")
        #expect(finding.recommendation.contains("`knobs.label_count = \"verified\"`"))
    }
}
