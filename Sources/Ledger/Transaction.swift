/// What a worker opens in the reveal phase.
public enum RevealPayload: Hashable, Sendable {
    /// PTSFD: `Y` (one byte per public sample, a class index or `0xFF` for "no report"), the
    /// worker's labelCount (one entry per class) and its salt (Witt et al., Algorithm 2).
    case labels(y: [UInt8], labelCount: [Int], salt: Hash32)
    /// Consensus: the computing result and the salt (Lu, Tang and Wang, section IV).
    case result([UInt8], salt: Hash32)

    /// The salt of either kind of payload.
    public var salt: Hash32 {
        switch self {
        case .labels(_, _, let salt), .result(_, let salt): salt
        }
    }
}

/// One call to the contract, as a transaction from `sender`.
public enum Transaction: Hashable, Sendable {
    /// Join the current round, paying `value` (must equal the contract's deposit).
    case register(sender: Address, value: Int)
    /// Post hashCommit for the current round.
    case commit(sender: Address, commitment: Hash32)
    /// Open the commitment of the current round.
    case reveal(sender: Address, payload: RevealPayload)
    /// Settle `round` (must be the current round), callable by anyone after the reveal window.
    /// Naming the round makes a late duplicate settle fail instead of settling the next round.
    case settle(sender: Address, round: Int)
    /// Pay out the sender's whole claimable balance.
    case withdraw(sender: Address)

    /// The account that sends the transaction.
    public var sender: Address {
        switch self {
        case .register(let s, _), .commit(let s, _), .reveal(let s, _), .settle(let s, _),
            .withdraw(let s):
            s
        }
    }
}
