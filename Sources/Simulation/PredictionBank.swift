import Adversary
import Foundation
import Ledger

/// Trained models and their predictions on X_pub, kept on disk so that later runs and
/// adversarial campaigns reuse real predictions instead of retraining.
///
/// An entry is stored under its key (``BankKey``: every input that determines the model — data
/// digests, architecture, effort, seed, BLAS threads, format version) in `<directory>/<key>.bank`:
///
/// ```
/// "SCBANK01"                                   8 bytes
/// epochs, parameter count, samples             3 × UInt64 little-endian
/// local accuracy                               Float64 little-endian
/// parameters                                   parameter count × Float32 little-endian
/// labels                                       samples × UInt8
/// max probabilities                            samples × Float32 little-endian
/// Keccak-256 of all the bytes above            32 bytes
/// ```
///
/// Entries are written whole or not at all (a temporary file renamed into place). A file that
/// is truncated, altered or of another format is reported and ignored, never trusted.
public struct PredictionBank: Sendable {
    /// One cached model.
    public struct Entry: Equatable, Sendable {
        /// The local epochs run.
        public var epochs: Int
        /// The model's parameters, in `Sequential.flatParameters` order.
        public var parameters: [Float]
        /// Its predictions on X_pub (with its local accuracy).
        public var predictions: LocalPredictions

        /// An entry from its parts.
        public init(epochs: Int, parameters: [Float], predictions: LocalPredictions) {
            self.epochs = epochs
            self.parameters = parameters
            self.predictions = predictions
        }
    }

    /// Where the entries live.
    public let directory: URL
    private static let magic = Array("SCBANK01".utf8)

    /// A bank in `directory` (created on the first store).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The file of `key`.
    public func url(of key: String) -> URL {
        directory.appendingPathComponent("\(key).bank")
    }

    /// The entry stored under `key`.
    ///
    /// - Returns: `.success(nil)` when there is none, `.failure` with a reason when the file
    ///   exists but is not a valid entry.
    public func load(key: String) -> Result<Entry?, BankError> {
        let file = url(of: key)
        guard FileManager.default.fileExists(atPath: file.path) else { return .success(nil) }
        guard let data = try? Data(contentsOf: file) else {
            return .failure(BankError(file: file.path, reason: "cannot be read"))
        }
        switch Self.decode(Array(data)) {
        case .success(let entry): return .success(entry)
        case .failure(let corruption): return .failure(BankError(file: file.path, reason: corruption.reason))
        }
    }

    /// Stores `entry` under `key`, atomically.
    public func store(_ entry: Entry, key: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(Self.encode(entry)).write(to: url(of: key), options: .atomic)
    }

    /// The bytes of an entry, as documented on the type.
    static func encode(_ entry: Entry) -> [UInt8] {
        var bytes = magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(UInt64(entry.epochs))
        append(UInt64(entry.parameters.count))
        append(UInt64(entry.predictions.samples))
        append(entry.predictions.accuracy.bitPattern)
        for value in entry.parameters { append(value.bitPattern) }
        bytes += entry.predictions.labels
        for value in entry.predictions.maxProbability { append(value.bitPattern) }
        bytes += Keccak256.hash(bytes).bytes
        return bytes
    }

    /// The entry in `bytes`, or why they are not one.
    static func decode(_ bytes: [UInt8]) -> Result<Entry, Corruption> {
        let fixed = magic.count + 3 * 8 + 8
        guard bytes.count >= fixed + 32 else { return .failure(Corruption("is truncated (\(bytes.count) bytes)")) }
        guard Array(bytes[0..<magic.count]) == magic else { return .failure(Corruption("is not a prediction-bank entry (bad magic)")) }
        let body = Array(bytes[..<(bytes.count - 32)])
        guard Keccak256.hash(body).bytes == Array(bytes[(bytes.count - 32)...]) else {
            return .failure(Corruption("fails its checksum (truncated or altered)"))
        }
        var offset = magic.count
        func word() -> UInt64 {
            defer { offset += 8 }
            return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
        func float() -> Float {
            defer { offset += 4 }
            return Float(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) })
        }
        let epochs = word(), parameterCount = word(), samples = word()
        let accuracy = Double(bitPattern: word())
        guard parameterCount < 1 << 32, samples < 1 << 32,
              body.count == fixed + Int(parameterCount) * 4 + Int(samples) * 5 else {
            return .failure(Corruption("has inconsistent lengths"))
        }
        let parameters = (0..<Int(parameterCount)).map { _ in float() }
        let labels = Array(bytes[offset ..< offset + Int(samples)])
        offset += Int(samples)
        let maxima = (0..<Int(samples)).map { _ in float() }
        guard (0...1).contains(accuracy) else { return .failure(Corruption("has local accuracy \(accuracy)")) }
        return .success(Entry(epochs: Int(epochs), parameters: parameters,
                              predictions: LocalPredictions(labels: labels, maxProbability: maxima, accuracy: accuracy)))
    }
}

/// Why bytes are not a bank entry.
struct Corruption: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A bank file that exists but cannot be used.
public struct BankError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// What is wrong with it.
    public var reason: String

    /// `file reason`.
    public var description: String { "prediction bank entry \(file) \(reason)" }
}
