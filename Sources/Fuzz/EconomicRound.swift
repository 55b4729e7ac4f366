import Adversary
import Ledger
import Mechanisms
import Simulation

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
    /// model from its own stream of that replication; for a `bank` federation, m public
    /// samples drawn from that stream and each seat's real predictions on them.
    public init(federation f: Federation, replication r: Int) {
        var root = SplitMix64(seed: f.noiseSeed, stream: UInt64(r))
        let truthSeed = root.next(), modelSeed = root.next()
        reportSeed = root.next()
        var truthStream = SplitMix64(seed: truthSeed)
        if let models = f.models {
            // m distinct public samples (a partial Fisher-Yates shuffle), each seat's real
            // predictions on them.
            var order = Array(0 ..< models.publicLabels.count)
            let m = min(f.samples, order.count)
            for k in 0 ..< m { order.swapAt(k, k + Int(truthStream.draw(below: UInt64(order.count - k)))) }
            let chosen = order[0 ..< m]
            truth = chosen.map { models.publicLabels[$0] }
            predictions = (0 ..< f.workers).map { i in
                let p = models.predictions[i]
                return LocalPredictions(
                    labels: chosen.map { p.labels[$0] }, maxProbability: chosen.map { p.maxProbability[$0] },
                    accuracy: p.accuracy)
            }
            return
        }
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
}

/// Plays one PTSFD round of a federation through the Ledger's contract with Simulation's
/// `FederatedContract`, which carries out each seat's `ProtocolConduct` exactly as `simulate`
/// does (register and commit, copied commitments, reveals, withholding by a dry run, refused
/// out-of-protocol moves, settle).
public enum EconomicRound {
    /// A contract defect seen while playing: a protocol transaction refused, or an
    /// out-of-protocol one accepted.
    public struct Defect: Error, CustomStringConvertible {
        public var description: String
    }

    /// Plays one round.
    /// - Parameters:
    ///   - federation: the case.
    ///   - seats: one plan per seat.
    ///   - noise: the replication's truth and predictions.
    ///   - memo: the workers' commitment hashes shared by the worlds of one replication.
    /// - Throws: `Defect` when the contract misbehaves.
    public static func play(
        _ f: Federation, seats: [SeatPlan], noise: ReplicationNoise, memo: CommitmentMemo? = nil
    ) throws(Defect) -> RoundOutcome {
        let n = f.workers
        precondition(seats.count == n, "EconomicRound: one plan per seat")
        var reports: [WorkerReport] = []
        reports.reserveCapacity(n)
        var conduct: [ProtocolConduct] = []
        conduct.reserveCapacity(n)
        for (i, seat) in seats.enumerated() {
            let strategy = seat.strategy
            let context = ReportContext(
                classes: f.classes, samples: f.samples, certaintyThreshold: f.honestThreshold,
                worker: i, round: 0)
            var generator = SplitMix64(seed: noise.reportSeed, stream: UInt64(i))
            let predictions = strategy.trainsModel ? noise.predictions[seat.modelOwner] : nil
            reports.append(strategy.report(predictions: predictions, context: context, generator: &generator))
            conduct.append(seat.silent ? .neverReveals : strategy.conduct)
        }
        let record: RoundRecord
        let opened: [RevealPayload?]
        let members: [Address]
        do {
            var round = try FederatedContract(
                terms: f.terms, workers: n, deposit: f.deposit, commitWindow: 1, revealWindow: 1,
                saltSeed: noise.reportSeed)
            record = try round.play(reports, conduct: conduct, memo: memo)
            opened = round.lastReveals
            members = round.members
        } catch {
            throw Defect(description: "\(error)")
        }
        var outcome = RoundOutcome(
            net: [Int](repeating: -f.deposit, count: n), rewards: [Double](repeating: 0, count: n),
            settled: [Bool](repeating: false, count: n), revealed: [[UInt8]?](repeating: nil, count: n),
            revealedCounts: [[Int]?](repeating: nil, count: n))
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
}
