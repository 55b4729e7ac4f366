import Specs

/// What `verify` decides within about ten seconds a property on 2 cores (release build: ten
/// consensus workers 5.4 s, twelve 12 s; 64 classes with a uniform prior under 2 s; 8 classes
/// of distinct priors 10.6 s for truthful-best-response); a spec beyond it is refused before
/// any work, naming the key and the limit (`settle`, `simulate` and `fuzz` take it as it is).
///
/// - Consensus: IEWDS explores every elimination order over the workers' remaining
///   strategies, and its Z3 questions grow with n^2 (361 at n = 8, 661 at n = 10, 1,093 at
///   n = 12), each quantifying over the opponents' situations (`ConsensusGame.situations`).
/// - PTSFD: the claims are one per class or ordered pair of classes up to the prior's symmetry
///   (`BeliefModel+Symmetry`): with a uniform prior one pair stands for all, with every prior
///   value distinct every pair is its own. Each pair's Z3 query is nonlinear (accuracy times
///   prior over R), about a third of a second, so the pairs are what is limited, and the classes
///   (the sums inside each claim grow with |C|). Heterogeneous workers multiply the claims by
///   the kinds of workers.
extension Verifier {
    /// Most workers of a consensus spec.
    public static let maximumConsensusWorkers = 10
    /// Most classes of a PTSFD spec.
    public static let maximumClasses = 64
    /// Most ordered pairs of classes up to the prior's symmetry (every pair of 8 classes with
    /// distinct priors is 56).
    public static let maximumClassPairs = 56
    /// Most kinds of workers (workers with the same accuracy or confusion and report fraction
    /// are one kind, `BeliefModel+Workers.swift`); every kind is checked on its own.
    public static let maximumWorkerKinds = 16

    /// Why `verify` does not take `spec`, with the key at fault; `nil` when it does.
    public static func beyondLimits(_ spec: Spec) -> (key: String, reason: String)? {
        switch spec.mechanism.kind {
        case .consensus:
            let n = spec.federation.workers
            guard n <= maximumConsensusWorkers else {
                return ("federation.workers", "verify decides consensus specs of at most \(maximumConsensusWorkers) workers, "
                    + "not \(n): IEWDS over every elimination order grows with n^2 Z3 questions "
                    + "(settle and fuzz take any number)")
            }
        case .ptsfd:
            let c = spec.federation.classes
            guard c <= maximumClasses else {
                return ("federation.classes", "verify decides PTSFD specs of at most \(maximumClasses) classes, not \(c) "
                    + "(settle, simulate and fuzz take up to 254)")
            }
            let kinds = BeliefModel.kindCount(spec: spec)
            guard kinds <= maximumWorkerKinds else {
                let key = if case .perWorker? = spec.federation.confusion { "federation.confusion" }
                    else if case .perWorker = spec.federation.accuracy, spec.federation.confusion == nil { "federation.accuracy" }
                    else { "federation.report_fraction" }
                return (key, "the workers fall into \(kinds) kinds (distinct accuracy or confusion and report "
                    + "fraction), more than the \(maximumWorkerKinds) verify checks one by one; workers given alike are checked once")
            }
            let pairs = BeliefModel.perWorker(spec: spec).map(\.representativePairs.count).max() ?? 0
            guard pairs <= maximumClassPairs else {
                if spec.federation.confusion != nil {
                    return ("federation.confusion", "a confusion matrix has no class symmetry: its \(c) classes give \(pairs) "
                        + "ordered pairs of classes, more than the \(maximumClassPairs) verify decides")
                }
                return ("federation.prior", "the prior's \(c) classes give \(pairs) distinct ordered pairs of classes "
                    + "(classes with equal prior count as one), more than the \(maximumClassPairs) verify decides; "
                    + "classes of equal prior are checked once, so a prior with fewer distinct values goes further")
            }
        }
        return nil
    }
}
