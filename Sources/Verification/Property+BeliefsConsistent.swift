import Solver
import Specs

/// `beliefs-consistent`: the beliefs every other PTSFD claim uses are the conditionals of one
/// joint distribution J(x, y) of (own observation x, peer report y) whose marginals are the
/// marginals the claims use: the worker's own P_w(x) and the reported prior R(y).
/// ```
/// J(x, y) = P_w(x) P(y | x) >= 0      sum_y J(x, y) = P_w(x)      sum_x J(x, y) = R(y)
/// ```
/// - Explicit `[beliefs]`: J(x, y) = R(x) * peer_given_own[x][y] and P_w = R (the model has no
///   other own marginal), so the prior must be both marginals: the rows are distributions
///   (exactly, as rationals) and every column sum `sum_x R(x) P(y | x)` is R(y). Nothing
///   guarantees the second; Witt et al.'s section 4.8 (3) example violates it.
/// - Accuracy model: J(x, y) = sum_t pi(t) P_w(x | t) P_p(y | t) is a distribution by
///   construction, with own marginal P_w and peer marginal R, at every pair of accuracies.
///   When a_w = a_p, P_w = R and J is symmetric: the prior R is both marginals. When they
///   differ (a range lets them), P_w != R under a non-uniform prior, and that is no
///   inconsistency: the beliefs are exactly those of a worker more (or less) accurate than its
///   peers under one common prior over the true class, and the claims use P_w where the worker's
///   own marginal is meant and R where the peers' reports are. Requiring R as the own marginal
///   too would call every such worker inconsistent. So the claims below are identities there,
///   and Z3 proves them over the whole ranges; `own_prior_gap` reports how far P_w is from R.
///
/// The claims are one per class and side (one per orbit of the prior's symmetry under the
/// accuracy model, `BeliefModel+Symmetry`) and one per entry J(x, y) >= 0. When refuted, the
/// counterexample lists every offending row or column at Z3's point, and for an explicit matrix
/// the nearest consistent matrix in L1 is found (`NearestConsistentBeliefs`).
struct BeliefsMarginalClaim: MeasuredClaim {
    enum Side: String { case own, peer }
    let beliefs: BeliefModel
    let side: Side
    /// x for the own marginal (a row of J), y for the peer marginal (a column).
    let index: Int

    var labels: [(name: String, value: String)] { [("marginal", side.rawValue), ("class", "\(index)")] }
    var variables: [Variable] { beliefs.variables }

    /// `sum_y J(x, y)` or `sum_x J(x, y)`.
    func total<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        a.sum((0 ..< beliefs.classes).map { k in
            side == .own ? beliefs.joint(a, v, index, k) : beliefs.joint(a, v, k, index)
        })
    }

    /// The marginal the claims use: P_w(x) or R(y).
    func target<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Number {
        side == .own ? beliefs.ownMarginal(a, v, index) : beliefs.reportPrior(a, v, index)
    }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth { a.equal(total(a, v), target(a, v)) }

    /// The counterexample entries of an offending row or column, as exact rationals:
    /// `row_sum_x` and `P_w_x`, or `column_sum_y` and `R_y`.
    func entries(_ v: [Rational]) -> [(name: String, value: String)] {
        let a = ExactAlgebra()
        let names = side == .own ? ("row_sum_\(index)", "P_w_\(index)") : ("column_sum_\(index)", "R_\(index)")
        return [(names.0, total(a, v).description), (names.1, target(a, v).description)]
    }

    /// |sum of J - marginal|, zero where the claim holds.
    func gap(_ v: [Rational]) -> Rational {
        let a = ExactAlgebra()
        let d = total(a, v) - target(a, v)
        return d < 0 ? -d : d
    }

    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational { -gap(v) }

    /// `marginal_gap` of this row or column.
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue] { [PropertyValue("marginal_gap", gap(v))] }

    /// Both sides of every class (not one per orbit): the rows and columns a report lists.
    static func every(_ beliefs: BeliefModel) -> [BeliefsMarginalClaim] {
        (0 ..< beliefs.classes).flatMap { c in
            [BeliefsMarginalClaim(beliefs: beliefs, side: .own, index: c), BeliefsMarginalClaim(beliefs: beliefs, side: .peer, index: c)]
        }
    }
}

/// `J(x, y) >= 0`: the joint is a distribution, not only a table with the right sums.
struct BeliefsNonnegativeClaim: Claim {
    let beliefs: BeliefModel
    let x: Int
    let y: Int

    var labels: [(name: String, value: String)] { [("observed", "\(x)"), ("peer_report", "\(y)")] }
    var variables: [Variable] { beliefs.variables }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        a.lessOrEqual(a.constant(0), beliefs.joint(a, v, x, y))
    }
}

extension Verifier {
    /// The claims of `beliefs-consistent`: every class on both sides and every entry (one per
    /// orbit of the prior's symmetry under the accuracy model).
    static func beliefsClaims(_ beliefs: BeliefModel) -> [any Claim] {
        let classes = beliefs.representativeClasses
        let marginals: [any Claim] = classes.flatMap { c in
            [BeliefsMarginalClaim(beliefs: beliefs, side: .own, index: c), BeliefsMarginalClaim(beliefs: beliefs, side: .peer, index: c)]
        }
        let entries = classes.map { (x: $0, y: $0) } + beliefs.representativePairs
        return marginals + entries.map { BeliefsNonnegativeClaim(beliefs: beliefs, x: $0.x, y: $0.y) }
    }

    /// Decides `beliefs-consistent` (see `BeliefsMarginalClaim`): Z3 decides the claims; a
    /// refutation lists every offending row and column at Z3's point and, for an explicit
    /// matrix, the nearest consistent one.
    func decideBeliefsConsistent(_ spec: Spec) -> Decision {
        let beliefs = BeliefModel(spec: spec)
        let setting = PTSFDSetting(spec: spec)
        let (verdict, smt2) = prover(for: .beliefsConsistent).decide(Self.beliefsClaims(beliefs))
        var decision = Decision(verdict: verdict, smt2: smt2, notes: Self.modelNotes([setting]))
        let every = BeliefsMarginalClaim.every(beliefs)
        switch verdict {
        case .unknown:
            return decision
        case .proved:
            // The largest gap over the corners (zero: Z3 proved every gap zero everywhere).
            let corners = BeliefsMarginalClaim.corners(of: beliefs.variables)
            let gap = corners.map { v in every.map { $0.gap(v) }.max() ?? 0 }.max() ?? 0
            decision.values = PropertyValues(
                values: [PropertyValue("marginal_gap", gap), PropertyValue("own_prior_gap", Self.ownPriorGap(beliefs, corners))],
                method: beliefs.variables.isEmpty ? "at the spec's values" : "the largest over the corners of the ranges")
            if !beliefs.variables.isEmpty {
                decision.notes.append("own marginal P_w against R: largest |P_w(x) - R(x)| over the ranges "
                    + "\(Self.ownPriorGap(beliefs, corners)) (a worker more or less accurate than its peers, not an inconsistency)")
            }
            return decision
        case .refuted(let counterexample):
            let point = beliefs.variables.compactMap { counterexample[$0.name].flatMap(Rational.init) }
            guard point.count == beliefs.variables.count else { return decision }
            let offending = every.filter { $0.gap(point) != 0 }
            let located = zip(beliefs.variables, point).map { ($0.name, $1.description) }
            let negative = counterexample.entries.filter { $0.name == "observed" || $0.name == "peer_report" }
            decision.verdict = .refuted(Counterexample(located + (offending.isEmpty ? negative : offending.flatMap { $0.entries(point) })))
            var values = [PropertyValue("marginal_gap", every.map { $0.gap(point) }.max() ?? 0)]
            if case .explicit(let matrix) = beliefs.source {
                let nearest = NearestConsistentBeliefs(prior: beliefs.prior, matrix: matrix)
                switch nearest.solve(timeoutMilliseconds: timeoutMilliseconds, deadline: deadline) {
                case .success(let found):
                    values.append(PropertyValue("nearest_distance", found.distance))
                    decision.notes.append("nearest consistent matrix (\(NearestConsistentBeliefs.distanceName)): "
                        + NearestConsistentBeliefs.render(found.matrix) + " at distance \(found.distance) (~\(found.distance.doubleValue))")
                case .failure(let failure):
                    decision.notes.append("nearest consistent matrix: not found (\(failure.reason))")
                }
            }
            values.append(PropertyValue("own_prior_gap", Self.ownPriorGap(beliefs, [point])))
            decision.values = PropertyValues(
                values: values, at: Dictionary(located, uniquingKeysWith: { a, _ in a }), method: "at the counterexample")
            return decision
        }
    }

    /// The largest |P_w(x) - R(x)| at the points (over the corners it is the largest over the
    /// ranges: P_w(x) - R(x) is linear in each accuracy).
    static func ownPriorGap(_ beliefs: BeliefModel, _ points: [[Rational]]) -> Rational {
        let a = ExactAlgebra()
        return points.flatMap { v in
            (0 ..< beliefs.classes).map { x in
                let d = beliefs.ownMarginal(a, v, x) - beliefs.reportPrior(a, v, x)
                return d < 0 ? -d : d
            }
        }.max() ?? 0
    }

    /// The caveats of a verdict on `spec`: `inconsistentBeliefs` when property `id` rests on
    /// the beliefs (`PropertyID.restsOnBeliefs`), its verdict claims something (proved or
    /// refuted; unknown claims nothing) and `beliefs-consistent` is refuted on the spec.
    func caveats(for id: PropertyID, verdict: Verdict, on spec: Spec) -> [Caveat] {
        guard id.restsOnBeliefs else { return [] }
        switch verdict {
        case .unknown: return []
        case .proved, .refuted: break
        }
        let inconsistent = beliefsMemo.inconsistent(spec) {
            switch prover(for: id, recordsSMT2: false).decide(Self.beliefsClaims(BeliefModel(spec: spec))).verdict {
            case .refuted: true
            case .proved: false
            case .unknown: nil
            }
        }
        return inconsistent ? [.inconsistentBeliefs] : []
    }
}
