import Foundation
import Testing

/// The repository root, found from this file's path (Tests/ReportingTests/Support.swift).
let repositoryRoot: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// This test target's directory.
let testsDirectory = "\(repositoryRoot)/Tests/ReportingTests"

/// Whether snapshots are recorded instead of compared (`SERUMCHECK_RECORD=1`).
let recording = ProcessInfo.processInfo.environment["SERUMCHECK_RECORD"] == "1"

/// Compares `text` with the committed snapshot `__Snapshots__/<name>`; with
/// `SERUMCHECK_RECORD=1` writes it instead (and the test records an issue, so a recording run
/// never passes silently).
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = "\(testsDirectory)/__Snapshots__/\(name)"
    if recording {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        Issue.record("recorded \(name); run again without SERUMCHECK_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        Issue.record("no snapshot \(name): record it with SERUMCHECK_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if text != expected {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record(
            """
            \(name) differs from its snapshot at line \(line + 1):
              snapshot: \(line < a.count ? String(a[line]) : "<end>")
              rendered: \(line < b.count ? String(b[line]) : "<end>")
            (re-record with SERUMCHECK_RECORD=1 if the change is intended)
            """, sourceLocation: sourceLocation)
    }
}

/// The Python with `jsonschema` (the project's `.venv`, made by `scripts/setup`, else `python3`).
let python: String = {
    let venv = "\(repositoryRoot)/.venv/bin/python"
    return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/env"
}()

/// Validates the JSON `instance` against the JSON schema at `schemaPath` with Python's
/// `jsonschema` (the validator the schema's `$schema` names); returns its error text, `nil`
/// when valid.
func schemaErrors(instance: String, schemaPath: String) throws -> String? {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reporting-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let instancePath = dir.appendingPathComponent("instance.json").path
    try Data(instance.utf8).write(to: URL(fileURLWithPath: instancePath))
    let script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        instance = json.load(open(sys.argv[2]))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.absolute_path))
        for e in errors:
            print("/".join(map(str, e.absolute_path)) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    let prefix = python.hasSuffix("/env") ? ["python3"] : []
    process.arguments = prefix + ["-c", script, schemaPath, instancePath]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 0 ? nil : text
}
