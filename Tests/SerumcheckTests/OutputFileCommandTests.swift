import Foundation
import Testing

/// Output files are written whole or not at all, wherever their path leads, and every output
/// path is checked before a command starts its work (issue 10, section 3).
@Suite struct OutputFileCommandTests {
    static let tinySpec = SettleCommandTests.tinySpec
    static let tinyVotes = SettleCommandTests.tinyVotes

    /// The settlement JSON of the tiny spec, as `--json -` prints it.
    func expectedJSON(in dir: URL) throws -> String {
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "-", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func aSymbolicLinkToALongerFileIsReplacedWhole() throws {
        let dir = try scratchDirectory(files: [
            "tiny.toml": Self.tinySpec, "votes.csv": Self.tinyVotes,
            "long.json": String(repeating: "x", count: 20_000) + "\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.json").path, withDestinationPath: "long.json")
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "link.json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: dir.appendingPathComponent("long.json"), encoding: .utf8)
        #expect(written == (try expectedJSON(in: dir)))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.json").path) == "long.json")
        // No temporary file is left beside the target.
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["tiny.toml", "votes.csv", "long.json", "link.json"])
    }

    @Test func aDanglingLinkIntoAnotherDirectoryCreatesItsTarget() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": Self.tinySpec, "votes.csv": Self.tinyVotes])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("real"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("out.json").path, withDestinationPath: "real/target.json")
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "out.json", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("real/target.json"), encoding: .utf8) == (try expectedJSON(in: dir)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("real").path) == ["target.json"])
    }

    @Test func anExistingFileKeepsItsPermissions() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": Self.tinySpec, "votes.csv": Self.tinyVotes, "out.json": "old"])
        let out = dir.appendingPathComponent("out.json").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: out)
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "out.json", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o640)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try expectedJSON(in: dir)))
    }

    @Test func devStdoutIsStandardOutputAndTheTableMovesToStandardError() throws {
        let dir = try scratchDirectory(files: ["tiny.toml": Self.tinySpec, "votes.csv": Self.tinyVotes])
        let result = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "/dev/stdout"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try expectedJSON(in: dir)))
        #expect(result.stderr.contains("aggregated labels (4): 0 1 1 0\n"))
    }

    /// Every output path of every command is refused before any work: the message is the
    /// whole of standard error (no progress line, no table) and nothing is written.
    @Test(arguments: [
        (["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "nodir/out.json"],
         "error: --json nodir/out.json: the directory nodir does not exist\n"),
        (["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "no\rdir/out.json"],
         "error: --json no\\rdir/out.json: the directory no\\rdir does not exist\n"),
        (["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "adir"], "error: --json adir: is a directory\n"),
        (["settle", "--spec", "tiny.toml", "--votes", "votes.csv", "--json", "afile/out.json"],
         "error: --json afile/out.json: afile is not a directory\n"),
        (["verify", "literal.toml", "--json", "adir/"], "error: --json adir/: names a directory, not a file\n"),
        (["verify", "literal.toml", "--emit-smt2", "afile"], "error: --emit-smt2 afile: is not a directory\n"),
        (["verify", "literal.toml", "--emit-smt2", "smt2", "--property", "heuristic-unprofitable"],
         "error: --emit-smt2 smt2/literal.heuristic-unprofitable.smt2: is a directory\n"),
        (["simulate", "absent.toml", "--json", "nodir/out.json"], "error: --json nodir/out.json: the directory nodir does not exist\n"),
        (["simulate", "absent.toml", "--bank", "afile"], "error: --bank afile: is not a directory\n"),
        (["fuzz", "literal.toml", "--out", "afile"], "error: --out afile: is not a directory\n"),
        (["fuzz", "literal.toml", "--corpus", "afile/sub"], "error: --corpus afile/sub: afile is not a directory\n"),
        (["fuzz", "literal.toml", "--json", "adir"], "error: --json adir: is a directory\n"),
        (["fuzz", "literal.toml", "--property", "label-count-integrity", "--out", "cx"],
         "error: --out cx/literal/label-count-integrity.json: is a directory\n"),
        (["replay", "absent.json", "--bank", "afile"], "error: --bank afile: is not a directory\n"),
        (["merge", "absent.json", "--json", "nodir/m.json"], "error: --json nodir/m.json: the directory nodir does not exist\n"),
        (["merge", "absent.json", "--json", "m.json", "--out", "afile"], "error: --out afile: is not a directory\n"),
    ])
    func outputPathsAreCheckedBeforeAnyWork(arguments: [String], message: String) throws {
        let dir = try scratchDirectory(files: [
            "tiny.toml": Self.tinySpec, "votes.csv": Self.tinyVotes, "literal.toml": VerifyCommandTests.literal, "afile": "",
        ])
        for directory in ["adir", "smt2/literal.heuristic-unprofitable.smt2", "cx/literal/label-count-integrity.json"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        let before = try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()
        let result = try Serumcheck.run(arguments, in: dir)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr == message, "\(arguments)")
        #expect(result.stdout.isEmpty, "\(arguments)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted() == before, "\(arguments)")
    }
}
