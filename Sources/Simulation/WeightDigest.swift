// The digest of a network's weights: the 32-byte result a worker commits in the outsourced
// training instantiation of Lu, Tang and Wang (section V, "Training ML classifier").
import Learning
import Ledger

extension Sequential {
    /// Keccak-256 of every parameter, bound to the shape of every parameter tensor.
    ///
    /// The preimage, with `T` the number of parameter tensors (`layers.flatMap(\.parameters)`,
    /// parameterless layers such as ReLU contribute none) and tensor `t` of shape
    /// `rows_t × columns_t`:
    /// ```
    /// uint64 T                                  8 bytes, big-endian
    /// T × (uint64 rows_t, uint64 columns_t)     16 bytes per tensor, big-endian
    /// every parameter, in flatParameters order  4 bytes each: IEEE-754 binary32, little-endian
    /// ```
    /// so the preimage has `8 + 16 T + 4 · parameterCount` bytes, and a Solidity contract (or
    /// anyone) recomputes it as `keccak256(abi.encodePacked(uint64(T), uint64(rows_0),
    /// uint64(columns_0), …))` followed by the raw float bytes.
    ///
    /// The header makes two networks with the same floats in the same order but differently
    /// shaped tensors differ. Floats are hashed bit for bit: `-0.0` and `+0.0` differ, and a
    /// NaN hashes its payload.
    /// - Complexity: O(parameterCount).
    public var weightDigest: Hash32 {
        let tensors = layers.flatMap(\.parameters)
        var header: [UInt8] = []
        header.reserveCapacity(8 + 16 * tensors.count)
        func append(_ value: Int) {
            let word = UInt64(value)
            for shift in stride(from: 56, through: 0, by: -8) {
                header.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        append(tensors.count)
        for tensor in tensors {
            append(tensor.rows)
            append(tensor.columns)
        }
        var hasher = Keccak256()
        hasher.update(header)
        for tensor in tensors {
            let words = tensor.storage.map { $0.bitPattern.littleEndian }
            words.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize()
    }
}
