import Messages
import Testing

@Suite("Echo: user input inside messages")
struct EchoTests {
    @Test(arguments: [
        ("ptsfd", "\"ptsfd\""),
        ("ab\"c\\d", "\"ab\\\"c\\\\d\""),
        ("pt\r\0\u{FEFF}sd\u{7F}", "\"pt\\r\\0\\u{FEFF}sd\\u{7F}\""),
        ("a\tb\nc\u{1B}[31m", "\"a\\tb\\nc\\u{1B}[31m\""),
        ("\u{85}\u{202E}\u{2028}é", "\"\\u{85}\\u{202E}\\u{2028}é\""),
        ("", "\"\""),
    ])
    func escapesControlCharacters(input: String, shown: String) {
        #expect(Echo.quoted(input) == shown)
    }

    @Test func cutsALongValueAtTheLimitWithItsLength() {
        let long = String(repeating: "x", count: 8000)
        #expect(Echo.quoted(long) == "\"" + String(repeating: "x", count: 80) + "…\" (8000 characters)")
        let exactly = String(repeating: "y", count: 80)
        #expect(Echo.quoted(exactly) == "\"\(exactly)\"")
        #expect(Echo.quoted("abcdef", limit: 3) == "\"abc…\" (6 characters)")
    }

    @Test func bytesOutsideUTF8AreShownAsHex() {
        #expect(Echo.quoted(bytes: [0x41, 0xE9, 0x42]) == "\"A\\xE9B\"")
        #expect(Echo.quoted(bytes: Array("é1".utf8)) == "\"é1\"")
        #expect(Echo.quoted(bytes: [0xFF, 0xFE, 0x31, 0x32], limit: 2) == "\"\\xFF\\xFE…\" (4 bytes)")
        #expect(Echo.quoted(bytes: Array("0\r".utf8)) == "\"0\\r\"")
    }

    @Test func pathsAreEscapedButNotQuoted() {
        #expect(Echo.path("dir/a\"b\\c.json") == "dir/a\"b\\c.json")
        #expect(Echo.path("out\r.json") == "out\\r.json")
        #expect(Echo.path(String(repeating: "p", count: 300)) == String(repeating: "p", count: 240) + "… (300 characters)")
    }

    @Test func aSafeMessageKeepsLineBreaksAndIsIdempotent() {
        let message = "error: x\r\u{0}: bad\nsecond line \\ \"q\""
        let safe = Echo.safeMessage(message)
        #expect(safe == "error: x\\r\\0: bad\nsecond line \\ \"q\"")
        #expect(Echo.safeMessage(safe) == safe)
    }
}

@Suite("InvalidUTF8: where a file stops being text")
struct InvalidUTF8Tests {
    @Test func findsTheFirstBadByteWithLineColumnAndOffset() throws {
        let bytes = Array("a = 1\nname = \"caf".utf8) + [0xE9] + Array("\"\n".utf8)
        let found = try #require(InvalidUTF8.find(in: bytes))
        #expect(found == InvalidUTF8(byte: 0xE9, offset: 17, line: 2, column: 12))
        #expect(found.description == "byte 0xE9 at line 2, column 12 (byte offset 17)")
    }

    @Test func countsColumnsInCharacters() throws {
        let bytes = Array("é€".utf8) + [0xFF]
        #expect(InvalidUTF8.find(in: bytes) == InvalidUTF8(byte: 0xFF, offset: 5, line: 1, column: 3))
    }

    @Test func validTextHasNone() {
        #expect(InvalidUTF8.find(in: Array("ok\r\nfine é\n".utf8)) == nil)
        #expect(InvalidUTF8.find(in: [UInt8]()) == nil)
    }
}
