import Messages

/// A one-line reason for a JSON file that does not decode: what is wrong and where, as a key
/// path (`federation.workers: expected Int`), instead of `DecodingError`'s debug dump.
public func decodingReason(_ error: any Error) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        Echo.path(keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "["), limit: Echo.valueLimit)
    }
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .keyNotFound(let key, let context):
        let at = path(context.codingPath)
        return "missing key \(Echo.quoted(key.stringValue))" + (at.isEmpty ? "" : " in \(at)")
    case .typeMismatch(let type, let context):
        return "\(path(context.codingPath)): expected \(type)"
    case .valueNotFound(let type, let context):
        return "\(path(context.codingPath)): expected \(type), found null"
    case .dataCorrupted(let context):
        let at = path(context.codingPath)
        // The description may quote the file's value (an unknown enum case, say).
        return (at.isEmpty ? "" : "\(at): ") + Echo.path(context.debugDescription, limit: 200)
    @unknown default:
        return "\(error)"
    }
}
