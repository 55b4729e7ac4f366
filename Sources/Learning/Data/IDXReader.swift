internal import Foundation

/// Reads unsigned-byte IDX files (MNIST, EMNIST, Fashion-MNIST), gzip'd or plain.
///
/// The format (LeCun et al., <http://yann.lecun.com/exdb/mnist/>): a magic number
/// `00 00 TT NN` (type code `TT`, dimension count `NN`), then `NN` big-endian `UInt32`
/// dimension sizes, then the elements in row-major order. Only type 0x08 (unsigned byte) is
/// read. A file starting with 1f 8b is first decompressed with zlib. Every malformed input
/// becomes an ``IDXError``; none traps.
public enum IDXReader {
    /// The array stored in the IDX file at `path`.
    ///
    /// - Parameter path: the file, gzip'd (detected by its magic 1f 8b) or plain.
    /// - Throws: ``IDXError`` naming `path` and the problem: missing or unreadable file, corrupt
    ///   gzip stream, bad magic, unsupported type, bad dimension count or size, size mismatch,
    ///   or more than ``IDXError/sizeLimit`` bytes.
    /// - Complexity: O(n) time and memory in the decompressed size n.
    public static func read(contentsOf path: String) throws(IDXError) -> IDXArray {
        try parse(_readFile(path), path: path)
    }

    /// The array encoded in `data`, gzip'd or plain.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - path: the name used in error descriptions.
    /// - Throws: ``IDXError`` as for ``read(contentsOf:)``.
    /// - Complexity: O(n) time and memory in the decompressed size n.
    public static func parse(_ data: [UInt8], path: String = "<memory>") throws(IDXError) -> IDXArray {
        guard Gzip.hasMagic(data) else { return try _parsePlain(data, path: path) }
        let plain: [UInt8]
        do {
            plain = try Gzip.decompress(data, limit: IDXError.sizeLimit + _maxHeader + 1)
        } catch {
            switch error {
            case let .corrupt(reason): throw .corruptGzip(path: path, reason: reason)
            case let .tooLarge(limit): throw .tooLarge(path: path, bytes: limit, limit: IDXError.sizeLimit)
            }
        }
        return try _parsePlain(plain, path: path)
    }

    /// The longest IDX header: the magic number and four dimension sizes.
    static let _maxHeader = 4 + 4 * 4

    /// Validates and decodes uncompressed IDX bytes.
    static func _parsePlain(_ data: [UInt8], path: String) throws(IDXError) -> IDXArray {
        guard data.count >= 4 else { throw .tooShort(path: path, length: data.count) }
        guard data[0] == 0, data[1] == 0 else { throw .badMagic(path: path, bytes: Array(data[0 ..< 4])) }
        guard data[2] == 0x08 else { throw .unsupportedType(path: path, code: data[2]) }
        let rank = Int(data[3])
        guard (1 ... 4).contains(rank) else { throw .badDimensionCount(path: path, count: rank) }
        let header = 4 + 4 * rank
        guard data.count >= header else {
            throw .truncatedHeader(path: path, needed: header, available: data.count)
        }
        var dimensions: [Int] = []
        var declared = 1
        var overflow = false
        for index in 0 ..< rank {
            let base = 4 + 4 * index
            let size = data[base ..< base + 4].reduce(0) { $0 << 8 | Int($1) }
            guard size > 0 else { throw .zeroDimension(path: path, index: index) }
            dimensions.append(size)
            let (product, didOverflow) = declared.multipliedReportingOverflow(by: size)
            overflow = overflow || didOverflow
            declared = product
        }
        guard !overflow, declared <= IDXError.sizeLimit else {
            throw .tooLarge(path: path, bytes: overflow ? Int.max : declared, limit: IDXError.sizeLimit)
        }
        let actual = data.count - header
        guard actual == declared else { throw .sizeMismatch(path: path, declared: declared, actual: actual) }
        return IDXArray(dimensions: dimensions, bytes: Array(data[header...]))
    }

    /// The bytes of the regular file at `path`, refusing files over the size limit.
    static func _readFile(_ path: String) throws(IDXError) -> [UInt8] {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: "no such file or not accessible")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw .unreadable(path: path, reason: "not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= IDXError.sizeLimit + _maxHeader else {
            throw .tooLarge(path: path, bytes: size, limit: IDXError.sizeLimit)
        }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: "read failed (\(error.localizedDescription))")
        }
    }
}
