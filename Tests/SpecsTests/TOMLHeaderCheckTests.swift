import Testing

@testable import Specs

/// Table headers that toml++ would abort on (an assertion, exit 134) are refused first with
/// their position; what is legal inside values is left to the parser.
@Suite("TOML header check") struct TOMLHeaderCheckTests {
    @Test(arguments: [
        ("[}echanism]\nkind = 1", 1, 2, "}"),
        ("a = 1\n  [[ {x]]", 2, 6, "{"),
        ("a = \"\"\"\n[ok]\n\"\"\"\n[#x]", 4, 2, "#"),
        ("[ .x]", 1, 3, "."),
        ("a = [}]", 1, 6, "}"),
        ("a = [1, }]", 1, 9, "}"),
        ("a = [\n # c\n  }]", 3, 3, "}"),
        ("a = [{ b = [1, }] }]", 1, 16, "}"),
    ])
    func badHeadersAreFound(toml: String, line: Int, column: Int, found: Character) {
        let bad = TOMLHeaderCheck.firstBadHeader(toml)
        #expect(bad?.line == line && bad?.column == column && bad?.found == found, "\(String(describing: bad))")
    }

    @Test(arguments: [
        "[mechanism]\nkind = \"x\"",
        "[[tables]]\n[ \"quoted key\" ]\n['lit']",
        "a = [\n  [{ b = 1 }],\n  [ # a comment in an array\n  1],\n  [+1, .5],\n]",
        "s = \"\"\"\n[}not a header: inside a string\n\"\"\"",
        "t = '''\n[{'''\n# [}comment",
        "[]",
        "a = [1, 2, ]\nb = { c = [] }\nd = [{}, {e = 1}]",
        "a = [\"}\", '}', \"\"\"}\"\"\"]",
    ])
    func legalDocumentsPass(toml: String) {
        #expect(TOMLHeaderCheck.firstBadHeader(toml) == nil)
    }

    @Test func theSpecIsRefusedWithThePosition() {
        let error = specRefusal("[}mechanism]\n" + ptsfd())
        #expect(error?.description.contains("x.toml:1:2: TOML syntax error: a table header must start with a key, found \"}\"") == true,
                "\(String(describing: error))")
    }
}
