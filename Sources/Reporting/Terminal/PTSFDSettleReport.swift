import Foundation
import Ledger
import Mechanisms
import Specs

/// The result of `settle` on a PTSFD spec, as plain data: encoded as JSON, rendered as a table.
///
/// JSON: `{"labels": [Int], "workers": [{"index", "reported", "reward", "meanReward",
/// "payout"}], "pool", "residue", "shortfall", "spec", "votes", "seed", "command"}`. Every reward
/// is a JSON number: `settle` recomputes labelCount from the votes and the spec's ranges bound
/// the rewards (`PTSFD.rewardBound`), and a non-finite one would be refused by
/// `OutputFile.json` rather than written.
public struct PTSFDSettleReport: Encodable {
    public struct Worker: Encodable {
        public var index: Int
        public var reported: Int
        public var reward: Double
        public var meanReward: Double
        public var payout: Int
    }

    public var labels: [Int]
    public var workers: [Worker]
    public var pool: Int
    public var residue: Int
    public var shortfall: Bool
    public var spec: String
    public var votes: String
    public var seed: UInt64
    public var command: String

    private var header: [String] = []

    public enum CodingKeys: String, CodingKey {
        case labels, workers, pool, residue, shortfall, spec, votes, seed, command
    }

    public init(
        spec: Spec, specPath: String, votesPath: String, samples: Int,
        parameters: PTSFD.Parameters, settlement: FixedPointSettlement
    ) {
        let plan = settlement.plan
        labels = settlement.labels
        workers = settlement.units.indices.map { i in
            Worker(
                index: i, reported: settlement.reported[i], reward: settlement.reward(of: i),
                meanReward: settlement.meanReward(of: i), payout: plan.payouts[i])
        }
        pool = plan.pool
        residue = plan.residue
        shortfall = plan.shortfall
        self.spec = specPath
        votes = votesPath
        seed = spec.mechanism.seed
        command = "serumcheck settle --spec \(specPath) --votes \(votesPath)"
        let k = spec.knobs
        let peers: String = switch k.peersPerSample {
        case .all: "all"
        case .k(let count): "\(count) (seed \(spec.mechanism.seed))"
        }
        header = [
            "spec: \(specPath) (\(spec.name))",
            "round: n = \(settlement.units.count) workers, m = \(samples) samples, |C| = \(spec.federation.classes), "
                + "beta = \(parameters.beta), lambda = \(parameters.lambda)",
            "knobs: normalization \(k.normalization.rawValue), aggregation \(k.aggregation.rawValue), "
                + "label_count \(k.labelCount.rawValue), payout \(k.payout.rawValue), peers_per_sample \(peers)",
        ]
    }

    /// A readable table: the round, one row per worker, the pool and the labels.
    public var table: String {
        var out = header.joined(separator: "\n") + "\n\n"
        let rows = workers.map { w in
            [String(w.index), String(w.reported), fourDecimals(w.reward), fourDecimals(w.meanReward), String(w.payout)]
        }
        out += TextTable(
            columns: ["worker", "reported", "reward", "mean reward", "payout"], rows: rows
        ).rendered
        out += "\npool \(pool) units, paid \(pool - residue), kept \(residue)"
        out += shortfall ? " (SHORTFALL: the claims exceeded the pool and were paid pro rata)\n" : "\n"
        let shown = labels.prefix(60).map(String.init).joined(separator: " ")
        out += "aggregated labels (\(labels.count)): \(shown)\(labels.count > 60 ? " ..." : "")\n"
        return out
    }
}

/// A reward with four decimals (rounded half away from zero), or "inf", "-inf", "nan".
///
/// Exact integer arithmetic on the reward in units of 1/10000 while that fits an `Int`
/// (|x| below about 9.2e14); beyond it a `Double` has no fraction digits left to round and
/// `%.4f` prints its exact value.
public func fourDecimals(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    guard let scaled = Int(exactly: (x * 10_000).rounded()) else {
        return String(format: "%.4f", x)
    }
    let sign = scaled < 0 ? "-" : ""
    let (whole, fraction) = scaled.magnitude.quotientAndRemainder(dividingBy: 10_000)
    let digits = String(fraction)
    return "\(sign)\(whole).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
}
