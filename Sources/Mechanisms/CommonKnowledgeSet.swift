#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// E_ck, the publicly known false outputs (Lu, Tang, Wang, section III): a result in this set is
/// treated as no submission at all.
///
/// The contract can detect these itself. The set is a predicate built from rules; footnote 6 of
/// the paper suggests a low-entropy filter, offered here as `minimumEntropy`.
public struct CommonKnowledgeSet: Hashable, Sendable, Codable {
    /// One way a result can be common-knowledge junk.
    public enum Rule: Hashable, Sendable {
        /// Every byte is 0x00 (an empty result counts as all-zero).
        case allZero
        /// Every byte is 0xFF (every bit one).
        case allOne
        /// The result equals the task's input.
        case equalToInput
        /// The empirical min-entropy of the result's bytes, `-log2(max_b frequency(b))`, is
        /// below `bitsPerByte` (0 ... 8).
        case minimumEntropy(bitsPerByte: Double)
    }

    public var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// The first three rules of section III: all-zero, all-one and the input.
    public static let paper = CommonKnowledgeSet(rules: [.allZero, .allOne, .equalToInput])

    /// Whether `result` is junk for a task with the given input.
    /// - Complexity: O(|result| + |input|).
    public func contains(_ result: [UInt8], input: [UInt8]) -> Bool {
        rules.contains { rule in
            switch rule {
            case .allZero: result.allSatisfy { $0 == 0 }
            case .allOne: result.allSatisfy { $0 == 0xFF }
            case .equalToInput: result == input
            case .minimumEntropy(let bits): Self.minEntropy(of: result) < bits
            }
        }
    }

    /// `-log2(max_b count(b) / |bytes|)` in bits per byte; 0 for an empty string.
    public static func minEntropy(of bytes: [UInt8]) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for b in bytes { counts[Int(b)] += 1 }
        let top = Double(counts.max()!) / Double(bytes.count)
        return -log2(top)
    }
}
