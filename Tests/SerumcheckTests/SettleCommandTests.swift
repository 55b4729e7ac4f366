import Foundation
import Testing

/// End-to-end tests of `serumcheck settle`: the built binary, its stdout, files and exit code.
@Suite struct SettleCommandTests {
    static let tinySpec = """
        name = "tiny"
        description = "3 workers, 2 classes: the hand-worked case of the mechanism tests"
        [federation]
        workers = 3
        classes = 2
        accuracy = 0.9
        [mechanism]
        kind = "ptsfd"
        beta = 1.0
        lambda = 1.0
        deposit = 1000
        [contract]
        units_per_reward = 8
        """
    static let tinyVotes = "0,1,1,0\n0,1,0,0\n0,-1,1,1\n"

    struct Output: Decodable {
        struct Worker: Decodable { var index: Int; var reported: Int; var reward: Double; var meanReward: Double; var payout: Int }
        var labels: [Int]
        var workers: [Worker]
        var residue: Int
    }

    @Test func settlesTheHandWorkedCaseToJSON() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": Self.tinySpec, "votes.csv": Self.tinyVotes])
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "out.json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("out.json"))
        let output = try JSONDecoder().decode(Output.self, from: data)
        // Hand-computed (proper normalization, beta = lambda = 1): 17/8, 5/4, -1/15.
        #expect(output.labels == [0, 1, 1, 0])
        #expect(output.workers.map(\.reported) == [4, 4, 3])
        let expected = [17.0 / 8, 5.0 / 4, -1.0 / 15]
        for i in 0 ..< 3 {
            #expect(abs(output.workers[i].reward - expected[i]) < 1e-12)
            #expect(abs(output.workers[i].meanReward - expected[i] / Double(output.workers[i].reported)) < 1e-12)
        }
        // Balanced payout at 8 units per reward: units floor(8r) = 17, 10, -1; sum 26, k = 3;
        // 3u - 26 = 25, 4, -29 -> loss ceil(29/3) = 10; gains 25 and 4 share 10:
        // floor(25 * 10 / 29) = 8, floor(4 * 10 / 29) = 1 -> 1008, 1001, 990, residue 1.
        #expect(output.workers.map(\.payout) == [1008, 1001, 990])
        #expect(output.residue == 1)
    }

    @Test func printsATableWithoutJSON() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": Self.tinySpec, "votes.csv": Self.tinyVotes])
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv"], in: dir)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.contains(["worker", "reported", "reward", "mean", "reward", "payout"]))
        #expect(lines.contains(["0", "4", "2.1250", "0.5313", "1008"]))
        #expect(lines.contains(["2", "3", "-0.0667", "-0.0222", "990"]))
        #expect(result.stdout.contains("aggregated labels (4): 0 1 1 0"))
    }

    @Test func shippedSpecsSettleTheShippedExamples() throws {
        let paper = try Serumcheck.run(
            ["settle", "--spec", "specs/paper.toml", "--votes", "specs/examples/votes-10x20.csv"], in: repositoryRoot)
        #expect(paper.status == 0, "\(paper.stderr)")
        let literal = try Serumcheck.run(
            ["settle", "--spec", "specs/paper-literal.toml", "--votes", "specs/examples/votes-10x20.csv"], in: repositoryRoot)
        #expect(literal.status == 0, "\(literal.stderr)")
        let consensus = try Serumcheck.run(
            ["settle", "--spec", "specs/consensus-2.toml", "--results", "specs/examples/results-2-agree.txt"], in: repositoryRoot)
        #expect(consensus.status == 0, "\(consensus.stderr)")
        #expect(consensus.stdout.contains("all results agree"))
    }

    @Test func badInputExitsTwoNamesTheProblemAndWritesNothing() throws {
        let cases: [(files: [String: String], arguments: [String], message: String)] = [
            (["s.toml": Self.tinySpec + "\nbogus = 1\n", "v.csv": Self.tinyVotes], ["--spec", "s.toml", "--votes", "v.csv"], "bogus"),
            (["s.toml": Self.tinySpec.replacingOccurrences(of: "beta = 1.0", with: "beta = { min = 1.0, max = 2.0 }"), "v.csv": Self.tinyVotes],
             ["--spec", "s.toml", "--votes", "v.csv"], "mechanism.beta"),
            (["s.toml": Self.tinySpec.replacingOccurrences(of: "workers = 3", with: "workers = 4"), "v.csv": Self.tinyVotes],
             ["--spec", "s.toml", "--votes", "v.csv"], "federation.workers = 4"),
            (["s.toml": Self.tinySpec, "v.csv": "0,1,1,0\n0,1,x,0\n0,-1,1,1\n"], ["--spec", "s.toml", "--votes", "v.csv"], "v.csv:2"),
            (["s.toml": Self.tinySpec, "v.csv": "0,1,1,0\n0,1,2,0\n0,-1,1,1\n"], ["--spec", "s.toml", "--votes", "v.csv"], "v.csv:2"),
            (["s.toml": Self.tinySpec], ["--spec", "s.toml", "--votes", "missing.csv"], "missing.csv"),
            (["s.toml": Self.tinySpec.replacingOccurrences(of: "deposit = 1000", with: "deposit = { min = 1, max = 9 }"), "v.csv": Self.tinyVotes],
             ["--spec", "s.toml", "--votes", "v.csv"], "mechanism.deposit: is a range"),
            (["s.toml": Self.tinySpec, "v.csv": Self.tinyVotes], ["--spec", "s.toml"], "--votes"),
            (["s.toml": Self.tinySpec, "v.csv": Self.tinyVotes], ["--spec", "s.toml", "--votes", "v.csv", "--frobnicate"], "frobnicate"),
        ]
        for (files, arguments, message) in cases {
            let dir = try scratchDirectory(files: files)
            let result = try Serumcheck.run(["settle"] + arguments + ["--json", "out.json"], in: dir)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
        }
    }

    @Test func anUnwritableJSONPathFailsCleanly() throws {
        let dir = try scratchDirectory(files: ["s.toml": Self.tinySpec, "v.csv": Self.tinyVotes])
        let result = try Serumcheck.run(["settle", "--spec", "s.toml", "--votes", "v.csv", "--json", "no/such/dir/out.json"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/dir/out.json"))
    }

    @Test func helpExitsZeroAndTeaches() throws {
        let root = try Serumcheck.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("settle"))
        let settle = try Serumcheck.run(["settle", "--help"])
        #expect(settle.status == 0)
        // ArgumentParser wraps the discussion to the terminal: compare it unwrapped.
        #expect(settle.stdout.replacingOccurrences(of: "\n", with: " ").contains("-1 for no report"))
    }
}

/// Output to special files is written in place, never renamed over.
@Suite struct SpecialOutputFileTests {
    @Test func jsonIntoAFIFOKeepsTheFIFOAndDeliversTheJSON() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": SettleCommandTests.tinySpec, "votes.csv": SettleCommandTests.tinyVotes])
        let fifo = dir.appendingPathComponent("pipe").path
        let mkfifo = Process()
        mkfifo.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
        mkfifo.arguments = [fifo]
        try mkfifo.run()
        mkfifo.waitUntilExit()
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", fifo], in: dir)
        let delivered = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(delivered.contains("\"labels\""))
        let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
        #expect(type != FileAttributeType.typeRegular && type != nil, "the FIFO was replaced: \(String(describing: type))")
    }

    @Test func dashWritesJSONToStandardOutput() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": SettleCommandTests.tinySpec, "votes.csv": SettleCommandTests.tinyVotes])
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "-"], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
    }
}
