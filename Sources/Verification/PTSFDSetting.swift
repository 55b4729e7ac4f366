import Mechanisms
import Solver
import Specs

/// What the PTSFD claims need from a spec for one kind of worker: beliefs, the parameters as
/// variables, and the normalisation knob as a factor on R.
///
/// R as the mechanism computes it (Algorithm 3, line 20). Worker j reports a share f_j of the
/// m samples, so `labelCount_j(x) = f_j m R_j(x)` and `M[i] = f_i m`, where R_j is the
/// distribution of j's reports; `R(x) = sum_{j != i} f_j R_j(x) / sum_{j != i} f_j` is the
/// report prior of i's peer mixture (`BeliefModel+Workers.swift`). Then
/// ```
/// paper:  R_i(x) = (G(x) - labelCount_i(x)) / (n M[i]) = R(x) * sum_{j != i} f_j / (n f_i)
/// proper: R_i(x) = (G(x) - labelCount_i(x)) / sum_y (G(y) - labelCount_i(y)) = R(x)
/// ```
/// so the `paper` normalisation scales R by `rho = sum_{j != i} f_j / (n f_i)` (with every
/// worker reporting every sample, `(n - 1) / n`), the `proper` one by `rho = 1`. The mechanism
/// pays `1 / (rho * R(y))` on a match. The same holds under a `k`-peer allocation.
public struct PTSFDSetting: Sendable {
    public private(set) var beliefs: BeliefModel
    public let beta: Variable
    public let lambda: Variable
    public let coalition: Variable
    public let normalization: Normalization
    public let classes: Int
    public let workers: Int

    /// The setting of the spec's first worker (of every worker, when they are all alike).
    public init(spec: Spec) { self.init(spec: spec, beliefs: BeliefModel(spec: spec)) }

    public init(spec: Spec, beliefs: BeliefModel) {
        self.beliefs = beliefs
        beta = Variable("beta", spec.mechanism.beta)
        let lambdas = spec.contract.lambdaSchedule + [spec.mechanism.lambda]
        lambda = Variable(
            "lambda", .range(min: lambdas.map(\.lowerBound).min()!, max: lambdas.map(\.upperBound).max()!))
        coalition = Variable("coalition", spec.federation.coalition)
        classes = spec.federation.classes
        workers = spec.federation.workers
        normalization = spec.knobs.normalization
    }

    /// One setting per kind of worker (`BeliefModel.perWorker(spec:)`).
    public static func perWorker(spec: Spec) -> [PTSFDSetting] {
        BeliefModel.perWorker(spec: spec).map { PTSFDSetting(spec: spec, beliefs: $0) }
    }

    /// The normalisation factor: `sum_{j != i} f_j / (n f_i)` (`paper`) or 1 (`proper`).
    func rho<A: Algebra>(_ alg: A, _ v: [A.Number]) -> A.Number {
        switch normalization {
        case .paper:
            return alg.divide(
                beliefs.peersFraction(alg, v),
                alg.multiply(alg.constant(workers), beliefs.value(alg, v, beliefs.ownFraction)))
        case .proper:
            return alg.constant(1)
        }
    }

    /// rho when the report fractions are fixed (`nil` when they range).
    public var fixedRho: Rational? {
        let fractions = [beliefs.ownFraction] + beliefs.peerFractions
        guard fractions.allSatisfy({ if case .constant = $0 { true } else { false } }) else { return nil }
        return rho(ExactAlgebra(), [])
    }

    /// The reward on a match with report y: `1 / (rho * R(y))`.
    func matchReward<A: Algebra>(_ alg: A, _ v: [A.Number], _ y: Int) -> A.Number {
        alg.divide(alg.constant(1), alg.multiply(rho(alg, v), beliefs.reportPrior(alg, v, y)))
    }

    /// An honest worker's expected reward before lambda on a sample it reports (Eq. 6 with A
    /// the belief): `sum_x P_w(x) * (P(x|x) / (rho R(x)) - beta) = sum_x joint(x, x) / (rho R(x)) - beta`.
    func honestReward<A: Algebra>(_ alg: A, _ v: [A.Number], beta: A.Number) -> A.Number {
        let matched = alg.sum((0 ..< classes).map { x in
            alg.multiply(beliefs.joint(alg, v, x, x), matchReward(alg, v, x))
        })
        return alg.subtract(matched, beta)
    }

    /// The same setting for a worker whose own observation has the accuracy at `index` of a
    /// claim's variables (`BeliefModel.withOwnAccuracy`).
    func withOwnAccuracy(at index: Int) -> PTSFDSetting {
        var copy = self
        copy.beliefs = beliefs.withOwnAccuracy(at: index)
        return copy
    }

    /// The counterexample label naming the worker(s) checked, when the workers differ.
    var workerLabels: [(name: String, value: String)] {
        beliefs.kindCount == 1 ? [] : [("worker", Self.describe(beliefs.checkedWorkers))]
    }

    /// `0`, `2-4`, `1, 3, 5-6`: 0-based worker indices, runs compressed.
    static func describe(_ workers: [Int]) -> String {
        var runs: [String] = []
        var i = 0
        while i < workers.count {
            var j = i
            while j + 1 < workers.count, workers[j + 1] == workers[j] + 1 { j += 1 }
            runs.append(i == j ? "\(workers[i])" : "\(workers[i])-\(workers[j])")
            i = j + 1
        }
        return runs.joined(separator: ", ")
    }
}
