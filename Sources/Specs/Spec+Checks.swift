import Messages

extension Spec.ExpectedVerdict {
    /// The verdict a `[checks]` word names. `verify` speaks of proofs and `fuzz` of outcomes;
    /// one expectation serves both: `holds` is `proved`, `violated` is `refuted`.
    public init?(word: String) {
        switch word {
        case "proved", "holds": self = .proved
        case "refuted", "violated": self = .refuted
        case "unknown": self = .unknown
        default: return nil
        }
    }

    /// The expectation in `fuzz`'s vocabulary: `holds`, `violated`, or `unknown` (which no
    /// fuzz outcome meets).
    public var outcomeWord: String {
        switch self {
        case .proved: "holds"
        case .refuted: "violated"
        case .unknown: "unknown"
        }
    }
}

extension Spec {
    /// Refuses a `[checks]` key that names no property of any command.
    /// - Parameters:
    ///   - known: every property id `verify` and `fuzz` judge.
    ///   - file: the spec's path, for the message.
    /// - Throws: `SpecError` at `checks.<id>` naming the unknown id and the known ones.
    public func refuseUnknownChecks(known: [String], file: String) throws(SpecError) {
        for id in checks.keys.sorted() where !known.contains(id) {
            throw SpecError(
                file: file, key: "checks.\(id)",
                reason: "no property is called \(Echo.quoted(id)) (known: \(known.joined(separator: ", ")))")
        }
    }
}
