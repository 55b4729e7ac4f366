import Foundation
import Messages

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
    /// - Parameter createDirectories: create the file's directory first (fuzz counterexamples
    ///   and corpus entries go into `<dir>/<spec name>/`).
    /// - Throws: `CommandFailure` naming the path when it cannot be written.
    static func writeJSON(_ value: some Encodable, to path: String, createDirectories: Bool = false) throws {
        let data: Data
        do { data = try json(value) } catch {
            throw CommandFailure(message: "\(Echo.path(path)): cannot encode the JSON output: \(error)")
        }
        try write(data, to: path, createDirectories: createDirectories)
    }

    /// Writes `text` to `path`, whole or not at all (see ``writeJSON(_:to:createDirectories:)``).
    static func writeText(_ text: String, to path: String, createDirectories: Bool = false) throws {
        try write(Data(text.utf8), to: path, createDirectories: createDirectories)
    }

    /// ``write(_:to:)``, creating the file's directory first when asked.
    static func write(_ data: Data, to path: String, createDirectories: Bool) throws {
        if createDirectories && path != "-" {
            let directory = split(path).directory
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(message: "\(Echo.path(directory)): cannot create the directory: \(error.localizedDescription)")
            }
        }
        try write(data, to: path)
    }
}
