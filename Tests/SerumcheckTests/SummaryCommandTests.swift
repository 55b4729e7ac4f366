import Foundation
import Testing

/// Every command prints its human summary with or without `--json` (on standard error when the
/// JSON goes to standard output), and nothing under `--quiet` (issue 10, section 3).
@Suite struct SummaryCommandTests {
    static let consensus = repositoryRoot.appendingPathComponent("specs/consensus-2.toml").path
    static let fuzzFlags = ["--budget", "4", "--property", "no-free-riding"]

    @Test func verifyWithJSONStillSaysWhichExpectationFailed() throws {
        let dir = try scratchDirectory(files: ["literal.toml": VerifyCommandTests.literal])
        let result = try Serumcheck.run(["verify", "literal.toml", "--property", "heuristic-unprofitable", "--json", "out.json"], in: dir)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("\nNOT MET: literal.toml: heuristic-unprofitable\n"), "\(result.stdout)")
        #expect(result.stdout.contains("heuristic-unprofitable  refuted    proved  FAILED"))
        #expect(result.stderr.contains("verdicts written to out.json\n"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
    }

    @Test func jsonOnStandardOutputMovesTheSummaryToStandardError() throws {
        let dir = try scratchDirectory(files: ["literal.toml": VerifyCommandTests.literal])
        let verify = try Serumcheck.run(["verify", "literal.toml", "--property", "heuristic-unprofitable", "--json", "-"], in: dir)
        #expect(verify.status == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) is [String: Any])
        #expect(verify.stderr.hasSuffix("\nNOT MET: literal.toml: heuristic-unprofitable\n"), "\(verify.stderr)")
        let fuzz = try Serumcheck.run(["fuzz", Self.consensus, "--json", "-", "--out", "cx"] + Self.fuzzFlags, in: dir)
        #expect(fuzz.status == 0, "\(fuzz.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(fuzz.stdout.utf8)) is [String: Any])
        #expect(fuzz.stderr.hasSuffix("every outcome meets its expectation\n"), "\(fuzz.stderr)")
    }

    @Test func settleAndSimulateKeepTheirTableWithJSON() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": SettleCommandTests.tinySpec, "votes.csv": SettleCommandTests.tinyVotes])
        let settle = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "out.json"], in: dir)
        #expect(settle.status == 0)
        #expect(settle.stdout.hasSuffix("aggregated labels (4): 0 1 1 0\n"), "\(settle.stdout)")
        #expect(settle.stderr == "settled; JSON written to out.json\n")
    }

    @Test func quietPrintsNothingForEveryCommand() throws {
        let dir = try scratchDirectory(files: [
            "tiny.toml": SettleCommandTests.tinySpec, "votes.csv": SettleCommandTests.tinyVotes,
            "literal.toml": VerifyCommandTests.literal,
        ])
        let runs: [(arguments: [String], status: Int32)] = [
            (["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "settle.json", "--quiet"], 0),
            (["verify", "literal.toml", "--property", "heuristic-unprofitable", "--json", "verify.json", "--quiet"], 1),
            (["fuzz", Self.consensus, "--json", "fuzz.json", "--out", "cx", "--quiet"] + Self.fuzzFlags, 0),
            (["merge", "fuzz.json", "--json", "merged.json", "--out", "cx", "--quiet"], 0),
            (["replay", "cx/consensus-2/no-free-riding.json", "--quiet"], 1),
        ]
        for (arguments, status) in runs {
            let result = try Serumcheck.run(arguments, in: dir)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(arguments): \(result.stdout)\(result.stderr)")
        }
        for file in ["settle.json", "verify.json", "fuzz.json", "merged.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
        }
        // Without --quiet, replay prints its verdict line.
        let replay = try Serumcheck.run(["replay", "cx/consensus-2/no-free-riding.json"], in: dir)
        #expect(replay.stdout.hasPrefix("cx/consensus-2/no-free-riding.json: no-free-riding still violated (n=2 "), "\(replay.stdout)")
    }
}
