import Solver
import Specs

/// What a worker believes about its peers (Witt et al., section 3.3 and Appendix A).
///
/// - `ownMarginal(x)`: P_w(x), how often the worker observes class x;
/// - `reportPrior(y)`: R(y), how often an honest peer reports y;
/// - `joint(x, y)`: P_w(x) * P_p|w(y | x), so `P_p|w(y | x) = joint(x, y) / ownMarginal(x)`.
///
/// From an explicit `[beliefs]` matrix: `joint(x, y) = R(x) * peer_given_own[x][y]` with the
/// worker's marginal taken to be R (`federation.prior`).
///
/// From the workers' noise (`BeliefModel+Workers.swift` builds one model per kind of worker):
/// the true class t has prior `pi = federation.prior`; the checked worker observes o with
/// probability `P_w(o | t)`, either `a_w` for o = t and `e_w = (1 - a_w) / (|C| - 1)` otherwise
/// (`accuracy`) or the row t of its `confusion` matrix. Its peer is a mixture of its actual
/// peers: group g of peers (workers with the same noise and report fraction) is the peer with
/// probability `s_g = F_g / sum_h F_h`, F_g the group's total report fraction (a worker that
/// reports a share f of the samples is in a share f of the averages of Eq. 2), so
/// `P_p(y | t) = sum_g s_g P_g(y | t)`. Then
/// ```
/// P_w(x) = sum_t pi(t) P_w(x | t)      R(y) = sum_t pi(t) P_p(y | t)
/// joint(x, y) = sum_t pi(t) P_w(x | t) P_p(y | t)
/// ```
/// When every noise is an accuracy, `P_p(y | t)` is the accuracy noise of the mixed accuracy
/// `a_p = sum_g s_g a_g` (it is affine in a), and the closed forms below are used; a group of
/// workers whose accuracies each range over one interval is, for the same reason, exactly one
/// accuracy variable over that interval. With a uniform prior R(y) is then exactly 1/|C|
/// whatever the accuracies, and is used as that constant.
public struct BeliefModel: Sendable {
    public enum Source: Sendable {
        case explicit(peerGivenOwn: [[Rational]])
        case workers(own: Noise, peers: [PeerGroup])
    }

    /// How one worker (or group of workers) errs.
    public enum Noise: Sendable {
        /// The accuracy model: a variable's index in `variables`.
        case accuracy(Slot)
        /// Class-dependent errors, `matrix[t][o]` = P(observe o | true class t).
        case confusion([[Rational]])
    }

    /// A number of the model: a constant, or the variable at an index of `variables`.
    public enum Slot: Sendable, Hashable {
        case constant(Rational)
        case variable(Int)
    }

    /// Peers with the same noise and report fraction (their total fraction F_g is
    /// `peerFractions[g]`).
    public struct PeerGroup: Sendable {
        /// The workers of the group (0-based).
        public var workers: [Int]
        public var noise: Noise
    }

    public let classes: Int
    public let prior: [Rational]
    public let source: Source
    /// The workers this model is the belief of (all workers under explicit beliefs).
    public let checkedWorkers: [Int]
    /// f_i, the checked worker's report fraction.
    public let ownFraction: Slot
    /// F_g, each peer group's total report fraction (the sum over its workers).
    public let peerFractions: [Slot]
    /// How many kinds of workers the spec has (1 when all are alike).
    public let kindCount: Int
    /// The variables, in the order the functions below expect them.
    public let variables: [Variable]
    /// The exact sum of `prior` (1 up to the rounding of the spec's decimal probabilities).
    let priorSum: Rational

    init(
        classes: Int, prior: [Rational], source: Source, checkedWorkers: [Int], ownFraction: Slot,
        peerFractions: [Slot], kindCount: Int, variables: [Variable]
    ) {
        self.peerFractions = peerFractions
        self.kindCount = kindCount
        self.classes = classes
        self.prior = prior
        self.priorSum = prior.reduce(Rational(0), +)
        self.source = source
        self.checkedWorkers = checkedWorkers
        self.ownFraction = ownFraction
        self.variables = variables
    }

    /// The model of a PTSFD spec's first worker (of every worker, when they are all alike);
    /// `BeliefModel.perWorker(spec:)` gives one per kind of worker.
    public init(spec: Spec) { self = Self.model(spec, Self.kinds(spec), checking: 0) }

    func value<A: Algebra>(_ alg: A, _ v: [A.Number], _ slot: Slot) -> A.Number {
        switch slot {
        case .constant(let r): alg.constant(r)
        case .variable(let i): v[i]
        }
    }

    /// Whether every noise is an accuracy (the closed forms and the class symmetry apply).
    var isAccuracyModel: Bool {
        guard case .workers(let own, let peers) = source else { return false }
        return ([own] + peers.map(\.noise)).allSatisfy { if case .accuracy = $0 { true } else { false } }
    }

    var isUniform: Bool { prior.allSatisfy { $0 == prior[0] } }

    /// s_g = F_g / sum_h F_h, the probability that the peer is from group g.
    func shares<A: Algebra>(_ alg: A, _ v: [A.Number]) -> [A.Number] {
        if peerFractions.count == 1 { return [alg.constant(1)] }
        let constants = peerFractions.compactMap { if case .constant(let r) = $0 { r } else { nil } }
        if constants.count == peerFractions.count {
            let total = constants.reduce(Rational(0), +)
            return constants.map { alg.constant($0 / total) }
        }
        let total = peersFraction(alg, v)
        return peerFractions.map { alg.divide(value(alg, v, $0), total) }
    }

    /// `sum_g F_g = sum_{j != i} f_j`, the peers' total report fraction.
    func peersFraction<A: Algebra>(_ alg: A, _ v: [A.Number]) -> A.Number {
        alg.sum(peerFractions.map { value(alg, v, $0) })
    }

    /// The checked worker's accuracy and the peers' mixed accuracy `sum_g s_g a_g`
    /// (accuracy model only).
    func accuracies<A: Algebra>(_ alg: A, _ v: [A.Number]) -> (worker: A.Number, peer: A.Number) {
        guard case .workers(.accuracy(let own), let peers) = source else { preconditionFailure("accuracy model only") }
        let mixed = zip(shares(alg, v), peers).map { s, g -> A.Number in
            guard case .accuracy(let slot) = g.noise else { preconditionFailure("accuracy model only") }
            return alg.multiply(s, value(alg, v, slot))
        }
        return (value(alg, v, own), mixed.count == 1 ? value(alg, v, peers[0].noise.slot!) : alg.sum(mixed))
    }

    /// P(o | t) under one noise.
    func given<A: Algebra>(_ alg: A, _ v: [A.Number], _ noise: Noise, _ o: Int, _ t: Int) -> A.Number {
        switch noise {
        case .accuracy(let slot):
            let a = value(alg, v, slot)
            return o == t ? a : error(alg, a)
        case .confusion(let m): return alg.constant(m[t][o])
        }
    }

    /// P_p(y | t) of the peer mixture.
    func peerGiven<A: Algebra>(_ alg: A, _ v: [A.Number], _ y: Int, _ t: Int) -> A.Number {
        guard case .workers(_, let peers) = source else { preconditionFailure("worker model only") }
        return alg.sum(zip(shares(alg, v), peers).map { alg.multiply($0, given(alg, v, $1.noise, y, t)) })
    }

    /// e = (1 - a) / (|C| - 1), the probability of observing one particular wrong class.
    func error<A: Algebra>(_ alg: A, _ a: A.Number) -> A.Number {
        alg.divide(alg.subtract(alg.constant(1), a), alg.constant(classes - 1))
    }

    /// `sum_t pi(t) P(o | t)`, where P(o | t) is `a` for o = t and e otherwise, in closed
    /// form: `pi(o) a + (S - pi(o)) e`, S the prior's exact sum; the same value as the sum term
    /// by term, in O(1) terms.
    func marginal<A: Algebra>(_ alg: A, _ a: A.Number, _ o: Int) -> A.Number {
        alg.add(
            alg.multiply(alg.constant(prior[o]), a),
            alg.multiply(alg.constant(priorSum - prior[o]), error(alg, a)))
    }

    public func ownMarginal<A: Algebra>(_ alg: A, _ v: [A.Number], _ x: Int) -> A.Number {
        switch source {
        case .explicit: return alg.constant(prior[x])
        case .workers(let own, _):
            if isAccuracyModel {
                return isUniform ? alg.constant(prior[x]) : marginal(alg, accuracies(alg, v).worker, x)
            }
            return alg.sum((0 ..< classes).map { t in alg.multiply(alg.constant(prior[t]), given(alg, v, own, x, t)) })
        }
    }

    public func reportPrior<A: Algebra>(_ alg: A, _ v: [A.Number], _ y: Int) -> A.Number {
        switch source {
        case .explicit: return alg.constant(prior[y])
        case .workers:
            if isAccuracyModel {
                return isUniform ? alg.constant(prior[y]) : marginal(alg, accuracies(alg, v).peer, y)
            }
            return alg.sum((0 ..< classes).map { t in alg.multiply(alg.constant(prior[t]), peerGiven(alg, v, y, t)) })
        }
    }

    /// `sum_t pi(t) P_w(x | t) P_p(y | t)`; under the accuracy model in closed form (O(1)
    /// terms, the same value): for x = y, `pi(x) a_w a_p + (S - pi(x)) e_w e_p`; otherwise
    /// `pi(x) a_w e_p + pi(y) e_w a_p + (S - pi(x) - pi(y)) e_w e_p`.
    public func joint<A: Algebra>(_ alg: A, _ v: [A.Number], _ x: Int, _ y: Int) -> A.Number {
        switch source {
        case .explicit(let matrix):
            return alg.constant(prior[x] * matrix[x][y])
        case .workers(let own, _):
            guard isAccuracyModel else {
                return alg.sum((0 ..< classes).map { t in
                    alg.multiply(alg.constant(prior[t]), alg.multiply(given(alg, v, own, x, t), peerGiven(alg, v, y, t)))
                })
            }
            let (aw, ap) = accuracies(alg, v)
            let ew = error(alg, aw), ep = error(alg, ap)
            if x == y {
                return alg.add(
                    alg.multiply(alg.constant(prior[x]), alg.multiply(aw, ap)),
                    alg.multiply(alg.constant(priorSum - prior[x]), alg.multiply(ew, ep)))
            }
            return alg.sum([
                alg.multiply(alg.constant(prior[x]), alg.multiply(aw, ep)),
                alg.multiply(alg.constant(prior[y]), alg.multiply(ew, ap)),
                alg.multiply(alg.constant(priorSum - prior[x] - prior[y]), alg.multiply(ew, ep)),
            ])
        }
    }

    /// The assumptions that keep every denominator positive: P_w(x) > 0 and R(y) > 0.
    public func positivity<A: Algebra>(_ alg: A, _ v: [A.Number]) -> [A.Truth] {
        (0 ..< classes).flatMap { c in
            [alg.less(alg.constant(0), ownMarginal(alg, v, c)), alg.less(alg.constant(0), reportPrior(alg, v, c))]
        }
    }
}

extension BeliefModel.Noise {
    /// The accuracy's slot, `nil` for a confusion matrix.
    var slot: BeliefModel.Slot? {
        switch self {
        case .accuracy(let s): s
        case .confusion: nil
        }
    }
}
