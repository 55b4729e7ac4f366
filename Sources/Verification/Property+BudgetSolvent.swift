import Ledger
import Mechanisms
import Solver
import Specs

/// `budget-solvent`: for every vote matrix within the bounds, the spec's payout rule pays its
/// claims out of the pool of deposits without a shortfall.
///
/// A bounded check of the contract's own integer arithmetic: every vote matrix with up to
/// `workers` workers, `samples` samples and `classes` classes (each vote a class or no report)
/// is settled and paid with `RoundSettlement.ptsfd`, the contract's own integer settlement, at
/// every end of the beta and lambda ranges. Proved means: no matrix within the bounds needs more
/// than the pool. A counterexample is the first matrix (rows per worker, `-` for no report) whose
/// claims exceed the pool.
public struct BudgetSolventCheck: Sendable {
    public struct Bounds: Hashable, Sendable, CustomStringConvertible {
        public var workers: Int
        public var samples: Int
        public var classes: Int
        public var description: String { "n <= \(workers) workers, m <= \(samples) samples, |C| <= \(classes) classes" }
    }

    public let spec: Spec
    public let bounds: [Bounds]

    public init(spec: Spec) {
        self.spec = spec
        let n = min(spec.federation.workers, 3), c = spec.federation.classes
        bounds = [Bounds(workers: n, samples: 3, classes: 2), Bounds(workers: n, samples: 2, classes: min(c, 3))]
    }

    /// The verdict, the bounds used, and `budget_shortfall`: the most any checked settlement's
    /// claims need beyond the pool (units; zero or negative when every one fits, its negation
    /// then the least headroom), at the matrix that needs it.
    public func run() -> (Verdict, [String], PropertyValues) {
        let betas = Set([spec.mechanism.beta.lowerBound, spec.mechanism.beta.upperBound]).sorted()
        let lambdas = Set((spec.contract.lambdaSchedule + [spec.mechanism.lambda]).flatMap { [$0.lowerBound, $0.upperBound] }).sorted()
        let deposits = Set([spec.mechanism.depositRange.lowerBound, spec.mechanism.depositRange.upperBound]).sorted()
        var notes = bounds.map { "bounded check over every vote matrix with \($0) (missing reports included)" }
        notes.append("beta in \(betas), lambda in \(lambdas); deposit in \(deposits), units_per_reward \(spec.contract.unitsPerReward), payout \(spec.knobs.payout.rawValue)")
        let limit = FixedPoint.maximumParameter
        if let outside = (betas + lambdas).first(where: { abs($0) > limit }) {
            notes.append("the contract refuses beta or lambda beyond +-\(limit) (parameterOutOfRange)")
            return (.unknown(reason: "\(outside) lies outside the contract's integer settlement range [-\(limit), \(limit)]"), notes, .none)
        }
        var checked = 0
        var worst: (need: Int, at: Counterexample)? = nil
        func values(_ method: String) -> PropertyValues {
            guard let worst else { return .none }
            return PropertyValues(
                values: [PropertyValue("budget_shortfall", Rational(worst.need))],
                at: Dictionary(worst.at.entries.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }), method: method)
        }
        for bound in bounds {
            for workers in 2 ... max(2, bound.workers) {
                for samples in 1 ... bound.samples {
                    for votes in Self.matrices(workers: workers, samples: samples, classes: bound.classes) {
                        for beta in betas {
                            for lambda in lambdas {
                                checked += deposits.count
                                let (failure, need) = check(votes, beta: beta, lambda: lambda, deposits: deposits)
                                if worst == nil || need.need > worst!.need { worst = need }
                                if let failure {
                                    notes.append("checked \(checked) settlements up to the counterexample")
                                    return (.refuted(failure), notes, values("at the counterexample"))
                                }
                            }
                        }
                    }
                }
            }
        }
        notes.append("checked \(checked) settlements")
        return (.proved, notes, values("the largest need over every settlement checked"))
    }

    /// Every vote matrix of the given size, each vote a class or no report.
    static func matrices(workers: Int, samples: Int, classes: Int) -> [VoteMatrix] {
        let choices = classes + 1
        let total = (0 ..< workers * samples).reduce(1) { acc, _ in acc * choices }
        return (0 ..< total).map { index in
            var votes = VoteMatrix(workers: workers, samples: samples, classes: classes)
            var rest = index
            for j in 0 ..< samples {
                for i in 0 ..< workers {
                    let code = rest % choices
                    rest /= choices
                    votes[worker: i, sample: j] = code == classes ? nil : code
                }
            }
            return votes
        }
    }

    /// Settles and pays one matrix as the contract does: the counterexample if a claim does not
    /// fit, and the most its claims need beyond the pool over the deposits (with where).
    func check(_ votes: VoteMatrix, beta: Double, lambda: Double, deposits: [Int])
        -> (Counterexample?, (need: Int, at: Counterexample))
    {
        var knobs = spec.knobs
        knobs.peersPerSample = .all
        var worst: (need: Int, at: Counterexample)? = nil
        for deposit in deposits {
            let settlement = RoundSettlement.ptsfd(
                votes: votes, settling: Array(0 ..< votes.workers), reportedLabelCounts: nil,
                beta: beta, lambda: lambda, knobs: knobs, unitsPerReward: spec.contract.unitsPerReward,
                deposit: deposit, allocationSeed: 0)
            let plan = settlement.plan
            let example = counterexample(votes, beta: beta, lambda: lambda, deposit: deposit, settlement: settlement)
            // The claims the rule makes: `paper`'s clamped D + units, `balanced`'s payouts.
            let claims: Int = switch knobs.payout {
            case .paper: settlement.units.reduce(0) { $0 + min(plan.pool, max(0, deposit + $1)) }
            case .balanced: plan.payouts.reduce(0, +)
            }
            let need = claims - plan.pool
            if worst == nil || need > worst!.need { worst = (need, example) }
            if plan.shortfall || plan.payouts.reduce(0, +) > plan.pool { return (example, worst!) }
        }
        return (nil, worst!)
    }

    func counterexample(_ votes: VoteMatrix, beta: Double, lambda: Double, deposit: Int, settlement: FixedPointSettlement) -> Counterexample {
        let rows = (0 ..< votes.workers).map { i in
            votes.row(i).map { $0.map(String.init) ?? "-" }.joined(separator: ",")
        }
        let claims = settlement.units.map { deposit + $0 }
        return Counterexample([
            ("votes", rows.joined(separator: " / ")),
            ("beta", exactRational(beta).description),
            ("lambda", exactRational(lambda).description),
            ("deposit", "\(deposit)"),
            ("claims", claims.map(String.init).joined(separator: ",")),
            ("pool", "\(settlement.plan.pool)"),
        ])
    }
}
