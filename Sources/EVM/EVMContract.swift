import Foundation

/// The sizes a Vyper contract is compiled for: its `MAX_*` constants. A configuration or a
/// payload beyond them cannot be expressed on that contract.
public struct EVMBounds: Hashable, Sendable, Codable {
    /// `MAX_MEMBERS`.
    public var members: Int
    /// `MAX_SAMPLES` (PTSFD: the longest Y).
    public var samples: Int
    /// `MAX_CLASSES` (PTSFD: the most classes).
    public var classes: Int
    /// `MAX_LABEL_COUNT` (PTSFD: the longest labelCount a reveal carries), `classes` when the
    /// contract does not declare it.
    public var labelCount: Int
    /// `MAX_ROUNDS` (PTSFD: the longest lambda schedule).
    public var rounds: Int
    /// `MAX_RESULT` (consensus: the longest result and input).
    public var result: Int

    /// Bounds; see the properties.
    public init(members: Int, samples: Int, classes: Int, labelCount: Int? = nil, rounds: Int, result: Int) {
        self.members = members
        self.samples = samples
        self.classes = classes
        self.labelCount = labelCount ?? classes
        self.rounds = rounds
        self.result = result
    }

    /// The `NAME: constant(uint256) = VALUE` declarations of `MAX_MEMBERS`, `MAX_SAMPLES`,
    /// `MAX_CLASSES`, `MAX_ROUNDS` and `MAX_RESULT` in a Vyper source (contracts/README.md's ABI
    /// names them); an absent one is `Int.max`: no bound is known, and what the contract cannot
    /// hold is refused by the host (`exceedsContractBounds`), which then shows as a divergence.
    public init(vyperSource source: String) {
        var found: [String: Int] = [:]
        for line in source.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[1].contains("constant(") else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            guard let equals = parts[1].lastIndex(of: "=") else { continue }
            let value = parts[1][parts[1].index(after: equals)...]
                .split(separator: "#").first?.trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "_", with: "")
            if let value, let number = Int(value) { found[name] = number }
        }
        self.init(
            members: found["MAX_MEMBERS"] ?? .max, samples: found["MAX_SAMPLES"] ?? .max,
            classes: found["MAX_CLASSES"] ?? .max, labelCount: found["MAX_LABEL_COUNT"], rounds: found["MAX_ROUNDS"] ?? .max,
            result: found["MAX_RESULT"] ?? .max)
    }
}

/// A Vyper contract loaded into a host: where it is, its mechanism and its bounds.
public struct EVMContract: Hashable, Sendable {
    /// The path as given (absolute, or relative to the repository root).
    public var path: String
    /// The absolute path the host compiled.
    public var file: String
    /// `"ptsfd"` or `"consensus"`, as its `mechanism()` view says.
    public var mechanism: String
    /// Its compiled sizes.
    public var bounds: EVMBounds

    /// A contract; see the properties.
    public init(path: String, file: String, mechanism: String, bounds: EVMBounds) {
        self.path = path
        self.file = file
        self.mechanism = mechanism
        self.bounds = bounds
    }

    /// Our contract of each mechanism, relative to the repository root.
    public static let shipped = ["ptsfd": "contracts/ptsfd.vy", "consensus": "contracts/consensus.vy"]

    /// Loads the contract at `path` into `host`: compiles it, asks its mechanism and reads its
    /// bounds from the source.
    /// - Throws: `EVMError.refused` when the source cannot be read or does not compile.
    public static func load(_ path: String, into host: EVMHost) throws(EVMError) -> EVMContract {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : host.root.appendingPathComponent(path)
        guard let source = try? String(contentsOf: url, encoding: .utf8) else {
            throw .refused("cannot read \(url.path)")
        }
        let mechanism = try host.load(url.path)
        return EVMContract(path: path, file: url.path, mechanism: mechanism, bounds: EVMBounds(vyperSource: source))
    }
}
