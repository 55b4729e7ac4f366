import Foundation
import Fuzz
import Messages

/// JSON input files of a command (`replay`'s counterexamples, `merge`'s shard results).
enum JSONInput {
    /// Reads and decodes a JSON input file.
    /// - Parameter what: what the file should be, for the message (`a counterexample file`).
    /// - Throws: `CommandFailure` (exit 2) naming the file and, for a file that does not
    ///   decode, the key path at fault, or where a file that is not UTF-8 stops being text.
    static func read<T: Decodable>(_ type: T.Type, from file: String, what: String) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CommandFailure(message: "\(Echo.path(file)): cannot read it: \((error as NSError).localizedDescription)")
        }
        if let bad = InvalidUTF8.find(in: data) {
            throw CommandFailure(message: "\(Echo.path(file)): not \(what): is not UTF-8 text: \(bad)")
        }
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw CommandFailure(message: "\(Echo.path(file)): not \(what): \(decodingReason(error))")
        }
    }
}
