import Adversary
import Ledger
import Mechanisms
import Specs

/// The PTSFD contract of a simulated federation, driven through the Ledger's state machine
/// exactly as workers would drive it on chain (Witt et al., Algorithm 2 and section 4.5).
///
/// Each round: every worker registers (paying the deposit) and posts hashCommit at the round's
/// start, reveals `Y`, labelCount and salt when the reveal window opens, and a stranger settles
/// at the deadline; workers with a ``ProtocolConduct`` other than `follows` deviate as
/// ``play(_:conduct:)`` describes. Salts are Keccak-256 of (salt seed, worker, round), so a seed reproduces
/// every commitment.
public struct FederatedContract: Sendable {
    /// The contract's state.
    public internal(set) var contract: Contract
    /// The workers' accounts, in worker order.
    public let members: [Address]
    /// What each worker has paid in so far (deposits).
    public private(set) var paidIn: [Int]
    /// The transactions the contract refused, as it must: out-of-protocol moves and copied
    /// reveals under a bound commitment.
    public internal(set) var refusals: [Refusal] = []
    /// The reveals that reveal withholders held back, by round and worker.
    public internal(set) var withheld: [(round: Int, worker: Int)] = []
    /// What each worker had opened when the last played round was settled (`nil`: no reveal).
    public internal(set) var lastReveals: [RevealPayload?] = []
    private let saltSeed: UInt64
    static let settler = Address(index: 0x5E77_1E)
    static let contractAddress = Address(index: 0xC0_47AC7)
    static let deployer = Address(index: 0xDE_9107)
    /// The account of worker `i`.
    static func member(_ i: Int) -> Address { Address(index: 0x1000 + UInt64(i)) }
    /// The accounts of the first 64 workers, hashed once (a campaign deploys a contract per round).
    static let firstMembers = (0 ..< 64).map(member)

    /// Deploys the contract of `spec` for `lambdas.count` rounds over `samples` public samples.
    ///
    /// - Parameters:
    ///   - spec: A PTSFD spec with a single beta and deposit.
    ///   - lambdas: lambda of each round.
    ///   - samples: m = |X_pub|.
    ///   - saltSeed: The seed of the workers' salts.
    ///   - publicDataDigest: The digest of X_pub bound into the contract.
    /// - Throws: ``SimulationError/contract(_:)`` when the Ledger refuses the configuration.
    public init(spec: Spec, beta: Double, lambdas: [Double], samples: Int, saltSeed: UInt64,
                publicDataDigest: Hash32 = .zero) throws(SimulationError) {
        let terms = PTSFDTerms(
            beta: beta, lambdaSchedule: lambdas, classes: spec.federation.classes, samples: samples,
            knobs: spec.knobs, unitsPerReward: spec.contract.unitsPerReward,
            allocationSeed: spec.mechanism.seed)
        try self.init(
            terms: terms, workers: spec.federation.workers, deposit: spec.mechanism.deposit,
            commitWindow: spec.contract.commitWindow, revealWindow: spec.contract.revealWindow,
            saltSeed: saltSeed, taskDigest: Keccak256.hash(utf8: spec.name),
            publicDataDigest: publicDataDigest)
    }

    /// Deploys a PTSFD contract with `terms` for `workers` members.
    ///
    /// - Parameters:
    ///   - terms: beta, the lambda schedule (one round each), |C|, m, knobs, units, allocation seed.
    ///   - workers: n.
    ///   - deposit: D in units.
    ///   - commitWindow: Blocks of the commit window.
    ///   - revealWindow: Blocks of the reveal window.
    ///   - saltSeed: The seed of the workers' salts.
    ///   - taskDigest: The task digest bound into the contract.
    ///   - publicDataDigest: The digest of X_pub bound into the contract.
    /// - Throws: ``SimulationError/contract(_:)`` when the Ledger refuses the configuration.
    public init(
        terms: PTSFDTerms, workers n: Int, deposit: Int, commitWindow: Int, revealWindow: Int,
        saltSeed: UInt64, taskDigest: Hash32 = .zero, publicDataDigest: Hash32 = .zero
    ) throws(SimulationError) {
        members = (0..<n).map { $0 < Self.firstMembers.count ? Self.firstMembers[$0] : Self.member($0) }
        let config = ContractConfig(
            contract: Self.contractAddress, mechanism: .ptsfd(terms),
            taskDigest: taskDigest, publicDataDigest: publicDataDigest,
            deposit: deposit, commitWindow: commitWindow,
            revealWindow: revealWindow, members: members)
        do {
            contract = try Contract(config: config, deployer: Self.deployer, height: 0)
        } catch {
            throw .contract("deploy: \(error)")
        }
        paidIn = [Int](repeating: 0, count: n)
        self.saltSeed = saltSeed
    }

    /// The salt of `worker` in `round`.
    public func salt(worker: Int, round: Int) -> Hash32 {
        // Keccak-256 of the 24 bytes saltSeed, worker, round, each 8 bytes big-endian.
        let words = (saltSeed.bigEndian, UInt64(worker).bigEndian, UInt64(round).bigEndian)
        var hasher = Keccak256()
        withUnsafeBytes(of: words) { hasher.update($0) }
        return hasher.finalize()
    }

    /// Plays the current round with one report per worker and returns its settled record.
    ///
    /// Each worker's ``ProtocolConduct`` is carried out, in an order that shows it only what
    /// it could see on chain:
    /// 1. at the round's start every worker but the copiers registers and commits (an
    ///    out-of-protocol sender also sends its bad registration or commit, see
    ///    ``sendOutOfProtocol(_:worker:phase:)``); then each copier registers and commits the
    ///    commitment its target published;
    /// 2. when the reveal window opens, the workers that follow the protocol (and the
    ///    out-of-protocol senders, after their bad reveal) reveal; workers that never reveal
    ///    don't;
    /// 3. each reveal withholder, in worker order, settles a copy of the contract with its own
    ///    reveal added and reveals only when that pays at least its deposit back
    ///    (``revealPays(_:payload:)``);
    /// 4. each copier reveals its target's payload, if the target revealed; the contract
    ///    refuses it when the commitment binds the sender (`commitment = "bound"`), and the
    ///    copier is then slashed as a worker that did not reveal;
    /// 5. a stranger settles at the deadline.
    ///
    /// - Parameters:
    ///   - reports: One report per worker (a copier's is ignored: it reveals its target's).
    ///   - conduct: One conduct per worker; `nil` means every worker follows the protocol.
    ///     A copier's target is another worker that does not copy.
    ///   - memo: Remembers the workers' own commitment hashes across identical rounds (fuzz
    ///     replications play several worlds); `nil` computes every one.
    /// - Throws: ``SimulationError/contract(_:)`` if the contract refuses a transaction of the
    ///   protocol, or accepts (or is changed by) an out-of-protocol one.
    public mutating func play(
        _ reports: [WorkerReport], conduct: [ProtocolConduct]? = nil, memo: CommitmentMemo? = nil
    )
        throws(SimulationError) -> RoundRecord
    {
        precondition(reports.count == members.count, "one report per worker")
        let conduct = conduct ?? [ProtocolConduct](repeating: .follows, count: members.count)
        precondition(conduct.count == members.count, "one conduct per worker")
        let round = contract.round
        let start = contract.roundStart
        let deposit = contract.config.deposit
        let payloads = reports.enumerated().map { worker, report in
            RevealPayload.labels(y: report.y, labelCount: report.labelCount, salt: salt(worker: worker, round: round))
        }
        var copiers: [(worker: Int, target: Int)] = []
        var withholders: [Int] = []
        do {
            for (worker, member) in members.enumerated() {
                if case .copiesCommitment(let target) = conduct[worker] {
                    precondition(members.indices.contains(target) && target != worker,
                                 "worker \(worker) copies worker \(target)")
                    copiers.append((worker, target))
                    continue
                }
                try sendOutOfProtocol(conduct[worker], worker: worker, phase: .beforeRegister)
                try contract.register(member, value: deposit, at: start)
                paidIn[worker] += deposit
                let commitment = memo?.commitment(of: payloads[worker], worker: worker, member: member, on: contract)
                    ?? contract.commitment(of: payloads[worker], by: member)
                try contract.commit(member, commitment, at: start)
                try sendOutOfProtocol(conduct[worker], worker: worker, phase: .afterCommit)
            }
            for (worker, target) in copiers {
                guard let published = contract.seat(of: members[target])?.commitment else {
                    preconditionFailure("worker \(worker) copies worker \(target), which copies too")
                }
                try contract.register(members[worker], value: deposit, at: start)
                paidIn[worker] += deposit
                try contract.commit(members[worker], published, at: start)
            }
            let revealAt = contract.revealBlocks.lowerBound
            for (worker, member) in members.enumerated() {
                switch conduct[worker] {
                case .follows:
                    try contract.reveal(member, payloads[worker], at: revealAt)
                case .outOfProtocol:
                    try sendOutOfProtocol(conduct[worker], worker: worker, phase: .beforeReveal)
                    try contract.reveal(member, payloads[worker], at: revealAt)
                case .withholdsWhenUnprofitable:
                    withholders.append(worker)
                case .neverReveals:
                    break
                case .copiesCommitment:
                    break
                }
            }
            for worker in withholders {
                if try revealPays(worker, payload: payloads[worker]) {
                    try contract.reveal(members[worker], payloads[worker], at: revealAt)
                } else {
                    withheld.append((round: round, worker: worker))
                }
            }
            for (worker, target) in copiers {
                guard let payload = contract.seat(of: members[target])?.reveal else { continue }
                try revealCopy(payload, worker: worker, at: revealAt)
            }
            lastReveals = contract.seats.map { (seat: Seat) in seat.reveal }
            try contract.settle(Self.settler, round: round, at: contract.settleHeight)
        } catch let error as SimulationError {
            throw error
        } catch {
            throw .contract("round \(round): \(error)")
        }
        return contract.records[round]
    }

    /// What each worker has been credited over all settled rounds.
    public var credited: [Int] {
        members.map { member in contract.records.reduce(0) { $0 + ($1.payout(of: member) ?? 0) } }
    }
}
