import Foundation
import Testing

/// End-to-end tests of `serumcheck verify`.
@Suite struct VerifyCommandTests {
    static let literal = """
        name = "literal"
        [federation]
        workers = 5
        classes = 3
        accuracy = 0.9
        [mechanism]
        kind = "ptsfd"
        deposit = 1000
        [knobs]
        normalization = "paper"
        """

    struct Output: Decodable {
        struct SpecVerdicts: Decodable { var spec: String; var properties: [Property] }
        struct Property: Decodable {
            var id: String
            var verdict: String
            var expected: String
            var met: Bool
            var seconds: Double
            var counterexample: [String: String]
            var smt2: String?
        }
        var specs: [SpecVerdicts]
    }

    @Test func shippedSpecsMeetTheirChecks() throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("specs").path)
            .filter { $0.hasSuffix(".toml") }.sorted().map { "specs/\($0)" }
        let result = try Serumcheck.run(["verify"] + specs + ["--json", "-"], in: repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.specs.count == specs.count)
        #expect(output.specs.allSatisfy { $0.properties.allSatisfy(\.met) })
    }

    @Test func verdictsUnderInconsistentBeliefsAreMarkedInTheTableAndTheJSON() throws {
        struct Caveats: Decodable {
            struct Spec: Decodable { var properties: [Property] }
            struct Property: Decodable { var id: String; var verdict: String; var caveats: [String] }
            var specs: [Spec]
        }
        let arguments = ["verify", "specs/paper-48-example.toml", "--property", "self-predicting",
                         "--property", "budget-solvent", "--property", "beliefs-consistent"]
        let result = try Serumcheck.run(arguments + ["--json", "-"], in: repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let properties = try JSONDecoder().decode(Caveats.self, from: Data(result.stdout.utf8)).specs.first?.properties ?? []
        #expect(properties.map(\.id) == ["self-predicting", "budget-solvent", "beliefs-consistent"])
        #expect(properties.map(\.caveats) == [["inconsistent-beliefs"], [], []])
        // The table (on standard error beside --json -) marks the verdict and says why.
        #expect(result.stderr.contains("refuted*"))
        #expect(result.stderr.contains("* rests on an assumption the spec does not satisfy: inconsistent-beliefs"))
        #expect(result.stderr.contains("beliefs-consistent: nearest consistent matrix"))
    }

    @Test func aMissedExpectationExitsOneAndTheJSONCarriesTheCounterexample() throws {
        let dir = try scratchDirectory(files: ["literal.toml": Self.literal])
        let result = try Serumcheck.run(
            ["verify", "literal.toml", "--property", "heuristic-unprofitable", "--json", "out.json", "--emit-smt2", "smt2"], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(contentsOf: dir.appendingPathComponent("out.json")))
        let property = try #require(output.specs.first?.properties.first)
        #expect(property.id == "heuristic-unprofitable")
        #expect(property.verdict == "refuted" && property.expected == "proved" && !property.met)
        #expect(property.counterexample["beta"] == "1")
        #expect(property.smt2?.contains("check-sat") == true)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("smt2/literal.heuristic-unprofitable.smt2").path))
    }

    @Test func aTimeLimitStopsTheWholeRunWithUnknownVerdicts() throws {
        // Ten consensus workers take far longer than a second (about 35 s on 2 cores).
        let spec = "name = \"c10\"\n[federation]\nworkers = 10\n[mechanism]\nkind = \"consensus\"\ndeposit = 10\nreward = 2\n"
        let dir = try scratchDirectory(files: ["c10.toml": spec])
        let result = try Serumcheck.run(["verify", "c10.toml", "--time-limit", "1"], in: dir)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        for id in ["iewds-truthful-unique", "coalition-resilient"] {
            let row = result.stdout.split(separator: "\n").first { $0.hasPrefix(id + " ") }
            #expect(row?.split(separator: " ").dropFirst().first == "unknown", "\(result.stdout)")
        }
        #expect(result.stdout.contains("time limit (--time-limit 1 s) was reached"), "\(result.stdout)")
        let zero = try Serumcheck.run(["verify", "c10.toml", "--time-limit", "0"], in: dir)
        #expect(zero.status == 2 && zero.stderr.contains("--time-limit 0.0 is outside (0, 1e9] seconds."), "\(zero.stderr)")
    }

    @Test func anExpectedRefutationExitsZero() throws {
        let dir = try scratchDirectory(files: ["literal.toml": Self.literal + "\n[checks]\nheuristic-unprofitable = \"refuted\"\n"])
        let result = try Serumcheck.run(["verify", "literal.toml", "--property", "heuristic-unprofitable"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("counterexample"))
    }

    @Test func badInputExitsTwo() throws {
        let dir = try scratchDirectory(files: ["literal.toml": Self.literal])
        for (arguments, message) in [
            (["verify", "literal.toml", "--property", "no-such-property"], "no-such-property"),
            (["verify", "missing.toml"], "missing.toml"),
            (["verify", "literal.toml", "--property", "iewds-truthful-unique"], "does not apply"),
            (["verify", "literal.toml", "--synthesize", "beta"], "single value"),
            (["verify", "literal.toml", "--synthesize", "gamma"], "gamma"),
            (["verify", "literal.toml", "--timeout-ms", "0"], "timeout"),
        ] {
            let result = try Serumcheck.run(arguments, in: dir)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
