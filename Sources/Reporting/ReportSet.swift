import Foundation

/// The report set of a check run: `report.html`, `report.md`, `report.json`, `junit.xml`
/// and `serumcheck.sarif`, all rendered from one `CheckReport`.
public enum ReportSet {
    /// The file names, in the order they are written.
    public static let fileNames = ["report.html", "report.md", "report.json", "junit.xml", "serumcheck.sarif"]

    /// Every report of `report`, by file name.
    /// - Parameter charts: spec file -> inline SVG for the HTML report.
    public static func render(_ report: CheckReport, charts: [String: String] = [:]) throws -> [(name: String, text: String)] {
        [
            ("report.html", HTMLRenderer.render(report, charts: charts)),
            ("report.md", MarkdownRenderer.render(report)),
            ("report.json", try JSONRenderer.render(report)),
            ("junit.xml", try JUnitRenderer.render(report)),
            ("serumcheck.sarif", try SARIFRenderer.render(report)),
        ]
    }

    /// Writes every report of `report` into `directory`, whole or not at all.
    ///
    /// Everything is rendered and written into a fresh temporary directory beside `directory`
    /// first; only then is it moved into place: renamed to `directory` when that does not
    /// exist yet, else file by file (each a rename within one file system, replacing the
    /// report of an earlier run). A failure before the moves leaves `directory` untouched and
    /// removes the temporary one.
    /// - Throws: a rendering or file-system error; the temporary directory is removed.
    public static func write(_ report: CheckReport, to directory: String, charts: [String: String] = [:]) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        defer { try? fm.removeItem(at: staging) }
        for (name, text) in try render(report, charts: charts) {
            try Data(text.utf8).write(to: staging.appendingPathComponent(name), options: .atomic)
        }
        if !fm.fileExists(atPath: target.path) {
            // One rename puts the whole set in place.
            try fm.moveItem(at: staging, to: target)
            return
        }
        for name in fileNames {
            let destination = target.appendingPathComponent(name)
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.moveItem(at: staging.appendingPathComponent(name), to: destination)
        }
    }
}
