import Adversary
import Ledger
import Mechanisms

extension TransactionGenerator {
    /// A transaction of an out-of-protocol sender (see `OutOfProtocolMove`); a correct
    /// contract refuses each without effect, unless the move happens to be legal in the
    /// current state (a "duplicate" of a refused step, say).
    /// - Complexity: O(payload); an oversized payload is 1,024 ... 4,096 bytes.
    func outOfProtocol<C: ContractUnderTest>(
        _ move: OutOfProtocolMove, for c: C, state: TransactionDrawState,
        using rng: inout SplitMix64
    ) -> Transaction {
        let members = c.config.members
        let i = Int.random(in: 0 ..< members.count, using: &rng)
        let member = members[i]
        switch move {
        case .late:
            // The height is drawn independently; late registrations and commits are refused
            // whenever it falls after the commit window.
            return Bool.random(using: &rng)
                ? .register(sender: member, value: c.config.deposit)
                : .commit(sender: member, commitment: state.commitments[i])
        case .duplicate:
            if let last = state.last?.transaction { return last }
            return .register(sender: member, value: c.config.deposit)
        case .unregistered:
            let stranger = Bool.random(using: &rng) ? ContractAccounts.stranger : c.deployer
            switch Int.random(in: 0 ..< 3, using: &rng) {
            case 0: return .register(sender: stranger, value: c.config.deposit)
            case 1: return .commit(sender: stranger, commitment: state.commitments[i])
            default: return .reveal(sender: stranger, payload: state.payloads[i])
            }
        case .wrongDeposit:
            let off = [-1, 1, -c.config.deposit, Int.max - c.config.deposit].randomElement(using: &rng)!
            return .register(sender: member, value: c.config.deposit &+ off)
        case .malformed:
            return .reveal(sender: member, payload: malformed(state.payloads[i], using: &rng))
        case .oversized:
            let length = Int.random(in: 1024 ... 4096, using: &rng)
            let bytes = [UInt8](repeating: UInt8(truncatingIfNeeded: length), count: length)
            let salt = state.payloads[i].salt
            switch state.payloads[i] {
            case .labels(_, let counts, _):
                return .reveal(sender: member, payload: .labels(y: bytes, labelCount: counts, salt: salt))
            case .result:
                return .reveal(sender: member, payload: .result(bytes, salt: salt))
            }
        }
    }

    /// A payload of the wrong shape: a label out of range, a short Y, a negative count, a
    /// labelCount of the wrong length, or the other mechanism's kind.
    func malformed(_ payload: RevealPayload, using rng: inout SplitMix64) -> RevealPayload {
        switch payload {
        case .labels(let y, let counts, let salt):
            switch Int.random(in: 0 ..< 5, using: &rng) {
            case 0: return .labels(y: y.map { _ in 0xFE }, labelCount: counts, salt: salt)
            case 1: return .labels(y: Array(y.dropLast()), labelCount: counts, salt: salt)
            case 2: return .labels(y: y, labelCount: counts.map { _ in -1 }, salt: salt)
            case 3: return .labels(y: y, labelCount: counts + [0], salt: salt)
            default: return .result(y, salt: salt)
            }
        case .result(let bytes, let salt):
            return .labels(y: bytes, labelCount: [], salt: salt)
        }
    }
}
