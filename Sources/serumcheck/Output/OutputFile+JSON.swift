import Foundation

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
            throw CommandFailure(message: "\(destination == "-" ? "standard output" : destination): the JSON output has no number for \(fieldPath(context.codingPath)) = "
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
    /// - Throws: `CommandFailure` naming the path when it cannot be written.
    static func writeJSON(_ value: some Encodable, to path: String) throws {
        do {
            try write(json(value, destination: path), to: path)
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
