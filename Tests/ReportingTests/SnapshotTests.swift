import Foundation
import Reporting
import Testing

/// Every renderer against its committed snapshot (`__Snapshots__`, re-recorded with
/// `SERUMCHECK_RECORD=1`), from the fixture run of two shipped specs.
@Suite struct SnapshotTests {
    @Test func json() throws {
        try assertSnapshot(JSONRenderer.render(Fixtures.report()), named: "report.json")
    }

    @Test func markdown() throws {
        try assertSnapshot(MarkdownRenderer.render(Fixtures.report()), named: "report.md")
    }

    @Test func html() throws {
        let chart = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#
        try assertSnapshot(HTMLRenderer.render(Fixtures.report(), charts: ["specs/paper-literal.toml": chart]), named: "report.html")
    }

    @Test func junit() throws {
        try assertSnapshot(JUnitRenderer.render(Fixtures.report()), named: "junit.xml")
    }

    @Test func sarif() throws {
        try assertSnapshot(SARIFRenderer.render(Fixtures.report()), named: "serumcheck.sarif")
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let a = try ReportSet.render(Fixtures.report()), b = try ReportSet.render(Fixtures.report())
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.map(\.name) == ReportSet.fileNames)
    }
}
