internal import CZlib

/// In-memory gzip decompression through zlib's `inflate`.
///
/// Goals in priority order: never crash or over-allocate on hostile input, report every
/// zlib failure as a thrown error, then speed. Concatenated gzip members (RFC 1952 §2.2) are
/// decompressed in sequence; anything else after a member is refused as trailing garbage.
enum Gzip {
    /// Why a gzip stream could not be decompressed.
    enum Failure: Error, Equatable {
        /// The stream is damaged; `reason` is zlib's message or a description.
        case corrupt(reason: String)
        /// The decompressed output would exceed the limit.
        case tooLarge(limit: Int)
    }

    /// Whether `data` begins with the gzip magic number 1f 8b.
    ///
    /// - Parameter data: the bytes to test.
    /// - Complexity: O(1).
    static func hasMagic(_ data: [UInt8]) -> Bool {
        data.count >= 2 && data[0] == 0x1F && data[1] == 0x8B
    }

    /// The decompressed content of a gzip stream (zlib `inflate`, windowBits 15 + 32).
    ///
    /// - Parameters:
    ///   - data: the compressed bytes, starting with the gzip magic number.
    ///   - limit: the largest output accepted, in bytes.
    /// - Throws: `Failure.corrupt` for a damaged, truncated or trailing-garbage stream (zlib
    ///   checks the CRC-32 and length trailer), `Failure.tooLarge` past `limit`.
    /// - Complexity: O(n + m) time for n input and m output bytes; O(m) memory.
    static func decompress(_ data: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initCode = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else { throw .corrupt(reason: "zlib inflateInit2 failed (code \(initCode))") }
        defer { inflateEnd(&stream) }
        let result: Result<[UInt8], Failure> = data.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            return _inflateAll(&stream, input: input, limit: limit)
        }
        return try result.get()
    }

    /// Runs `inflate` until the input is consumed; the body of ``decompress(_:limit:)``.
    private static func _inflateAll(
        _ stream: inout z_stream, input: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Result<[UInt8], Failure> {
        let chunkSize = 1 << 16
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var output: [UInt8] = []
        while true {
            stream.next_out = chunk
            stream.avail_out = uInt(chunkSize)
            let code = inflate(&stream, Z_NO_FLUSH)
            let produced = chunkSize - Int(stream.avail_out)
            if produced > limit - output.count { return .failure(.tooLarge(limit: limit)) }
            output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
            switch code {
            case Z_OK:
                continue
            case Z_STREAM_END:
                let remaining = Int(stream.avail_in)
                if remaining == 0 { return .success(output) }
                let next = input.count - remaining
                guard remaining >= 2, input[next] == 0x1F, input[next + 1] == 0x8B else {
                    return .failure(.corrupt(reason: "\(remaining) bytes of trailing garbage after the gzip stream"))
                }
                guard inflateReset(&stream) == Z_OK else {
                    return .failure(.corrupt(reason: "zlib inflateReset failed"))
                }
            case Z_BUF_ERROR where stream.avail_in == 0:
                return .failure(.corrupt(reason: "unexpected end of stream (truncated file)"))
            case Z_BUF_ERROR:
                continue
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error code \(code)"
                return .failure(.corrupt(reason: message))
            }
        }
    }
}
