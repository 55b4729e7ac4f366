import Mechanisms

/// hashCommit, the commitment of the commit-reveal protocol (Witt et al., Algorithm 2; Lu, Tang
/// and Wang, section IV), byte for byte as a Solidity contract computes it.
///
/// PTSFD (`H(Y, labelCount, salt)` of Algorithm 2):
/// ```solidity
/// // paper
/// keccak256(abi.encodePacked(bytes Y, uint256[] labelCount, bytes32 salt))
/// // bound
/// keccak256(abi.encodePacked(bytes Y, uint256[] labelCount, bytes32 salt,
///                            address sender, address contract, uint256 round))
/// ```
/// - `Y` has exactly one byte per public sample, in sample order: the class index
///   `0 ..< classes`, or `0xFF` for "no report". It is packed raw, with no length prefix.
/// - `labelCount` has exactly `classes` entries, each a 32-byte big-endian word, no length.
/// - `salt` is the worker's secret 32 bytes; `sender` (`msg.sender`) and `contract`
///   (`address(this)`) are 20 bytes each, unpadded; `round` is the 0-based round index as a
///   32-byte big-endian word.
///
/// So the preimage is `m + 32 * classes + 32` bytes (`paper`) or `m + 32 * classes + 104`
/// bytes (`bound`). Since `m` and `classes` are fixed by the contract, the split is unambiguous.
///
/// Consensus (the commitment `Commit(y_i, K_i)` of section IV):
/// ```solidity
/// keccak256(abi.encodePacked(bytes result, bytes32 salt))                        // paper
/// keccak256(abi.encodePacked(bytes result, bytes32 salt,
///                            address sender, address contract, uint256 round))  // bound
/// ```
/// The salt and the bound suffix have fixed lengths, so the result is the preimage minus its
/// last 32 (or 104) bytes.
///
/// The bytes are absorbed piece by piece (`Keccak256+Packed.swift`), never built as one array;
/// they are exactly `PackedEncoding.encode` of the arguments above.
///
/// The `bound` scheme stops a worker from copying another worker's commitment (the reveal would
/// have to come from the other sender) and from replaying a commitment in another round or
/// another contract.
public enum HashCommit {
    /// The PTSFD commitment to revealed labels `Y`, `labelCount` and `salt`.
    /// - Parameters:
    ///   - labels: Y, one byte per public sample (class index or `0xFF`).
    ///   - labelCount: the labelCount the worker will reveal, one entry per class.
    ///   - salt: the worker's secret.
    ///   - scheme: `paper` or `bound` (the `CommitmentScheme` knob).
    ///   - sender: the committing worker; only hashed under `bound`.
    ///   - contract: the contract address; only hashed under `bound`.
    ///   - round: the 0-based round; only hashed under `bound`.
    /// - Complexity: O(m + classes).
    public static func labels(
        _ labels: [UInt8], labelCount: [Int], salt: Hash32, scheme: CommitmentScheme,
        sender: Address, contract: Address, round: Int
    ) -> Hash32 {
        var hasher = Keccak256()
        hasher.update(labels)
        for count in labelCount { hasher.update(word: count) }
        hasher.update(salt)
        absorbBinding(into: &hasher, scheme: scheme, sender: sender, contract: contract, round: round)
        return hasher.finalize()
    }

    /// The consensus commitment to a result and a salt.
    /// - Parameters:
    ///   - result: the worker's computing result.
    ///   - salt: the worker's secret.
    ///   - scheme: `paper` or `bound`.
    ///   - sender: the committing worker; only hashed under `bound`.
    ///   - contract: the contract address; only hashed under `bound`.
    ///   - round: the 0-based round; only hashed under `bound`.
    /// - Complexity: O(|result|).
    public static func result(
        _ result: [UInt8], salt: Hash32, scheme: CommitmentScheme,
        sender: Address, contract: Address, round: Int
    ) -> Hash32 {
        var hasher = Keccak256()
        hasher.update(result)
        hasher.update(salt)
        absorbBinding(into: &hasher, scheme: scheme, sender: sender, contract: contract, round: round)
        return hasher.finalize()
    }

    /// Absorbs the `bound` suffix (sender, contract, round), packed as `PackedEncoding` packs
    /// `.address`, `.address`, `.uint256`; nothing under `paper`.
    private static func absorbBinding(
        into hasher: inout Keccak256, scheme: CommitmentScheme,
        sender: Address, contract: Address, round: Int
    ) {
        guard scheme == .bound else { return }
        hasher.update(sender)
        hasher.update(contract)
        hasher.update(word: round)
    }
}

extension RevealPayload {
    /// The hashCommit of this payload (see `HashCommit` for the exact bytes).
    /// - Parameters:
    ///   - scheme: `paper` or `bound`.
    ///   - sender: the worker that commits and reveals.
    ///   - contract: the contract address.
    ///   - round: the 0-based round.
    /// - Complexity: O(payload size).
    public func hashCommit(
        scheme: CommitmentScheme, sender: Address, contract: Address, round: Int
    ) -> Hash32 {
        switch self {
        case .labels(let y, let labelCount, let salt):
            HashCommit.labels(
                y, labelCount: labelCount, salt: salt, scheme: scheme,
                sender: sender, contract: contract, round: round)
        case .result(let bytes, let salt):
            HashCommit.result(
                bytes, salt: salt, scheme: scheme, sender: sender, contract: contract, round: round)
        }
    }
}
