import Foundation

/// Builders for small IDX files and gzip streams, independent of the code under test.
///
/// Gzip streams are made of stored (uncompressed) deflate blocks, RFC 1951 §3.2.4, with the
/// CRC-32 computed here bit by bit, so they exercise the reader without using zlib to write.
enum IDXFixtures {
    /// The bytes of an IDX file: magic `00 00 type rank`, big-endian dimensions, then `data`.
    static func idx(type: UInt8 = 0x08, dimensions: [Int], data: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
        for size in dimensions {
            let value = UInt32(truncatingIfNeeded: size)
            bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        }
        return bytes + data
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit.
    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A one-member gzip stream holding `data` in stored deflate blocks of at most 65535 bytes.
    static func storedGzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var start = 0
        repeat {
            let length = min(65535, data.count - start)
            let final: UInt8 = start + length == data.count ? 1 : 0
            out += [final, UInt8(length & 0xFF), UInt8(length >> 8)]
            out += [UInt8(~length & 0xFF), UInt8(~length >> 8 & 0xFF)]
            out += data[start ..< start + length]
            start += length
        } while start < data.count
        return out + littleEndian(crc32(data)) + littleEndian(UInt32(truncatingIfNeeded: data.count))
    }

    /// The four little-endian bytes of `value`.
    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// A 2×3×4 IDX file with elements 0, 10, …, 230.
    static let small = idx(dimensions: [2, 3, 4], data: (0 ..< 24).map { UInt8($0 * 10) })

    /// `small` compressed once by Python's `gzip.compress(small, mtime=0)` (real deflate codes).
    static let smallPythonGzip: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x63, 0x60, 0xE0, 0x60, 0x66, 0x60,
        0x60, 0x60, 0x02, 0x62, 0x10, 0xCD, 0xC2, 0xC0, 0x25, 0x22, 0xA7, 0x61, 0x64, 0xE3, 0x16, 0x10,
        0x95, 0x92, 0x57, 0xD1, 0xD4, 0x33, 0x6D, 0xC1, 0xAA, 0x2D, 0xFB, 0x4E, 0x5C, 0xBA, 0xF3, 0x0C,
        0x00, 0xCC, 0x65, 0x29, 0xD2, 0x28, 0x00, 0x00, 0x00,
    ]
}

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("idx-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` in the directory and returns the file's path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = "\(path)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}
