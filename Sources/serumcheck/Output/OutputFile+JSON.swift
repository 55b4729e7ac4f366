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
