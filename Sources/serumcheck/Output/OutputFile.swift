import Foundation
import Fuzz

/// Writes a command's output file whole or not at all.
///
/// A regular file (or a new path) is written to a temporary file beside it and renamed into
/// place, so a failure leaves no partial file. `-` means standard output. Anything else that
/// already exists and is not a regular file (`/dev/stdout`, a pipe) is written directly: renaming
/// over it would replace the device node itself.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw CommandFailure(message: "\(path): is a directory")
            }
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType != .typeRegular {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
                return
            }
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

extension OutputFile {
    /// Reads and decodes a JSON input file of a command.
    /// - Parameter what: what the file should be, for the message (`a counterexample file`).
    /// - Throws: `CommandFailure` (exit 2) naming the file and, for a file that does not
    ///   decode, the key path at fault.
    static func readJSON<T: Decodable>(_ type: T.Type, from file: String, what: String) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CommandFailure(message: "\(file): cannot read it: \((error as NSError).localizedDescription)")
        }
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw CommandFailure(message: "\(file): not \(what): \(decodingReason(error))")
        }
    }
}
