import Adversary
import Ledger

extension FederatedContract {
    /// A transaction the contract refused, as the protocol requires.
    public struct Refusal: Hashable, Sendable {
        /// The round.
        public var round: Int
        /// The worker that sent it.
        public var worker: Int
        /// What was sent (`"late commit"`, `"copied reveal"`, ...).
        public var transaction: String
        /// The contract's refusal.
        public var error: String
    }

    /// When, in ``play(_:conduct:)``, an out-of-protocol sender sends its bad transaction.
    enum Phase {
        /// At the round's start, before its registration.
        case beforeRegister
        /// At the round's start, after its commit.
        case afterCommit
        /// When the reveal window opens, before its reveal.
        case beforeReveal
    }

    /// The address an out-of-protocol sender uses for `.unregistered`: outside the federation.
    static func outsider(of worker: Int) -> Address { Address(index: 0xBAD_0000 + UInt64(worker)) }

    /// Sends the out-of-protocol transaction of `conduct`, if it has one and it belongs to
    /// `phase`, and requires the contract to refuse it without effect:
    ///
    /// | move | phase | transaction |
    /// |---|---|---|
    /// | `wrong-deposit` | before registering | register with the deposit + 1 |
    /// | `unregistered` | before registering | an outsider registers with the deposit |
    /// | `duplicate` | after committing | commit again |
    /// | `late` | reveal window | commit (after the commit window) |
    /// | `malformed` | reveal window | reveal a Y one sample short |
    /// | `oversized` | reveal window | reveal a Y 16 times as long as X_pub |
    ///
    /// - Throws: ``SimulationError/contract(_:)`` when the contract accepts it or changes.
    mutating func sendOutOfProtocol(_ conduct: ProtocolConduct, worker: Int, phase: Phase)
        throws(SimulationError)
    {
        guard case .outOfProtocol(let move) = conduct else { return }
        let member = members[worker], deposit = contract.config.deposit
        let start = contract.roundStart, revealAt = contract.revealBlocks.lowerBound
        let junk = Keccak256.hash(utf8: "out-of-protocol \(worker)")
        let samples: Int, classes: Int
        switch contract.config.mechanism {
        case .ptsfd(let terms): (samples, classes) = (terms.samples, terms.classes)
        case .consensus: preconditionFailure("FederatedContract runs PTSFD")
        }
        let salt = salt(worker: worker, round: contract.round)
        let counts = [Int](repeating: 0, count: classes)
        switch (move, phase) {
        case (.wrongDeposit, .beforeRegister):
            try expectRefusal(worker: worker, "register with \(deposit + 1)") { (c) throws(ContractError) in
                try c.register(member, value: deposit + 1, at: start)
            }
        case (.unregistered, .beforeRegister):
            try expectRefusal(worker: worker, "register from an outsider") { (c) throws(ContractError) in
                try c.register(Self.outsider(of: worker), value: deposit, at: start)
            }
        case (.duplicate, .afterCommit):
            try expectRefusal(worker: worker, "second commit") { (c) throws(ContractError) in
                try c.commit(member, junk, at: start)
            }
        case (.late, .beforeReveal):
            try expectRefusal(worker: worker, "late commit") { (c) throws(ContractError) in
                try c.commit(member, junk, at: revealAt)
            }
        case (.malformed, .beforeReveal):
            let y = [UInt8](repeating: 0, count: max(samples - 1, 0))
            try expectRefusal(worker: worker, "malformed reveal") { (c) throws(ContractError) in
                try c.reveal(member, .labels(y: y, labelCount: counts, salt: salt), at: revealAt)
            }
        case (.oversized, .beforeReveal):
            let y = [UInt8](repeating: 0, count: 16 * samples)
            try expectRefusal(worker: worker, "oversized reveal") { (c) throws(ContractError) in
                try c.reveal(member, .labels(y: y, labelCount: counts, salt: salt), at: revealAt)
            }
        case (.wrongDeposit, _), (.unregistered, _), (.duplicate, _), (.late, _), (.malformed, _),
            (.oversized, _):
            return
        }
    }

    /// Reveals a copier's copy of its target's payload, which the contract may refuse (a
    /// commitment bound to its sender); a refusal is recorded, and must leave no effect.
    mutating func revealCopy(_ payload: RevealPayload, worker: Int, at height: Int) throws(SimulationError) {
        let before = contract
        do {
            try contract.reveal(members[worker], payload, at: height)
        } catch {
            guard contract == before else {
                throw .contract("round \(contract.round): the refused copied reveal of worker \(worker) changed the contract")
            }
            refusals.append(Refusal(round: contract.round, worker: worker, transaction: "copied reveal",
                                    error: "\(error)"))
        }
    }

    /// Whether revealing `payload` now pays `worker` at least its deposit back: the reveal and
    /// the settlement applied to a copy of the contract (a value), with the reveals made so
    /// far, which is everything a withholder watching the chain knows.
    /// - Throws: ``SimulationError/contract(_:)`` if the copy refuses the reveal or the settle.
    func revealPays(_ worker: Int, payload: RevealPayload) throws(SimulationError) -> Bool {
        var dry = contract
        let round = dry.round
        do {
            try dry.reveal(members[worker], payload, at: dry.revealBlocks.lowerBound)
            try dry.settle(Self.settler, round: round, at: dry.settleHeight)
        } catch {
            throw .contract("round \(round): dry run of worker \(worker)'s reveal: \(error)")
        }
        return (dry.records[round].payout(of: members[worker]) ?? 0) >= contract.config.deposit
    }

    /// Applies `send` to the contract and requires a refusal that leaves the state unchanged.
    private mutating func expectRefusal(
        worker: Int, _ transaction: String, _ send: (inout Contract) throws(ContractError) -> Void
    ) throws(SimulationError) {
        let before = contract
        do {
            try send(&contract)
        } catch {
            guard contract == before else {
                throw .contract("round \(contract.round): the refused \(transaction) of worker \(worker) changed the contract")
            }
            refusals.append(Refusal(round: contract.round, worker: worker, transaction: transaction,
                                    error: "\(error)"))
            return
        }
        throw .contract("round \(contract.round): the contract accepted the out-of-protocol \(transaction) of worker \(worker)")
    }
}
