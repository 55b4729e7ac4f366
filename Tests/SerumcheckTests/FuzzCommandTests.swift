import Foundation
import Testing

/// `fuzz`, `replay` and `merge` end to end through the built binary (debug build, so the
/// campaigns are kept small: one economic property, a few cases).
@Suite struct FuzzCommandTests {
    static let spec = repositoryRoot.appendingPathComponent("specs/paper-literal.toml").path
    static let small = ["--budget", "3", "--property", "label-count-integrity", "--property", "withdraw-bounded", "--quiet"]

    @Test func sameSeedSameJSONWhateverTheThreadsAndShards() throws {
        let dir = try scratchDirectory(files: [:])
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let one = try Serumcheck.run(["fuzz", Self.spec, "--threads", "1", "--json", path("one.json"), "--out", path("cx")] + Self.small)
        let two = try Serumcheck.run(["fuzz", Self.spec, "--threads", "2", "--json", path("two.json"), "--out", path("cx")] + Self.small)
        // paper-literal violates label-count-integrity, as its [checks] expect: exit 0.
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)")
        let whole = try String(contentsOfFile: path("one.json"), encoding: .utf8)
        #expect(whole.contains("\"outcome\" : \"violated\""))
        let cx = path("cx/paper-literal/label-count-integrity.json")
        let counterexample = try Data(contentsOf: URL(fileURLWithPath: cx))
        try FileManager.default.removeItem(atPath: cx)
        #expect(whole == (try String(contentsOfFile: path("two.json"), encoding: .utf8)))
        // Three shard processes, then merge: byte for byte the unsharded file.
        for i in 0 ..< 3 {
            let shard = try Serumcheck.run(["fuzz", Self.spec, "--shard", "\(i)/3", "--json", path("s\(i).json"), "--out", path("cx")] + Self.small)
            #expect(shard.status == 0 || shard.status == 1, "\(shard.stderr)")
        }
        let merged = try Serumcheck.run(["merge", path("s0.json"), path("s1.json"), path("s2.json"), "--json", path("merged.json"), "--out", path("cx"), "--quiet"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect((try String(contentsOfFile: path("merged.json"), encoding: .utf8)) == whole)
        // The counterexample written by the merge is the unsharded run's.
        #expect(try Data(contentsOf: URL(fileURLWithPath: cx)) == counterexample)
    }

    @Test func consensusCampaignsAreThreadIndependentAndFollowTheSpecsStrategies() throws {
        let consensus = repositoryRoot.appendingPathComponent("specs/consensus-2.toml").path
        let flags = ["--budget", "30", "--property", "no-free-riding", "--property", "honest-dominates-collusion", "--quiet"]
        let dir = try scratchDirectory(files: [:])
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let one = try Serumcheck.run(["fuzz", consensus, "--threads", "1", "--json", path("one.json"), "--out", path("cx")] + flags)
        let two = try Serumcheck.run(["fuzz", consensus, "--threads", "2", "--json", path("two.json"), "--out", path("cx")] + flags)
        // consensus-2 expects no-free-riding violated and collusion to hold: exit 0.
        #expect(one.status == 0 && two.status == 0, "\(one.stdout)\(one.stderr)")
        let whole = try String(contentsOfFile: path("one.json"), encoding: .utf8)
        #expect(whole == (try String(contentsOfFile: path("two.json"), encoding: .utf8)))
        let replay = try Serumcheck.run(["replay", path("cx/consensus-2/no-free-riding.json")])
        #expect(replay.status == 1 && replay.stdout.contains("no-free-riding still violated (n=2 "), "\(replay.stdout)")
        // With every background seat honest ([strategies]), nobody fails, so a free ride never
        // pays: the outcome no longer meets the expectation.
        let text = try String(contentsOfFile: consensus, encoding: .utf8)
            .replacingOccurrences(of: "[checks]", with: "[strategies]\nworkers = [\"honest\", \"honest\"]\n\n[checks]")
        let honest = try scratchDirectory(files: ["honest.toml": text]).appendingPathComponent("honest.toml").path
        let restricted = try Serumcheck.run(["fuzz", honest, "--out", path("cx2")] + flags.dropLast())
        #expect(restricted.status == 1, "\(restricted.stdout)\(restricted.stderr)")
        let row = restricted.stdout.split(separator: "\n").first { $0.hasPrefix("no-free-riding ") }
        #expect(row?.split(separator: " ").prefix(4) == ["no-free-riding", "holds", "violated", "FAIL"], "\(restricted.stdout)")
    }

    /// A hand-edited counterexample outside what a campaign can draw is refused (exit 2, the
    /// field named) instead of trapping inside the mechanisms.
    @Test func economicCasesAreLimitedInWorkersButTheContractIsNot() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("specs/paper.toml"), encoding: .utf8)
            .replacingOccurrences(of: "workers = 10\n", with: "workers = 101\n")
        let dir = try scratchDirectory(files: ["big.toml": text])
        let refused = try Serumcheck.run(["fuzz", "big.toml", "--budget", "1", "--out", "cx", "--quiet"], in: dir)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("big.toml: federation.workers: fuzz plays economic cases of at most 100 workers, not 101"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("cx").path))
        let contract = try Serumcheck.run(["fuzz", "big.toml", "--budget", "1", "--property", "deposit-conservation", "--out", "cx", "--quiet"], in: dir)
        #expect(contract.status == 0, "\(contract.stderr)")
    }

    @Test func replayRefusesAFederationThatCannotBePlayed() throws {
        let committed = repositoryRoot.appendingPathComponent("reports/counterexamples/paper/sybil-unprofitable.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: committed)) as? [String: Any])
        var federation = try #require(object["federation"] as? [String: Any])
        let dir = try scratchDirectory(files: [:])
        for (key, value, message) in [
            ("workers", -1, "federation.workers -1 is outside 2 ... 10000"),
            ("classes", 1, "federation.classes 1 is outside 2 ... 254"),
            ("replications", 0, "federation.replications 0 is outside 1 ... 100000"),
        ] as [(String, Int, String)] {
            federation[key] = value
            object["federation"] = federation
            let file = dir.appendingPathComponent("\(key).json")
            try JSONSerialization.data(withJSONObject: object).write(to: file)
            let result = try Serumcheck.run(["replay", file.path])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("the counterexample of sybil-unprofitable cannot be played: \(message)"), "\(result.stderr)")
            federation = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: committed)) as? [String: Any])["federation"] as! [String: Any]
        }
    }

    @Test func replayExitsOneWhileViolatedAndZeroOnceFixed() throws {
        let dir = try scratchDirectory(files: [:])
        let out = dir.appendingPathComponent("cx").path
        _ = try Serumcheck.run(["fuzz", Self.spec, "--out", out] + Self.small)
        let file = out + "/paper-literal/label-count-integrity.json"
        let still = try Serumcheck.run(["replay", file])
        #expect(still.status == 1)
        #expect(still.stdout.contains("label-count-integrity still violated"))
        let hardened = repositoryRoot.appendingPathComponent("specs/paper.toml").path
        let fixed = try Serumcheck.run(["replay", file, "--spec", hardened])
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout.contains("label-count-integrity holds now"))
        let missing = try Serumcheck.run(["replay", dir.appendingPathComponent("nope.json").path])
        #expect(missing.status == 2)
        let broken = dir.appendingPathComponent("broken.json")
        try Data(#"{"schema": 1, "property": "sybil-unprofitable", "caseIndex": "seven"}"#.utf8).write(to: broken)
        let malformed = try Serumcheck.run(["replay", broken.path])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("broken.json: not a counterexample file: missing key \"specName\""), "\(malformed.stderr)")
    }

    @Test(arguments: [
        (["--property", "no-such-property"], "--property no-such-property: no fuzz property has that id"),
        (["--shard", "3/3"], "--shard 3/3: expected I/N with 0 <= I < N"),
        (["--budget", "0"], "--budget 0 is outside 1 ... 10000000."),
        (["--budget", "3", "--time", "5"], "Give --budget N or --time SECONDS, not both."),
        (["--workers", "bank"], "--workers bank needs the spec's simulation tables"),
        (["--property", "distillation-helps-honest"], "--property distillation-helps-honest is not judged on any of the given specs"),
    ])
    func badFlagsExitTwo(flags: [String], message: String) throws {
        let dir = try scratchDirectory(files: [:])
        let json = dir.appendingPathComponent("out.json").path
        let result = try Serumcheck.run(["fuzz", Self.spec, "--json", json] + flags)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: json))
    }

    /// A corpus collects near-misses and one case per refusal reason, and a later run judges
    /// them first (more cases than its budget).
    @Test func corpusKeepsCasesThatLaterRunsStartFrom() throws {
        let dir = try scratchDirectory(files: [:])
        let corpus = dir.appendingPathComponent("corpus").path
        let args = ["fuzz", Self.spec, "--budget", "2", "--property", "honest-dominates-heuristic",
                    "--property", "refusal-no-effect", "--quiet", "--corpus", corpus, "--out", dir.appendingPathComponent("cx").path]
        let first = try Serumcheck.run(args + ["--json", dir.appendingPathComponent("a.json").path])
        #expect(first.status == 0, "\(first.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus + "/paper-literal")
        #expect(files.contains("honest-dominates-heuristic.json"))
        #expect(files.contains { $0.hasPrefix("refusal-") })
        let second = try Serumcheck.run(args + ["--json", dir.appendingPathComponent("b.json").path])
        #expect(second.status == 0, "\(second.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("b.json"))) as! [String: Any]
        let lines = report["properties"] as! [[String: Any]]
        let cases = Dictionary(uniqueKeysWithValues: lines.map { ($0["id"] as! String, $0["cases"] as! Int) })
        #expect(cases["honest-dominates-heuristic"] == 3)
        #expect(cases["refusal-no-effect"] == 2 + files.filter { $0.hasPrefix("refusal-") }.count)
        let sharded = try Serumcheck.run(args + ["--shard", "0/2"])
        #expect(sharded.status == 2)
        #expect(sharded.stderr.contains("--corpus and --shard do not go together"))
    }

    @Test func unknownCheckIdIsRefused() throws {
        let text = try String(contentsOfFile: Self.spec, encoding: .utf8) + "honest-dominates-heurstic = \"holds\"\n"
        let dir = try scratchDirectory(files: ["typo.toml": text])
        let result = try Serumcheck.run(["fuzz", dir.appendingPathComponent("typo.toml").path, "--budget", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("checks.honest-dominates-heurstic: no property is called \"honest-dominates-heurstic\""), "\(result.stderr)")
        let verify = try Serumcheck.run(["verify", dir.appendingPathComponent("typo.toml").path])
        #expect(verify.status == 2)
    }
}
