import Mechanisms
import Specs
import Testing

@Suite("Results files")
struct ResultsFileTests {
    @Test func examples() throws {
        let agree = try ResultsFile.read(path: specPath("examples/results-2-agree.txt"))
        let bytes: [UInt8] = [0x5E, 0x2B, 0x9C, 0x01, 0x47, 0xAA, 0x31, 0xD8]
        #expect(agree == [.result(bytes), .result(bytes)])
        let disagree = try ResultsFile.read(path: specPath("examples/results-2-disagree.txt"))
        #expect(disagree.count == 2 && disagree[0] != disagree[1])
        let missing = try ResultsFile.read(path: specPath("examples/results-5-one-missing.txt"))
        #expect(missing == [.result(bytes), .result(bytes), .none, .result(bytes), .result(bytes)])
    }

    @Test func formats() throws {
        let text = "  0XaBcD \r\n\nabcd\n-\n0x\n\t-\t"
        let results = try ResultsFile.parse(text: text, file: "r.txt", workers: 5)
        #expect(results == [.result([0xAB, 0xCD]), .result([0xAB, 0xCD]), .none, .result([]), .none])
    }

    @Test(arguments: [
        ("00\nabc\n", SpecError.Location.line(2), "\"abc\" is not a result: has an odd number of hex digits (3)"),
        ("0x12\n0x1g\n", .line(2), "'g' at hex digit 2 is not a hex digit"),
        ("--\n", .line(1), "\"--\" is not a result"),
        ("12 345\n", .line(1), "' ' at hex digit 3 is not a hex digit"),
        ("", .file, "no results (expected one line per worker"),
        ("\n \n", .file, "no results"),
    ])
    func refused(text: String, location: SpecError.Location, reason: String) {
        let error = refusal { () throws(SpecError) in try ResultsFile.parse(text: text, file: "r.txt") }
        #expect(error?.file == "r.txt")
        #expect(error?.location == location, "\(String(describing: error))")
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func byteOrderMarkAndEveryLineEnd() throws {
        let expected: [Consensus.Submission] = [.result([0xAB]), .none, .result([])]
        for bytes in [
            [0xEF, 0xBB, 0xBF] + Array("0xab\r\n-\r\n0x\r\n".utf8),
            Array("ab\r-\r0x".utf8),
        ] {
            #expect(try ResultsFile.parse(bytes: bytes, file: "r.txt") == expected, "\(bytes)")
        }
        let error = refusal { () throws(SpecError) in
            try ResultsFile.parse(bytes: Array("ab\r-\r0x\u{1}".utf8), file: "r.txt")
        }
        #expect(error?.description == "r.txt:3: \"0x\\u{1}\" is not a result: has an odd number of hex digits (1) "
            + "(expected hex bytes, optionally after 0x, or - for no submission)")
    }

    @Test func messages() {
        let error = refusal { () throws(SpecError) in try ResultsFile.parse(text: "0x1\n", file: "r.txt") }
        #expect(error?.description
            == "r.txt:1: \"0x1\" is not a result: has an odd number of hex digits (1) "
            + "(expected hex bytes, optionally after 0x, or - for no submission)")
        let count = refusal { () throws(SpecError) in
            try ResultsFile.parse(text: "-\n", file: "r.txt", workers: 2)
        }
        #expect(count?.description == "r.txt: has 1 results, but the spec has 2 workers")
        let missing = refusal { () throws(SpecError) in try ResultsFile.read(path: "/nonexistent/r.txt") }
        #expect(missing?.description == "/nonexistent/r.txt: cannot read the file: No such file or directory")
    }
}
