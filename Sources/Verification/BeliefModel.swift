import Solver
import Specs

/// What a worker believes about its peers (Witt et al., section 3.3 and Appendix A).
///
/// - `ownMarginal(x)`: P_w(x), how often the worker observes class x;
/// - `reportPrior(y)`: R(y), how often an honest peer reports y;
/// - `joint(x, y)`: P_w(x) * P_p|w(y | x), so `P_p|w(y | x) = joint(x, y) / ownMarginal(x)`.
///
/// From an explicit `[beliefs]` matrix: `joint(x, y) = R(x) * peer_given_own[x][y]` with the
/// worker's marginal taken to be R (`federation.prior`). From the accuracy model: the true class
/// t has prior `pi = federation.prior`; the worker observes t with probability `a_w` and each
/// other class with `(1 - a_w) / (|C| - 1)`, a peer likewise with `a_p`; `a_w` and `a_p` range
/// over `federation.accuracy` independently. Then
/// ```
/// P_w(x) = sum_t pi(t) P_w(x | t)      R(y) = sum_t pi(t) P_p(y | t)
/// joint(x, y) = sum_t pi(t) P_w(x | t) P_p(y | t)
/// ```
/// With a uniform prior R(y) is exactly 1/|C| whatever the accuracies, and is used as that
/// constant.
public struct BeliefModel: Sendable {
    public enum Source: Sendable {
        case explicit(peerGivenOwn: [[Rational]])
        case accuracy(worker: Variable, peer: Variable)
    }

    public let classes: Int
    public let prior: [Rational]
    public let source: Source
    /// The exact sum of `prior` (1 up to the rounding of the spec's decimal probabilities).
    let priorSum: Rational

    /// The model of a PTSFD spec.
    public init(spec: Spec) {
        classes = spec.federation.classes
        prior = spec.federation.prior.probabilities(classes: classes).map(exactRational)
        priorSum = prior.reduce(Rational(0), +)
        if let beliefs = spec.beliefs {
            source = .explicit(peerGivenOwn: beliefs.peerGivenOwn.map { $0.map(exactRational) })
        } else {
            let accuracies = spec.federation.accuracy.parameters(workers: spec.federation.workers)
            let low = accuracies.map(\.lowerBound).min() ?? 1
            let high = accuracies.map(\.upperBound).max() ?? 1
            let range = Parameter.range(min: low, max: high)
            source = .accuracy(
                worker: Variable("accuracy_worker", low == high ? .value(low) : range),
                peer: Variable("accuracy_peer", low == high ? .value(low) : range))
        }
    }

    /// The accuracy variables, in the order the functions below expect them.
    public var variables: [Variable] {
        switch source {
        case .explicit: []
        case .accuracy(let worker, let peer): [worker, peer]
        }
    }

    var isUniform: Bool { prior.allSatisfy { $0 == prior[0] } }

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
        case .accuracy:
            if isUniform { return alg.constant(prior[x]) }
            return marginal(alg, v[0], x)
        }
    }

    public func reportPrior<A: Algebra>(_ alg: A, _ v: [A.Number], _ y: Int) -> A.Number {
        switch source {
        case .explicit: return alg.constant(prior[y])
        case .accuracy:
            if isUniform { return alg.constant(prior[y]) }
            return marginal(alg, v[1], y)
        }
    }

    /// `sum_t pi(t) P_w(x | t) P_p(y | t)` in closed form (O(1) terms, the same value): for
    /// x = y, `pi(x) a_w a_p + (S - pi(x)) e_w e_p`; otherwise
    /// `pi(x) a_w e_p + pi(y) e_w a_p + (S - pi(x) - pi(y)) e_w e_p`.
    public func joint<A: Algebra>(_ alg: A, _ v: [A.Number], _ x: Int, _ y: Int) -> A.Number {
        switch source {
        case .explicit(let matrix):
            return alg.constant(prior[x] * matrix[x][y])
        case .accuracy:
            let aw = v[0], ap = v[1]
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
