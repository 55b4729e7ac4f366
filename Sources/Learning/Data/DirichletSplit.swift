import Mechanisms

/// A non-iid split of a labelled set among workers by a Dirichlet distribution over classes.
///
/// The scheme of the federated-learning literature (Hsu, Qi and Brown 2019; Li et al.'s
/// NIID-Bench 2022), used with alpha = 0.1, 1 and 100 in Section 5 of the paper:
/// 1. the public set X_pub of `publicCount` samples is drawn first, uniformly without
///    replacement, and excluded;
/// 2. for each class k (in a seeded random order), draw p ~ Dir(alpha, …, alpha) over the
///    workers and cut the class's shuffled remaining indices at ⌊m · Σ_{j≤i} p_j⌋.
///
/// Size limits, when they bite:
/// - `maxPerWorker`: a worker already at the maximum gets no share of later classes (its p_i is
///   set to 0 and p renormalised, as in NIID-Bench); a cut larger than a worker's remaining room
///   is clipped and the excess goes to workers with room, largest p_i first. Every non-public
///   sample is still assigned, so the mix is less skewed than Dir(alpha) alone.
/// - `minPerWorker`: if any worker ends below it, all proportions are redrawn (continuing the
///   same seeded stream) up to `maxAttempts` times, then ``DirichletSplitError/minimumNotMet(minPerWorker:attempts:)``.
///
/// Deterministic: the result is a function of the labels, the parameters and the seed.
public struct DirichletSplit: Equatable, Sendable {
    /// The number of workers, ≥ 1.
    public var workers: Int
    /// The Dirichlet concentration, > 0: 0.1 is highly non-iid, 100 nearly iid.
    public var alpha: Double
    /// The size of the public set X_pub.
    public var publicCount: Int
    /// The fewest private samples a worker may hold.
    public var minPerWorker: Int
    /// The most private samples a worker may hold, or `nil` for no limit.
    public var maxPerWorker: Int?
    /// How many full draws are tried to meet `minPerWorker`.
    public var maxAttempts: Int

    /// A split configuration.
    ///
    /// - Parameters:
    ///   - workers: the number of workers, ≥ 1.
    ///   - alpha: the Dirichlet concentration, positive and finite.
    ///   - publicCount: the size of X_pub, ≥ 0.
    ///   - minPerWorker: the minimum private set size, ≥ 0 (default 1).
    ///   - maxPerWorker: the maximum private set size, ≥ `minPerWorker`, or `nil`.
    ///   - maxAttempts: the number of redraws allowed for the minimum, ≥ 1.
    public init(
        workers: Int, alpha: Double, publicCount: Int,
        minPerWorker: Int = 1, maxPerWorker: Int? = nil, maxAttempts: Int = 1000
    ) {
        self.workers = workers
        self.alpha = alpha
        self.publicCount = publicCount
        self.minPerWorker = minPerWorker
        self.maxPerWorker = maxPerWorker
        self.maxAttempts = maxAttempts
    }

    /// Splits the indices `0 ..< labels.count`.
    ///
    /// - Parameters:
    ///   - labels: one class label per sample, each below `classes`.
    ///   - classes: the number of classes, ≥ 1.
    ///   - seed: the seed of all randomness (streams 0 for X_pub, 1 for the proportions).
    /// - Throws: ``DirichletSplitError`` for invalid parameters, infeasible limits, or a
    ///   minimum not met within `maxAttempts`.
    /// - Complexity: O(n + attempts · (n + classes · workers log workers)) for n samples.
    public func split(labels: [UInt8], classes: Int, seed: UInt64) throws(DirichletSplitError) -> DataSplit {
        try _validate(labels: labels, classes: classes)
        var publicStream = SplitMix64(seed: seed, stream: 0)
        var order = Array(labels.indices)
        publicStream.shuffle(&order)
        let publicIndices = order[..<publicCount].sorted()
        let rest = order[publicCount...]
        let capacity = maxPerWorker.map { $0.multipliedReportingOverflow(by: workers) }
        let tooSmall = capacity.map { !$0.overflow && $0.partialValue < rest.count } ?? false
        let (floor, floorOverflow) = minPerWorker.multipliedReportingOverflow(by: workers)
        if tooSmall || floorOverflow || floor > rest.count {
            throw .infeasible(samples: rest.count, workers: workers, minPerWorker: minPerWorker, maxPerWorker: maxPerWorker)
        }
        var byClass = [[Int]](repeating: [], count: classes)
        for index in rest { byClass[Int(labels[index])].append(index) }
        var stream = SplitMix64(seed: seed, stream: 1)
        for _ in 0 ..< maxAttempts {
            let assigned = _draw(byClass: byClass, stream: &stream)
            if assigned.allSatisfy({ $0.count >= minPerWorker }) {
                return DataSplit(publicIndices: publicIndices, workerIndices: assigned.map { $0.sorted() })
            }
        }
        throw .minimumNotMet(minPerWorker: minPerWorker, attempts: maxAttempts)
    }

    /// One full draw: every class's indices cut among the workers.
    func _draw(byClass: [[Int]], stream: inout SplitMix64) -> [[Int]] {
        var assigned = [[Int]](repeating: [], count: workers)
        var classOrder = Array(byClass.indices)
        stream.shuffle(&classOrder)
        for k in classOrder where !byClass[k].isEmpty {
            let proportions = stream.dirichlet(alpha: alpha, count: workers)
            let room = maxPerWorker.map { limit in assigned.map { limit - $0.count } }
            let counts = Self._allocate(byClass[k].count, proportions: proportions, room: room)
            var start = 0
            for worker in 0 ..< workers {
                assigned[worker] += byClass[k][start ..< start + counts[worker]]
                start += counts[worker]
            }
        }
        return assigned
    }

    /// Cuts m items by `proportions`, respecting each worker's remaining `room` if given.
    ///
    /// - Parameters:
    ///   - m: the number of items.
    ///   - proportions: non-negative weights summing to 1.
    ///   - room: the free places per worker, with Σ room ≥ m, or `nil` for no limit.
    /// - Returns: counts summing to m, each within its room.
    /// - Complexity: O(w log w) for w workers.
    static func _allocate(_ m: Int, proportions: [Double], room: [Int]?) -> [Int] {
        let w = proportions.count
        var p = proportions
        if let room {
            for i in 0 ..< w where room[i] <= 0 { p[i] = 0 }
            if p.reduce(0, +) <= 0 { p = room.map { $0 > 0 ? 1 : 0 } }
        }
        let total = p.reduce(0, +)
        var counts = [Int](repeating: 0, count: w)
        var cumulative = 0.0
        var previous = 0
        for i in 0 ..< w {
            cumulative += p[i] / total
            let cut = i == w - 1 ? m : Swift.min(m, Int((cumulative * Double(m)).rounded(.down)))
            counts[i] = Swift.max(0, cut - previous)
            previous = Swift.max(previous, cut)
        }
        guard let room else { return counts }
        var excess = 0
        for i in 0 ..< w where counts[i] > room[i] {
            excess += counts[i] - Swift.max(room[i], 0)
            counts[i] = Swift.max(room[i], 0)
        }
        let byShare = (0 ..< w).sorted { p[$0] != p[$1] ? p[$0] > p[$1] : $0 < $1 }
        for i in byShare where excess > 0 {
            let give = Swift.min(excess, room[i] - counts[i])
            if give > 0 { counts[i] += give; excess -= give }
        }
        return counts
    }

    /// Checks the parameters against the labels.
    func _validate(labels: [UInt8], classes: Int) throws(DirichletSplitError) {
        guard workers >= 1 else { throw .invalidParameter("workers must be at least 1, got \(workers)") }
        guard alpha > 0, alpha.isFinite else { throw .invalidParameter("alpha must be positive and finite, got \(alpha)") }
        guard (1 ... 256).contains(classes) else { throw .invalidParameter("classes must be in 1...256, got \(classes)") }
        guard (0 ... labels.count).contains(publicCount) else {
            throw .invalidParameter("publicCount must be in 0...\(labels.count), got \(publicCount)")
        }
        guard minPerWorker >= 0 else { throw .invalidParameter("minPerWorker must be non-negative, got \(minPerWorker)") }
        if let maxPerWorker, maxPerWorker < minPerWorker {
            throw .invalidParameter("maxPerWorker \(maxPerWorker) is below minPerWorker \(minPerWorker)")
        }
        guard maxAttempts >= 1 else { throw .invalidParameter("maxAttempts must be at least 1, got \(maxAttempts)") }
        if let bad = labels.firstIndex(where: { Int($0) >= classes }) {
            throw .invalidParameter("label \(labels[bad]) at index \(bad) is not below \(classes) classes")
        }
    }
}
