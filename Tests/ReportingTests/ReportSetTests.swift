import Foundation
import Reporting
import Testing

@Suite struct ReportSetTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reportset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func writesTheFiveReportsAndReplacesAnEarlierSet() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("serumcheck-report")
        let report = try Fixtures.report()
        try ReportSet.write(report, to: out.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ReportSet.fileNames.sorted())
        try Data("stale".utf8).write(to: out.appendingPathComponent("report.md"))
        try ReportSet.write(report, to: out.path)
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(md == MarkdownRenderer.render(report))
        // No staging directory is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["serumcheck-report"])
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The target's parent is a regular file: nothing can be created under it.
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: (any Error).self) { try ReportSet.write(try Fixtures.report(), to: blocker.appendingPathComponent("out").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file"])
    }
}
