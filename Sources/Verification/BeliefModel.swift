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

    /// The model of a PTSFD spec.
    public init(spec: Spec) {
        classes = spec.federation.classes
        prior = spec.federation.prior.probabilities(classes: classes).map(exactRational)
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

    /// P(observe o | truth t) for accuracy `a`.
    func noise<A: Algebra>(_ alg: A, _ a: A.Number, _ o: Int, _ t: Int) -> A.Number {
        o == t ? a : alg.divide(alg.subtract(alg.constant(1), a), alg.constant(classes - 1))
    }

    public func ownMarginal<A: Algebra>(_ alg: A, _ v: [A.Number], _ x: Int) -> A.Number {
        switch source {
        case .explicit: return alg.constant(prior[x])
        case .accuracy:
            if isUniform { return alg.constant(prior[x]) }
            return alg.sum((0 ..< classes).map { t in alg.multiply(alg.constant(prior[t]), noise(alg, v[0], x, t)) })
        }
    }

    public func reportPrior<A: Algebra>(_ alg: A, _ v: [A.Number], _ y: Int) -> A.Number {
        switch source {
        case .explicit: return alg.constant(prior[y])
        case .accuracy:
            if isUniform { return alg.constant(prior[y]) }
            return alg.sum((0 ..< classes).map { t in alg.multiply(alg.constant(prior[t]), noise(alg, v[1], y, t)) })
        }
    }

    public func joint<A: Algebra>(_ alg: A, _ v: [A.Number], _ x: Int, _ y: Int) -> A.Number {
        switch source {
        case .explicit(let matrix):
            return alg.constant(prior[x] * matrix[x][y])
        case .accuracy:
            return alg.sum((0 ..< classes).map { t in
                alg.multiply(alg.constant(prior[t]), alg.multiply(noise(alg, v[0], x, t), noise(alg, v[1], y, t)))
            })
        }
    }

    /// The assumptions that keep every denominator positive: P_w(x) > 0 and R(y) > 0.
    public func positivity<A: Algebra>(_ alg: A, _ v: [A.Number]) -> [A.Truth] {
        (0 ..< classes).flatMap { c in
            [alg.less(alg.constant(0), ownMarginal(alg, v, c)), alg.less(alg.constant(0), reportPrior(alg, v, c))]
        }
    }
}
