import Foundation
import Testing

/// `serumcheck check` end to end: the report set, bad input, and a baseline that catches a
/// regressed guarantee (issue 12).
@Suite struct CheckCommandTests {
    static let paper = try! String(contentsOf: repositoryRoot.appendingPathComponent("specs/paper.toml"), encoding: .utf8)

    @Test func writesTheWholeReportSetAndSaysWhere() throws {
        let dir = try scratchDirectory(files: ["paper.toml": Self.paper])
        let result = try Serumcheck.run(["check", "paper.toml", "--budget", "0", "--out", "report"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("report").path)
        #expect(Set(files).isSuperset(of: ["report.html", "report.md", "report.json", "junit.xml", "serumcheck.sarif", "smt2"]))
        // One line per spec counts the properties report.json lists, every one as expected.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report/report.json"))) as! [String: Any]
        let specs = json["specs"] as! [[String: Any]]
        let count = (specs[0]["verification"] as! [Any]).count
        #expect(count >= 9)
        #expect(result.stdout.contains("paper.toml (paper): verify \(count)/\(count) as expected\n"))
        #expect(result.stdout.hasSuffix("report: report/report.html (also report.md, report.json, junit.xml, serumcheck.sarif)\n"))
        // Progress goes to standard error, one line per property.
        #expect(result.stderr.contains("verify [\(count)/\(count)] paper.toml: "))
    }

    @Test func aBrokenGuaranteeAgainstTheBaselineFailsNamingIt() throws {
        // beta = 1/2 < 1: a report independent of the sample earns 1 - beta = 1/2 > 0 (Eq. 8),
        // so heuristic-unprofitable, proved at beta = 1, is refuted.
        let broken = Self.paper.replacingOccurrences(of: "beta = 1.0", with: "beta = 0.5")
        #expect(broken != Self.paper)
        let dir = try scratchDirectory(files: ["paper.toml": Self.paper])
        // The same spec name, so the baseline's section matches it.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("broken"), withIntermediateDirectories: false)
        try broken.write(to: dir.appendingPathComponent("broken/paper.toml"), atomically: true, encoding: .utf8)
        let first = try Serumcheck.run(["check", "paper.toml", "--budget", "0", "--out", "base", "--quiet"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try Serumcheck.run(["check", "paper.toml", "--budget", "0", "--out", "again", "--baseline", "base/report.json"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("baseline base/report.json: no guarantee regressed\n"))
        let second = try Serumcheck.run(["check", "broken/paper.toml", "--budget", "0", "--out", "now", "--baseline", "base/report.json"], in: dir)
        #expect(second.status == 1)
        #expect(second.stdout.contains("REGRESSED paper: heuristic-unprofitable (verify) was proved, now refuted"))
    }

    /// A campaign run elsewhere (`fuzz --json`) is rendered as it is, not fuzzed again.
    @Test func fuzzResultsAreRenderedNotRunAgain() throws {
        let dir = try scratchDirectory(files: ["paper.toml": Self.paper])
        let fuzz = try Serumcheck.run(["fuzz", "paper.toml", "--budget", "3", "--seed", "7", "--json", "f.json", "--out", "cx", "--quiet"], in: dir)
        #expect(fuzz.status == 0, "\(fuzz.stderr)")
        let result = try Serumcheck.run(["check", "paper.toml", "--fuzz-results", "f.json", "--out", "report", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let campaign = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("f.json"))) as! [String: Any]
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report/report.json"))) as! [String: Any]
        let section = (report["specs"] as! [[String: Any]])[0]["fuzz"] as! [String: Any]
        #expect(section["seed"] as? Int == 7 && section["budget"] as? Int == 3)
        let outcomes = Dictionary(uniqueKeysWithValues: (campaign["properties"] as! [[String: Any]]).map { ($0["id"] as! String, $0["outcome"] as! String) })
        let rendered = Dictionary(uniqueKeysWithValues: (section["entries"] as! [[String: Any]]).map { ($0["id"] as! String, $0["outcome"] as! String) })
        #expect(rendered == outcomes)
        // Not fuzzed again: check wrote no counterexamples of its own.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report/counterexamples").path))
    }

    @Test(arguments: [
        (["check", "missing.toml"], "missing.toml"),
        (["check", "paper.toml", "--baseline", "nope.json"], "nope.json"),
        (["check", "paper.toml", "--budget", "-1"], "--budget"),
        (["check", "paper.toml", "--fuzz-results", "paper.toml"], "not a fuzz result file"),
    ])
    func badInputExitsTwoAndWritesNothing(arguments: [String], named: String) throws {
        let dir = try scratchDirectory(files: ["paper.toml": Self.paper])
        let result = try Serumcheck.run(arguments + ["--out", "report"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains(named), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report").path))
    }
}
