import Adversary
import Ledger
import Mechanisms
import Specs

/// The PTSFD contract of a simulated federation, driven through the Ledger's state machine
/// exactly as workers would drive it on chain (Witt et al., Algorithm 2 and section 4.5).
///
/// Each round: every worker registers (paying the deposit) and posts hashCommit at the round's
/// start, reveals `Y`, labelCount and salt when the reveal window opens, and a stranger settles
/// at the deadline. Salts are Keccak-256 of (salt seed, worker, round), so a seed reproduces
/// every commitment.
public struct FederatedContract: Sendable {
    /// The contract's state.
    public private(set) var contract: Contract
    /// The workers' accounts, in worker order.
    public let members: [Address]
    /// What each worker has paid in so far (deposits).
    public private(set) var paidIn: [Int]
    private let saltSeed: UInt64
    private static let settler = Address(index: 0x5E77_1E)

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
        let n = spec.federation.workers
        members = (0..<n).map { Address(index: 0x1000 + UInt64($0)) }
        let terms = PTSFDTerms(
            beta: beta, lambdaSchedule: lambdas, classes: spec.federation.classes, samples: samples,
            knobs: spec.knobs, unitsPerReward: spec.contract.unitsPerReward,
            allocationSeed: spec.mechanism.seed)
        let config = ContractConfig(
            contract: Address(index: 0xC0_47AC7), mechanism: .ptsfd(terms),
            taskDigest: Keccak256.hash(utf8: spec.name), publicDataDigest: publicDataDigest,
            deposit: spec.mechanism.deposit, commitWindow: spec.contract.commitWindow,
            revealWindow: spec.contract.revealWindow, members: members)
        do {
            contract = try Contract(config: config, deployer: Address(index: 0xDE_9107), height: 0)
        } catch {
            throw .contract("deploy: \(error)")
        }
        paidIn = [Int](repeating: 0, count: n)
        self.saltSeed = saltSeed
    }

    /// The salt of `worker` in `round`.
    public func salt(worker: Int, round: Int) -> Hash32 {
        var bytes: [UInt8] = []
        for value in [saltSeed, UInt64(worker), UInt64(round)] {
            withUnsafeBytes(of: value.bigEndian) { bytes += $0 }
        }
        return Keccak256.hash(bytes)
    }

    /// Plays the current round with one report per worker and returns its settled record.
    ///
    /// - Throws: ``SimulationError/contract(_:)`` if the contract refuses a transaction.
    public mutating func play(_ reports: [WorkerReport]) throws(SimulationError) -> RoundRecord {
        precondition(reports.count == members.count, "one report per worker")
        let round = contract.round
        let start = contract.roundStart
        let payloads = reports.enumerated().map { worker, report in
            RevealPayload.labels(y: report.y, labelCount: report.labelCount, salt: salt(worker: worker, round: round))
        }
        do {
            for (worker, member) in members.enumerated() {
                try contract.register(member, value: contract.config.deposit, at: start)
                paidIn[worker] += contract.config.deposit
                try contract.commit(member, contract.commitment(of: payloads[worker], by: member), at: start)
            }
            let revealAt = contract.revealBlocks.lowerBound
            for (worker, member) in members.enumerated() {
                try contract.reveal(member, payloads[worker], at: revealAt)
            }
            try contract.settle(Self.settler, round: round, at: contract.settleHeight)
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
