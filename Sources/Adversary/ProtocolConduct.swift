/// What a worker does with the contract, beyond the report it prepares: whether it commits to
/// its own report, copies someone else's commitment, withholds its reveal, or sends
/// transactions outside the protocol.
///
/// A strategy states its conduct; whoever drives the contract (`simulate`, the fuzz campaigns)
/// carries it out, showing the worker only what it can see: public chain state, and the others'
/// reveals once they are public.
public enum ProtocolConduct: Hashable, Sendable {
    /// Registers with the deposit, commits to its own report and reveals it.
    case follows
    /// Computes nothing: commits the commitment that worker `target` published and, once
    /// `target` has revealed, reveals the same payload.
    case copiesCommitment(target: Int)
    /// Commits to its own report, watches the other workers' reveals and withholds its own
    /// when revealing would pay less than its deposit.
    case withholdsWhenUnprofitable
    /// Registers and commits to its own report but never reveals (sigma_e of Lu, Tang and
    /// Wang: fails to de-commit); the contract slashes it.
    case neverReveals
    /// Follows the protocol with its report and also sends the given out-of-protocol
    /// transaction (which the contract must refuse without effect).
    case outOfProtocol(OutOfProtocolMove)
}

/// The transactions an out-of-protocol sender tries (Ledger refusals it probes).
public enum OutOfProtocolMove: String, Hashable, Sendable, CaseIterable, Codable {
    /// Registers or commits after the commit window has closed.
    case late
    /// Registers, commits or reveals twice.
    case duplicate
    /// Sends from an address outside the federation.
    case unregistered
    /// Registers with another amount than the deposit.
    case wrongDeposit = "wrong-deposit"
    /// Reveals a payload of the wrong shape (labels out of range, a short Y, a negative count).
    case malformed
    /// Reveals a payload far longer than the public data set.
    case oversized
}
