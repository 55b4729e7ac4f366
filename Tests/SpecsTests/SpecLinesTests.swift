import Specs
import Testing

@Suite struct SpecLinesTests {
    @Test func keysTablesStringsAndArraysAreFollowed() {
        // Line numbers by hand: each line of the document below, counted from 1.
        let toml = """
            name = "t"
            description = \"\"\"
            a [fake] = header
            still = the string\"\"\"
            # comment = 1
            [federation]
            workers = 4   # trailing
            prior = [0.25,
              0.75]
            "quoted key" = 1
            [ mechanism ]
            beta = { min = 1, max = 2 }
            dotted . key = 'x = y'
            [checks]
            self-predicting = "proved"
            """
        let lines = SpecLines(toml: toml)
        #expect(lines.line(of: "name") == 1)
        #expect(lines.line(of: "description") == 2)
        #expect(lines.line(of: "fake") == nil)
        #expect(lines.line(of: "still") == nil)
        #expect(lines.line(of: "federation") == 6)
        #expect(lines.line(of: "federation.workers") == 7)
        #expect(lines.line(of: "federation.prior") == 8)
        #expect(lines.line(of: "federation.quoted key") == 10)
        #expect(lines.line(of: "mechanism") == 11)
        #expect(lines.line(of: "mechanism.beta") == 12)
        #expect(lines.line(of: "mechanism.min") == nil)
        #expect(lines.line(of: "mechanism.dotted.key") == 13)
        #expect(lines.line(of: "checks.self-predicting") == 15)
        #expect(lines.first(of: ["beliefs.peer_given_own", "mechanism.beta"])?.line == 12)
    }

    @Test func shippedSpecKeysAreWhereTheFileWritesThem() {
        // specs/paper-literal.toml: [knobs] opens at line 23 with normalization on line 24 and
        // payout on line 28, after the 5-line multi-line description (lines 3-8).
        let lines = SpecLines.load(path: specPath("paper-literal.toml"))
        #expect(lines.line(of: "knobs") == 23)
        #expect(lines.line(of: "knobs.normalization") == 24)
        #expect(lines.line(of: "knobs.payout") == 28)
        #expect(lines.line(of: "checks.heuristic-payoff-identity") == 39)
    }

    @Test func anUnreadableFileGivesNoLines() {
        #expect(SpecLines.load(path: "/nonexistent/spec.toml").lines.isEmpty)
    }
}
