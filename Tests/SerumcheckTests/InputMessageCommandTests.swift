import Foundation
import Testing

/// Messages that echo user input escape control characters, cut long values and say where a
/// file stops being UTF-8; vote and results files are read as spreadsheet programs write
/// them, and from standard input (issue 10, section 4).
@Suite struct InputMessageCommandTests {
    static let tinySpec = SettleCommandTests.tinySpec
    static let consensus = repositoryRoot.appendingPathComponent("specs/consensus-2.toml").path

    /// A scratch directory holding the tiny spec and the given files, byte for byte.
    func directory(_ files: [String: [UInt8]]) throws -> URL {
        let dir = try scratchDirectory(files: ["tiny.toml": Self.tinySpec])
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    func settle(_ votes: [UInt8]) throws -> CommandResult {
        try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "v.csv"], in: try directory(["v.csv": votes]))
    }

    @Test func controlCharactersInAFieldAreEscaped() throws {
        let result = try settle(Array("0,1,1,0\n0,1,\u{1}ab\u{7F}\u{0}c,0\n0,-1,1,1\n".utf8))
        #expect(result.status == 2)
        #expect(result.stderr == "error: v.csv:2: field 3: \"\\u{1}ab\\u{7F}\\0c\" is not an integer label (expected 0 ... 1, or -1 for no report)\n")
    }

    @Test func aLongFieldIsCutWithItsLength() throws {
        let digits = String(repeating: "9", count: 6000)
        let result = try settle(Array("0,1,1,0\n0,1,\(digits),0\n0,-1,1,1\n".utf8))
        #expect(result.status == 2)
        #expect(result.stderr == "error: v.csv:2: field 3: label \"\(digits.prefix(80))…\" (6000 characters) is out of range (expected 0 ... 1, or -1 for no report)\n")
    }

    @Test func bytesOutsideUTF8AreShownAsHex() throws {
        let result = try settle(Array("0,1,1,0\n0,1,".utf8) + [0xE9] + Array(",0\n0,-1,1,1\n".utf8))
        #expect(result.stderr == "error: v.csv:2: field 3: \"\\xE9\" is not an integer label (expected 0 ... 1, or -1 for no report)\n")
    }

    @Test func specValuesAndKeysAreEscapedAndCut() throws {
        let long = String(repeating: "x", count: 8000)
        let dir = try scratchDirectory(files: [
            "cr.toml": Self.tinySpec.replacingOccurrences(of: "kind = \"ptsfd\"", with: "kind = \"pt\\r\\u001Bsd\""),
            "long.toml": Self.tinySpec.replacingOccurrences(of: "kind = \"ptsfd\"", with: "kind = \"\(long)\""),
            "key.toml": Self.tinySpec + "\n\(long) = 1\n",
        ])
        let cases: [(String, String)] = [
            ("cr.toml", "error: cr.toml: mechanism.kind: unknown kind \"pt\\r\\u{1B}sd\" (expected \"ptsfd\" or \"consensus\")\n"),
            ("long.toml", "error: long.toml: mechanism.kind: unknown kind \"\(long.prefix(80))…\" (8000 characters) (expected \"ptsfd\" or \"consensus\")\n"),
            ("key.toml", "error: key.toml: contract.\(long.prefix(71))… (8009 characters): unknown key (expected one of: commit_window, lambda_schedule, reveal_window, rounds, units_per_reward)\n"),
        ]
        for (file, message) in cases {
            let result = try Serumcheck.run(["verify", file], in: dir)
            #expect(result.status == 2)
            #expect(result.stderr == message, "\(file)")
        }
    }

    @Test func aSpecThatIsNotUTF8SaysWhere() throws {
        // "accuracy = 0.9 # caf\xE9": a Latin-1 comment in the spec's sixth line.
        let parts = Self.tinySpec.components(separatedBy: "accuracy = 0.9")
        let before = Array((parts[0] + "accuracy = 0.9 # caf").utf8)
        let dir = try directory(["bad.toml": before + [0xE9] + Array(parts[1].utf8)])
        #expect(parts[0].split(separator: "\n").count == 5)
        let result = try Serumcheck.run(["verify", "bad.toml"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr == "error: bad.toml: is not UTF-8 text: byte 0xE9 at line 6, column 21 (byte offset \(before.count))\n")
    }

    @Test func commandLineValuesAreEscapedAndCut() throws {
        let long = String(repeating: "y", count: 8000)
        let dir = try scratchDirectory(files: ["tiny.toml": Self.tinySpec])
        let property = try Serumcheck.run(["verify", "tiny.toml", "--property", long], in: dir)
        #expect(property.status == 2)
        #expect(property.stderr.hasPrefix("Error: Unknown property \"\(long.prefix(80))…\" (8000 characters). Known: "), "\(property.stderr)")
        let option = try Serumcheck.run(["verify", "tiny.toml", "--\(long)"], in: dir)
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("Error: Unknown option '--\(long.prefix(78))…' (8002 characters)\n"), "\(option.stderr.prefix(300))")
        let control = try Serumcheck.run(["verify", "tiny.toml", "--jobs", "4\r\u{1B}[2J"], in: dir)
        #expect(control.status == 2)
        #expect(control.stderr.hasPrefix("Error: The value '4\\r\\u{1B}[2J' is invalid for '--jobs <n>'\n"), "\(control.stderr)")
    }

    /// A byte-order mark and CRLF or CR line ends settle exactly like the plain file.
    @Test func votesAsSpreadsheetProgramsWriteThem() throws {
        let plain = try settle(Array(SettleCommandTests.tinyVotes.utf8))
        #expect(plain.status == 0)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for variant in [
            bom + Array("0,1,1,0\r\n0,1,0,0\r\n0,-1,1,1\r\n".utf8),
            Array("0,1,1,0\r0,1,0,0\r0,-1,1,1\r".utf8),
            bom + Array("0,1,1,0\r0,1,0,0\r\n\r\n0,-1,1,1".utf8),
        ] {
            let result = try settle(variant)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == plain.stdout)
        }
        // A byte-order mark anywhere but the start is still an error, where it is.
        let late = try settle(Array("0,1,1,0\n\u{FEFF}0,1,0,0\n0,-1,1,1\n".utf8))
        #expect(late.stderr == "error: v.csv:2: field 1: \"\\u{FEFF}0\" is not an integer label (expected 0 ... 1, or -1 for no report)\n")
    }

    @Test func resultsAsSpreadsheetProgramsWriteThem() throws {
        let dir = try directory([
            "plain.txt": Array("0x5e2b\n-\n".utf8),
            "excel.txt": [0xEF, 0xBB, 0xBF] + Array("0x5e2b\r\n-\r\n".utf8),
            "mac.txt": Array("0x5e2b\r-\r".utf8),
        ])
        let plain = try Serumcheck.run(["settle", "--spec", Self.consensus, "--results", "plain.txt"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        for file in ["excel.txt", "mac.txt"] {
            let result = try Serumcheck.run(["settle", "--spec", Self.consensus, "--results", file], in: dir)
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(result.stdout == plain.stdout, "\(file)")
        }
    }

    @Test func dashReadsVotesAndResultsFromStandardInput() throws {
        let dir = try directory(["v.csv": Array(SettleCommandTests.tinyVotes.utf8)])
        let file = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "v.csv"], in: dir)
        let piped = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "-"], in: dir, input: Data(SettleCommandTests.tinyVotes.utf8))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == file.stdout)
        let results = try Serumcheck.run(["settle", "--spec", Self.consensus, "--results", "-"], in: dir, input: Data("0x5e2b\n0x5e2b\n".utf8))
        #expect(results.status == 0, "\(results.stderr)")
        #expect(results.stdout.contains("all results agree"))
        let bad = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "-"], in: dir, input: Data("0,1\n0,x\n".utf8))
        #expect(bad.status == 2)
        #expect(bad.stderr == "error: standard input:2: field 2: \"x\" is not an integer label (expected 0 ... 1, or -1 for no report)\n")
        let count = try Serumcheck.run(["settle", "--spec", "tiny.toml", "--votes", "-"], in: dir, input: Data("0,1\n".utf8))
        #expect(count.stderr == "error: standard input: has 1 rows (workers), but tiny.toml sets federation.workers = 3\n")
    }
}
