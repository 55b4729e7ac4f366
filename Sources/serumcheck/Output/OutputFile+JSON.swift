import Foundation

extension OutputFile {
    /// `value` as pretty-printed JSON with sorted keys; non-finite numbers become the strings
    /// "Infinity", "-Infinity" and "NaN".
    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(value)
    }

    /// Writes `value` as JSON (see ``json(_:)``) to `path`, whole or not at all.
    /// - Throws: `CommandFailure` naming the path when it cannot be written.
    static func writeJSON(_ value: some Encodable, to path: String) throws {
        do {
            try write(json(value), to: path)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(path): cannot write the JSON output: \(error.localizedDescription)")
        }
    }
}

extension OutputFile {
    /// Writes `value` as JSON to `path`, creating its directory first.
    static func writeJSON(_ value: some Encodable, to path: String, createDirectories: Bool) throws {
        if createDirectories && path != "-" {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(message: "\(directory.path): cannot create the directory: \(error.localizedDescription)")
            }
        }
        try writeJSON(value, to: path)
    }

    /// Refuses an output path whose directory does not exist, before any work is done.
    /// - Throws: `CommandFailure` (exit 2) naming the path.
    static func checkWritable(_ path: String?) throws {
        guard let path, path != "-" else { return }
        var isDirectory: ObjCBool = false
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(message: "\(path): the directory \(directory) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(message: "\(path): is a directory")
        }
    }
}
