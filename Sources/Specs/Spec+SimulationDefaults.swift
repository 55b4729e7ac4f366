import Adversary

extension Spec.Simulation {
    /// A simulation of `workers` workers and `classes` classes with every key at its default,
    /// as for a spec whose `[data]`, `[training]` and `[strategies]` tables are all empty.
    /// - Parameters:
    ///   - workers: n, `federation.workers` (>= 0).
    ///   - classes: |C|, `federation.classes` (>= 0).
    public init(workers: Int, classes: Int) {
        self.init(
            data: Data(workers: workers), training: Training(workers: workers),
            strategies: Strategies(workers: workers, classes: classes))
    }
}

extension Spec.Simulation.Data {
    /// `private_size` when a spec does not give it.
    public static let defaultPrivateSize = 1000

    /// The default `[data]` table for `workers` workers: the Fashion-MNIST files, alpha = 1,
    /// 1000 private samples each, 2000 public samples, the whole test set, seed 0.
    public init(workers: Int) {
        self.init(privateSizes: [Int](repeating: Self.defaultPrivateSize, count: workers))
    }
}

extension Spec.Simulation.Training {
    /// The default `[training]` table for `workers` workers: LeNet-5, one epoch, target
    /// accuracy 1, batches of 64, certainty threshold 0, one distillation epoch, seed 0.
    public init(workers: Int) {
        self.init(
            architectures: [Spec.Simulation.Architecture](repeating: .lenet5, count: workers),
            epochs: [Int](repeating: 1, count: workers),
            targetAccuracy: [Double](repeating: 1, count: workers))
    }
}

extension Spec.Simulation.Strategies {
    /// How far the fractions of the kinds may sum from 1.
    public static let fractionTolerance = 1e-9
    /// Remainders closer than this count as tied in `counts(fractions:workers:)`.
    static let tieTolerance = 1e-9

    /// The default `[strategies]` table: every worker honest, heuristic labels uniform, the
    /// paper's collusion map, the attack parameters of `StrategyParameters`.
    public init(workers: Int, classes: Int) {
        self.init(
            assignment: [String](repeating: HonestStrategy.name, count: workers),
            collusionMap: Self.paperCollusionMap(classes: classes))
    }

    /// How many workers follow each kind: the fractions apportioned to `workers` by largest
    /// remainder (Hamilton's method).
    ///
    /// Each kind first gets `floor(q_k)` workers, with the quota
    /// ```
    /// q_k = workers * f_k / sum_j f_j
    /// ```
    /// and the workers left over go one each to the kinds with the largest remainders
    /// `q_k - floor(q_k)`; remainders within 1e-9 of each other count as tied, and a tie goes
    /// to the earlier kind. A kind with fraction 0 gets no worker. For example 10 workers at
    /// 0.75 / 0.25 have quotas 7.5 and 2.5: 8 and 2.
    /// - Parameters:
    ///   - fractions: one fraction per kind, in catalogue order (or any other order the caller
    ///     keeps); each finite and >= 0, and at least one above 0.
    ///   - workers: n, >= 0.
    /// - Returns: one count per fraction, summing to `workers`.
    /// - Complexity: O(k^2) for k fractions.
    public static func counts(fractions: [Double], workers: Int) -> [Int] {
        precondition(workers >= 0, "negative number of workers")
        precondition(fractions.allSatisfy { $0.isFinite && $0 >= 0 }, "bad fraction")
        let total = fractions.reduce(0, +)
        precondition(total > 0, "the fractions sum to 0")
        let quotas = fractions.map { Double(workers) * $0 / total }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let remainders = quotas.indices.map { quotas[$0] - Double(counts[$0]) }
        var left = workers - counts.reduce(0, +)
        var served = [Bool](repeating: false, count: fractions.count)
        while left > 0 {
            var best: Int? = nil
            for k in fractions.indices where !served[k] && fractions[k] > 0 {
                if let b = best, remainders[k] <= remainders[b] + tieTolerance { continue }
                best = k
            }
            // Rounding can leave more than one worker per kind only for huge counts; serve
            // the kinds again in the same order then.
            guard let b = best else {
                served = [Bool](repeating: false, count: fractions.count)
                continue
            }
            counts[b] += 1
            served[b] = true
            left -= 1
        }
        return counts
    }

    /// Each worker's strategy when the strategies `names` take `fractions` of the workers: the
    /// counts of `counts(fractions:workers:)`, assigned in the order of `names` (for the
    /// catalogue: first the honest workers, then the heuristic, then the colluding ones, then
    /// the attackers in registration order).
    /// - Parameters:
    ///   - fractions: one fraction per entry of `names`, in that order; as for `counts`.
    ///   - workers: n, >= 0.
    ///   - names: the strategy names; by default `StrategyCatalog.standard.names`.
    public static func assignment(
        fractions: [Double], workers: Int, names: [String] = StrategyCatalog.standard.names
    ) -> [String] {
        precondition(fractions.count == names.count, "one fraction per strategy name")
        let counts = counts(fractions: fractions, workers: workers)
        return zip(names, counts).flatMap { name, count in [String](repeating: name, count: count) }
    }
}
