import Adversary
import Ledger
import Mechanisms

/// One seat of an economic round: the strategy it plays and whose model it reports from.
public struct SeatPlan: Sendable {
    /// The seat's strategy.
    public var strategy: any WorkerStrategy
    /// The seat whose model's predictions this seat sees (itself, or the first identity of
    /// its sybil party).
    public var modelOwner: Int
    /// Registers and commits but never reveals (the world in which the contract treats the seat
    /// as a non-revealer; used by `label-count-integrity`).
    public var silent: Bool

    public init(strategy: any WorkerStrategy, modelOwner: Int, silent: Bool = false) {
        self.strategy = strategy
        self.modelOwner = modelOwner
        self.silent = silent
    }
}

/// The noise of one replication, shared by every world of a paired comparison.
public struct ReplicationNoise: Sendable {
    /// The true class of each public sample.
    public var truth: [UInt8]
    /// Each seat's own model's predictions.
    public var predictions: [LocalPredictions]
    /// The root of the seats' report streams.
    public var reportSeed: UInt64

    /// Replication `r` of `federation`: truth from stream `r` of the noise seed, each seat's
    /// model from its own stream of that replication.
    public init(federation f: Federation, replication r: Int) {
        var root = SplitMix64(seed: f.noiseSeed, stream: UInt64(r))
        let truthSeed = root.next(), modelSeed = root.next()
        reportSeed = root.next()
        var truthStream = SplitMix64(seed: truthSeed)
        let truth = SyntheticModel.truth(samples: f.samples, prior: f.prior, using: &truthStream)
        self.truth = truth
        predictions = (0 ..< f.workers).map { i in
            var stream = SplitMix64(seed: modelSeed, stream: UInt64(i))
            return SyntheticModel.predictions(
                truth: truth, classes: f.classes, accuracy: f.accuracy[i], using: &stream)
        }
    }
}

/// What one round paid each seat, and what each seat revealed.
public struct RoundOutcome: Sendable {
    /// Payout minus deposit, in integer units (minus the deposit for a slashed seat).
    public var net: [Int]
    /// reward_i of each settling seat (lambda applied), 0 for a seat that did not settle.
    public var rewards: [Double]
    /// Whether the seat was paid at settlement.
    public var settled: [Bool]
    /// The Y each seat revealed (nil when it did not reveal).
    public var revealed: [[UInt8]?]
    /// The labelCount each seat revealed (nil when it did not reveal).
    public var revealedCounts: [[Int]?]
    /// Out-of-protocol transactions the contract accepted (each one a contract defect).
    public var acceptedOutOfProtocol: Int
}

/// Plays one PTSFD round of a federation through the Ledger's contract: register, commit,
/// reveal and settle, carrying out each seat's `ProtocolConduct`.
///
/// Heights: everybody registers and commits at block 0 (followers first, then commitment
/// copiers, who copy a commitment already on chain), reveals at block 1 (followers, then
/// copiers once their target's reveal is public, then withholders, who decide on a dry run of
/// the settlement with every other reveal public), and the requester settles at block 2.
public enum EconomicRound {
    static let contractAddress = Address(index: 1 << 40)
    static let requester = Address(index: 1 << 41)
    static let stranger = Address(index: 1 << 42)

    /// The members' addresses, seat i at `Address(index: i)`.
    static func members(_ n: Int) -> [Address] { (0 ..< n).map { Address(index: UInt64($0)) } }

    /// Plays one round.
    /// - Parameters:
    ///   - federation: the case.
    ///   - seats: one plan per seat.
    ///   - noise: the replication's truth and predictions.
    ///   - replication: the replication index (salts and report streams).
    /// - Throws: `ContractError` only if the contract refuses a transaction the protocol
    ///   allows (a defect, reported as such by the campaign).
    public static func play(
        _ f: Federation, seats: [SeatPlan], noise: ReplicationNoise
    ) throws(ContractError) -> RoundOutcome {
        let n = f.workers
        precondition(seats.count == n, "EconomicRound: one plan per seat")
        let members = Self.members(n)
        let config = ContractConfig(
            contract: contractAddress, mechanism: .ptsfd(f.terms), deposit: f.deposit,
            commitWindow: 1, revealWindow: 1, members: members)
        var contract = try Contract(config: config, deployer: requester, height: 0)

        // Reports and payloads.
        var payloads: [RevealPayload] = []
        payloads.reserveCapacity(n)
        for (i, seat) in seats.enumerated() {
            let strategy = seat.strategy
            let context = ReportContext(
                classes: f.classes, samples: f.samples, certaintyThreshold: f.honestThreshold,
                worker: i, round: 0)
            var generator = SplitMix64(seed: noise.reportSeed, stream: UInt64(i))
            let predictions = strategy.trainsModel ? noise.predictions[seat.modelOwner] : nil
            let report = strategy.report(
                predictions: predictions, context: context, generator: &generator)
            payloads.append(
                .labels(y: report.y, labelCount: report.labelCount, salt: salt(seat: i, noise)))
        }

        var accepted = 0
        // Block 0: register and commit.
        for (i, seat) in seats.enumerated() {
            if case .outOfProtocol(let move) = seat.strategy.conduct, move == .wrongDeposit {
                accepted += attempt(&contract, .register(sender: members[i], value: f.deposit + 1), at: 0)
            }
            try contract.register(members[i], value: f.deposit, at: 0)
        }
        for (i, seat) in seats.enumerated() where !isCopier(seat) {
            try contract.commit(members[i], contract.commitment(of: payloads[i], by: members[i]), at: 0)
            if case .outOfProtocol(let move) = seat.strategy.conduct {
                accepted += outOfProtocol(move, seat: i, &contract, f, members, payloads[i], phase: .commit)
            }
        }
        for (i, seat) in seats.enumerated() {
            guard case .copiesCommitment(let target) = seat.strategy.conduct else { continue }
            let copied = (0 ..< n).contains(target) ? contract.seats[target].commitment : nil
            try contract.commit(members[i], copied ?? contract.commitment(of: payloads[i], by: members[i]), at: 0)
        }

        // Block 1: reveal.
        for (i, seat) in seats.enumerated() where !seat.silent {
            switch seat.strategy.conduct {
            case .follows:
                try contract.reveal(members[i], payloads[i], at: 1)
            case .outOfProtocol(let move):
                accepted += outOfProtocol(move, seat: i, &contract, f, members, payloads[i], phase: .reveal)
                if contract.seats[i].reveal == nil { try contract.reveal(members[i], payloads[i], at: 1) }
            case .copiesCommitment, .withholdsWhenUnprofitable:
                continue
            }
        }
        for (i, seat) in seats.enumerated() where !seat.silent {
            guard case .copiesCommitment(let target) = seat.strategy.conduct else { continue }
            guard (0 ..< n).contains(target), let opened = contract.seats[target].reveal else { continue }
            _ = attempt(&contract, .reveal(sender: members[i], payload: opened), at: 1)
        }
        for (i, seat) in seats.enumerated() where !seat.silent {
            guard case .withholdsWhenUnprofitable = seat.strategy.conduct else { continue }
            var dryRun = contract
            try dryRun.reveal(members[i], payloads[i], at: 1)
            try dryRun.settle(requester, round: 0, at: 2)
            let payout = dryRun.records[0].payout(of: members[i]) ?? 0
            if payout >= f.deposit { try contract.reveal(members[i], payloads[i], at: 1) }
        }

        // Block 2: settle.
        let opened = contract.seats.map { (seat: Seat) in seat.reveal }
        try contract.settle(requester, round: 0, at: 2)
        let record = contract.records[0]
        var outcome = RoundOutcome(
            net: [Int](repeating: -f.deposit, count: n), rewards: [Double](repeating: 0, count: n),
            settled: [Bool](repeating: false, count: n), revealed: [[UInt8]?](repeating: nil, count: n),
            revealedCounts: [[Int]?](repeating: nil, count: n),
            acceptedOutOfProtocol: accepted)
        var settlingIndex = 0
        for i in 0 ..< n {
            if case .labels(let y, let counts, _)? = opened[i] {
                outcome.revealed[i] = y
                outcome.revealedCounts[i] = counts
            }
            guard settlingIndex < record.workers.count, record.workers[settlingIndex] == members[i] else { continue }
            outcome.net[i] = record.payouts[settlingIndex] - f.deposit
            outcome.rewards[i] = record.rewards.isEmpty ? 0 : record.rewards[settlingIndex]
            outcome.settled[i] = true
            settlingIndex += 1
        }
        return outcome
    }

    private static func isCopier(_ seat: SeatPlan) -> Bool {
        if case .copiesCommitment = seat.strategy.conduct { return true }
        return false
    }

    /// A salt that differs per seat and replication.
    static func salt(seat: Int, _ noise: ReplicationNoise) -> Hash32 {
        var g = SplitMix64(seed: noise.reportSeed ^ 0x5A17, stream: UInt64(seat))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0 ..< 4 {
            let w = g.next()
            for k in 0 ..< 8 { bytes.append(UInt8(truncatingIfNeeded: w >> (8 * k))) }
        }
        return Hash32(bytes: bytes)!
    }

    /// Applies `tx`; returns 1 when the contract accepted it (the caller expected a refusal).
    static func attempt(_ contract: inout Contract, _ tx: Transaction, at height: Int) -> Int {
        do {
            try contract.apply(tx, at: height)
            return 1
        } catch {
            return 0
        }
    }

    /// The two blocks in which an out-of-protocol sender acts.
    enum Phase { case commit, reveal }

    /// The out-of-protocol transactions of `move` in `phase`; returns how many the contract
    /// accepted.
    static func outOfProtocol(
        _ move: OutOfProtocolMove, seat i: Int, _ contract: inout Contract, _ f: Federation,
        _ members: [Address], _ payload: RevealPayload, phase: Phase
    ) -> Int {
        let me = members[i]
        guard case .labels(let y, let counts, let salt) = payload else { return 0 }
        switch (move, phase) {
        case (.late, .reveal):
            return attempt(&contract, .commit(sender: me, commitment: contract.commitment(of: payload, by: me)), at: 1)
        case (.duplicate, .commit):
            return attempt(&contract, .commit(sender: me, commitment: contract.commitment(of: payload, by: me)), at: 0)
                + attempt(&contract, .register(sender: me, value: f.deposit), at: 0)
        case (.unregistered, .commit):
            return attempt(&contract, .register(sender: stranger, value: f.deposit), at: 0)
                + attempt(&contract, .commit(sender: stranger, commitment: .zero), at: 0)
        case (.malformed, .reveal):
            let bad = y.isEmpty ? [UInt8(0)] : Array(y.dropLast())
            return attempt(&contract, .reveal(sender: me, payload: .labels(y: bad, labelCount: counts, salt: salt)), at: 1)
                + attempt(&contract, .reveal(sender: me, payload: .labels(y: y, labelCount: counts.map { _ in -1 }, salt: salt)), at: 1)
        case (.oversized, .reveal):
            let big = [UInt8](repeating: 0, count: y.count * 10 + 1)
            return attempt(&contract, .reveal(sender: me, payload: .labels(y: big, labelCount: counts, salt: salt)), at: 1)
        case (.late, .commit), (.duplicate, .reveal), (.unregistered, .reveal),
            (.wrongDeposit, .commit), (.wrongDeposit, .reveal), (.malformed, .commit),
            (.oversized, .commit):
            return 0  // wrong-deposit is sent before registering, in `play`
        }
    }
}
