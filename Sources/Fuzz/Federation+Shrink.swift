import Adversary
extension Federation {
    /// The smallest workers a shrunk federation keeps: 3 (a focal seat, a peer and one more),
    /// or the peer allocation's k.
    var minimumWorkers: Int {
        switch knobs.peersPerSample {
        case .all: 3
        case .k(let k): max(3, k)
        }
    }

    /// The fewest samples a shrunk federation keeps: below about 10 samples a round's rewards
    /// take so few values that integer payout rounding, not the strategy, can decide a
    /// comparison.
    static let minimumSamples = 10

    /// Simpler federations to try, simplest first: fewer workers, fewer samples, fewer
    /// classes, fewer replications, an all-honest background. Each keeps the noise seed, so a
    /// candidate that still violates does so with the same seeds.
    func shrinkCandidates() -> [Federation] {
        var out: [Federation] = []
        for n in Set([minimumWorkers, workers / 2, workers - 1]).sorted()
        where n >= minimumWorkers && n < workers {
            var f = self
            f.workers = n
            f.accuracy = Array(accuracy.prefix(n))
            f.background = Array(background.prefix(n))
            f.parameters.copyTarget = parameters.copyTarget % n
            out.append(f)
        }
        for m in Set([Self.minimumSamples, samples / 4, samples / 2, samples - 1]).sorted()
        where m >= Self.minimumSamples && m < samples {
            var f = self
            f.samples = m
            out.append(f)
        }
        // Real predictions keep their classes.
        for c in Set([2, classes / 2, classes - 1]).sorted() where c >= 2 && c < classes && models == nil {
            out.append(withClasses(c))
        }
        for r in Set([2, replications / 2]).sorted() where r >= 2 && r < replications {
            var f = self
            f.replications = r
            out.append(f)
        }
        if background.contains(where: { $0 != HonestStrategy.name }) {
            var f = self
            f.background = background.map { _ in HonestStrategy.name }
            out.append(f)
        }
        return out
    }

    /// The federation on the first `c` classes: the prior renormalised, every class map folded
    /// into `0 ..< c`.
    func withClasses(_ c: Int) -> Federation {
        var f = self
        f.classes = c
        f.parameters.classes = c
        let head = Array(prior.prefix(c))
        let total = head.reduce(0, +)
        f.prior = total > 0 ? head.map { $0 / total } : head.map { _ in 1 / Double(c) }
        let labels = Array(parameters.heuristicLabels.prefix(c))
        let mass = labels.reduce(0, +)
        f.parameters.heuristicLabels = mass > 0 ? labels.map { $0 / mass } : labels.map { _ in 1 / Double(c) }
        f.parameters.collusionMap = parameters.collusionMap.prefix(c).map { $0 % c }
        f.parameters.misreportMap = parameters.misreportMap.prefix(c).map { $0 % c }
        return f
    }

    /// A size for comparing federations: smaller is simpler.
    var complexity: Int {
        workers * 1_000_000 + classes * 10_000 + samples * 10 + replications
            + background.filter { $0 != HonestStrategy.name }.count
    }

    /// Shrinks while `stillFails` holds, greedily taking the first simpler candidate that
    /// fails, for at most `limit` evaluations.
    /// - Returns: the smallest failing federation found and the evaluations spent.
    func shrunk(limit: Int, stillFails: (Federation) throws -> Bool) rethrows -> (Federation, Int) {
        try greedyShrink(self, limit: limit, candidates: { $0.shrinkCandidates() }, stillFails: stillFails)
    }
}

/// Greedy shrinking: from `start`, move to the first of `candidates(current)` that still
/// fails, until none does or `limit` evaluations are spent.
/// - Returns: the smallest failing value found and the evaluations spent.
func greedyShrink<Value>(
    _ start: Value, limit: Int, candidates: (Value) -> [Value], stillFails: (Value) throws -> Bool
) rethrows -> (Value, Int) {
    var current = start, spent = 0
    var progress = true
    while progress && spent < limit {
        progress = false
        for candidate in candidates(current) where spent < limit {
            spent += 1
            if try stillFails(candidate) {
                current = candidate
                progress = true
                break
            }
        }
    }
    return (current, spent)
}
