import Ledger

/// The identity of a bank entry: Keccak-256 over a canonical encoding of typed parts.
///
/// Each part is a one-byte tag, its length as a big-endian UInt64, then its bytes: floats as
/// IEEE-754 binary32 little-endian, integers as two's-complement Int64 little-endian, text as
/// UTF-8. Tags and lengths make the encoding injective, so different inputs never share a key.
public enum BankKey {
    /// One typed input.
    public enum Part: Sendable {
        /// Float values (pixels, weights).
        case floats([Float])
        /// Integer values (labels, sizes, epochs).
        case integers([Int])
        /// A string (architecture, version tags, hex digests).
        case text(String)
    }

    /// The lowercase hex Keccak-256 of `parts`.
    public static func digest(of parts: [Part]) -> String {
        var hasher = Keccak256()
        for part in parts {
            switch part {
            case .floats(let values):
                header(&hasher, tag: 1, count: values.count * 4)
                values.withUnsafeBytes { raw in
                    // Little-endian hosts only (x86-64, arm64): the bytes are already binary32 LE.
                    hasher.update(raw)
                }
            case .integers(let values):
                header(&hasher, tag: 2, count: values.count * 8)
                let words = values.map { Int64($0).littleEndian }
                words.withUnsafeBytes { hasher.update($0) }
            case .text(let text):
                let bytes = Array(text.utf8)
                header(&hasher, tag: 3, count: bytes.count)
                hasher.update(bytes)
            }
        }
        return hasher.finalize().description
    }

    private static func header(_ hasher: inout Keccak256, tag: UInt8, count: Int) {
        let length = UInt64(count).bigEndian
        hasher.update([tag])
        withUnsafeBytes(of: length) { hasher.update($0) }
    }
}
