import Messages

/// Why an IDX file (MNIST, EMNIST, Fashion-MNIST) could not be read.
///
/// Every case carries the path of the offending file so that its description can name it.
public enum IDXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist, is not a regular file, or could not be read.
    case unreadable(path: String, reason: String)
    /// The file (or its decompressed content) is shorter than the 4-byte magic number.
    case tooShort(path: String, length: Int)
    /// The first two bytes of the magic number are not zero.
    case badMagic(path: String, bytes: [UInt8])
    /// The type code is a valid IDX type other than unsigned byte (0x08), or not an IDX type.
    case unsupportedType(path: String, code: UInt8)
    /// The dimension count is outside 1...4.
    case badDimensionCount(path: String, count: Int)
    /// Dimension `index` (0-based) is zero.
    case zeroDimension(path: String, index: Int)
    /// The header ends before all dimension sizes are given.
    case truncatedHeader(path: String, needed: Int, available: Int)
    /// The data section is shorter or longer than the product of the dimensions.
    case sizeMismatch(path: String, declared: Int, actual: Int)
    /// The data (declared or found) exceeds the size limit.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file starts with the gzip magic but its stream is damaged.
    case corruptGzip(path: String, reason: String)

    /// The largest data section or file that is read: 1 GiB.
    public static let sizeLimit = 1 << 30

    /// A sentence naming the file and the problem.
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "IDX file '\(Echo.path(path))' cannot be read: \(reason)"
        case let .tooShort(path, length):
            return "IDX file '\(Echo.path(path))' is \(length) bytes long, too short for the 4-byte magic number"
        case let .badMagic(path, bytes):
            let hex = bytes.map { String($0, radix: 16) }.joined(separator: " ")
            return "IDX file '\(Echo.path(path))' has a bad magic number (first bytes \(hex), expected 00 00)"
        case let .unsupportedType(path, code):
            return "IDX file '\(Echo.path(path))' has data type \(IDXError.typeName(code)); only unsigned byte (0x08) is supported"
        case let .badDimensionCount(path, count):
            return "IDX file '\(Echo.path(path))' declares \(count) dimensions; expected 1 to 4"
        case let .zeroDimension(path, index):
            return "IDX file '\(Echo.path(path))' declares dimension \(index) as 0"
        case let .truncatedHeader(path, needed, available):
            return "IDX file '\(Echo.path(path))' has a truncated header: \(needed) bytes needed, \(available) present"
        case let .sizeMismatch(path, declared, actual):
            let kind = actual < declared ? "truncated" : "has trailing bytes"
            return "IDX file '\(Echo.path(path))' \(kind): dimensions declare \(declared) data bytes, found \(actual)"
        case let .tooLarge(path, bytes, limit):
            return "IDX file '\(Echo.path(path))' is too large: \(bytes) bytes exceeds the limit of \(limit)"
        case let .corruptGzip(path, reason):
            return "IDX file '\(Echo.path(path))' is a corrupt gzip stream: \(reason)"
        }
    }

    /// The IDX name of a type code, e.g. `0x0D (float)`.
    static func typeName(_ code: UInt8) -> String {
        let hex = "0x" + (code < 16 ? "0" : "") + String(code, radix: 16, uppercase: true)
        let names: [UInt8: String] = [
            0x08: "unsigned byte", 0x09: "signed byte", 0x0B: "short",
            0x0C: "int", 0x0D: "float", 0x0E: "double",
        ]
        return "\(hex) (\(names[code] ?? "not an IDX type"))"
    }
}
