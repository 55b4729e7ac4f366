import Mechanisms
import Specs
import Testing

@Suite("Vote files")
struct VotesFileTests {
    @Test func tinyExample() throws {
        let votes = try VotesFile.read(path: specPath("examples/votes-3x4.csv"), classes: 2)
        #expect(votes.workers == 3 && votes.samples == 4 && votes.classes == 2)
        #expect(votes.row(0) == [0, 1, 1, 0])
        #expect(votes.row(1) == [0, 1, 0, 0])
        #expect(votes.row(2) == [0, nil, 1, 1])
    }

    @Test func spacesBlankLinesAndCRLF() throws {
        let text = "\n 0 ,1,\t-1\r\n\n  \n2, 2 ,0\r\n\n"
        let votes = try VotesFile.parse(text: text, file: "v.csv", classes: 3)
        #expect(votes.row(0) == [0, 1, nil])
        #expect(votes.row(1) == [2, 2, 0])
        #expect(try VotesFile.parse(bytes: Array(text.utf8), file: "v.csv", classes: 3) == votes)
    }

    @Test func noTrailingNewline() throws {
        let votes = try VotesFile.parse(text: "1,0\n0,1", file: "v.csv", classes: 2)
        #expect(votes.row(1) == [0, 1])
    }

    @Test(arguments: [
        ("0,1\n0,x\n", SpecError.Location.field(line: 2, field: 2),
            "\"x\" is not an integer label (expected 0 ... 1, or -1 for no report)"),
        ("0,1\n0,1.5\n", .field(line: 2, field: 2), "\"1.5\" is not an integer label"),
        ("0,1\n0, 1 2\n", .field(line: 2, field: 2), "\"1 2\" is not an integer label"),
        ("0,1\n\n0,2\n", .field(line: 3, field: 2), "label \"2\" is out of range (expected 0 ... 1"),
        ("0,-2\n", .field(line: 1, field: 2), "label \"-2\" is out of range"),
        ("0,99999999999999999999999\n", .field(line: 1, field: 2), "label \"99999999999999999999999\" is out of range"),
        ("-,1\n", .field(line: 1, field: 1), "\"-\" is not an integer label"),
        ("0,,1\n", .field(line: 1, field: 2), "empty field"),
        ("0,1,\n", .field(line: 1, field: 3), "empty field"),
        ("0,1\n1,0,1\n", .line(2), "row has 3 labels, but the first row (line 1) has 2"),
        ("\n0,1\n1\n", .line(3), "row has 1 labels, but the first row (line 2) has 2"),
        ("", .file, "no rows (expected one row of labels per worker)"),
        ("\n  \n", .file, "no rows"),
    ])
    func refused(text: String, location: SpecError.Location, reason: String) {
        let error = refusal { () throws(SpecError) in
            try VotesFile.parse(text: text, file: "v.csv", classes: 2)
        }
        #expect(error?.file == "v.csv")
        #expect(error?.location == location, "\(String(describing: error))")
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func messageFormat() {
        let error = refusal { () throws(SpecError) in
            try VotesFile.parse(text: "0,1\n0,abc\n", file: "v.csv", classes: 2)
        }
        #expect(error?.description
            == "v.csv:2: field 2: \"abc\" is not an integer label (expected 0 ... 1, or -1 for no report)")
    }

    @Test func longBadTextIsShortened() {
        let junk = String(repeating: "z", count: 500)
        let error = refusal { () throws(SpecError) in
            try VotesFile.parse(text: "0,\(junk)\n", file: "v.csv", classes: 2)
        }
        #expect(error?.reason == "\"" + String(repeating: "z", count: 80) + "…\" (500 characters) is not an integer label "
            + "(expected 0 ... 1, or -1 for no report)")
    }

    @Test func byteOrderMarkAndEveryLineEnd() throws {
        let plain = try VotesFile.parse(text: "0,1\n1,0\n", file: "v.csv", classes: 2)
        for bytes in [
            [0xEF, 0xBB, 0xBF] + Array("0,1\r\n1,0\r\n".utf8),
            Array("0,1\r1,0\r".utf8),
            Array("0,1\r\r\n1,0".utf8),
            [0xEF, 0xBB, 0xBF] + Array("\r\n0,1\n\r1,0".utf8),
        ] {
            #expect(try VotesFile.parse(bytes: bytes, file: "v.csv", classes: 2) == plain, "\(bytes)")
        }
        // Lines are counted across every kind of line end.
        let error = refusal { () throws(SpecError) in
            try VotesFile.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("0,1\r1,0\r\n0,x\r".utf8), file: "v.csv", classes: 2)
        }
        #expect(error?.location == .field(line: 3, field: 2))
    }

    @Test func workerCountAndClasses() {
        let rows = refusal { () throws(SpecError) in
            try VotesFile.parse(text: "0\n1\n", file: "v.csv", classes: 2, workers: 3)
        }
        #expect(rows?.description == "v.csv: has 2 rows, but the spec has 3 workers")
        let classes = refusal { () throws(SpecError) in
            try VotesFile.parse(text: "0\n", file: "v.csv", classes: 255)
        }
        #expect(classes?.location == .file)
        #expect(classes?.reason.contains("255") == true)
        let missing = refusal { () throws(SpecError) in
            try VotesFile.read(path: "/nonexistent/v.csv", classes: 2)
        }
        #expect(missing?.description == "/nonexistent/v.csv: cannot read the file: No such file or directory")
    }

    @Test func largeFileMatchesItsRows() throws {
        // 200 workers x 5000 samples (about 2.3 MB), with a seeded generator.
        var rng = SplitMix(seed: 7)
        let workers = 200, samples = 5000, classes = 10
        var rows: [[Int?]] = []
        var text = ""
        text.reserveCapacity(workers * samples * 3)
        for _ in 0 ..< workers {
            let row: [Int?] = (0 ..< samples).map { _ in
                let v = Int(rng.next() % 11)
                return v == 10 ? nil : v
            }
            rows.append(row)
            text += row.map { $0.map(String.init) ?? "-1" }.joined(separator: ",") + "\n"
        }
        let clock = ContinuousClock()
        var votes: VoteMatrix?
        let elapsed = try clock.measure {
            votes = try VotesFile.parse(text: text, file: "big.csv", classes: classes)
        }
        #expect(votes == (try VoteMatrix(rows: rows, classes: classes)), "seed 7")
        #expect(elapsed < .seconds(5), "parsing \(text.utf8.count) bytes took \(elapsed)")
    }
}

/// A small seeded generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
