import Foundation
import Messages

extension OutputFile {
    /// `value` as pretty-printed JSON with sorted keys.
    ///
    /// A number field always holds a JSON number. A non-finite `Double` has none, and the
    /// specs' ranges keep every reported figure finite (`Spec+RewardScale.swift`); should one
    /// reach a report anyway it is refused here, naming the field, never written as a string.
    /// - Parameter destination: where the JSON goes, for the message.
    /// - Throws: `CommandFailure` (exit 2) naming the destination and the field of a
    ///   non-finite number.
    static func json(_ value: some Encodable, destination: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .throw
        do {
            return try encoder.encode(value)
        } catch EncodingError.invalidValue(let number, let context) {
            throw CommandFailure(message: "\(destination == "-" ? "standard output" : Echo.path(destination)): the JSON output has no number for \(fieldPath(context.codingPath)) = "
                + "\(number): a result is not finite, so the output was not written")
        }
    }

    /// `workers[3].reward` for a coding path.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "the value" : text
    }

    /// Writes `value` as JSON (see ``json(_:destination:)``) to `path`, whole or not at all.
    /// - Parameter createDirectories: create the file's directory first (fuzz counterexamples
    ///   and corpus entries go into `<dir>/<spec name>/`).
    /// - Throws: `CommandFailure` naming the path when it cannot be encoded or written.
    static func writeJSON(_ value: some Encodable, to path: String, createDirectories: Bool = false) throws {
        let data: Data
        do { data = try json(value, destination: path) } catch let failure as CommandFailure { throw failure } catch {
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
