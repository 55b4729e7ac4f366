import Solver

/// A claim that also says by how much it holds at a point, and which quantities decide it.
///
/// `slack` is zero or more where the claim holds and negative where it fails, in the claim's
/// own units (a payoff difference, say); `quantities` are the named values a report shows.
/// Both are evaluated exactly, never by Z3: the verdict is Z3's, the values are arithmetic at a
/// point (`PropertyValues.measure`).
protocol MeasuredClaim: Claim {
    func slack(_ a: ExactAlgebra, _ v: [Rational]) -> Rational
    func quantities(_ a: ExactAlgebra, _ v: [Rational]) -> [PropertyValue]
    /// The points of the ranges at which to look for the least slack: by default every corner
    /// of the variables' box.
    var witnessPoints: [[Rational]] { get }
}

extension MeasuredClaim {
    var witnessPoints: [[Rational]] { Self.corners(of: variables) }

    /// Every corner of the box the variables span (a point variable contributes its one value;
    /// an open end is replaced by the range's midpoint, which lies inside it).
    static func corners(of variables: [Variable]) -> [[Rational]] {
        variables.reduce([[]]) { points, v in
            let mid = (v.lower + v.upper) / 2
            let ends = Set([v.lowerOpen ? mid : v.lower, v.upperOpen ? mid : v.upper]).sorted()
            return points.flatMap { p in ends.map { p + [$0] } }
        }
    }

    /// The corners of `leading` variables, each followed by every pure distribution over
    /// `count` outcomes (a unit vector): the witness points of a claim whose trailing variables
    /// are a distribution, over which its quantity is linear.
    static func corners(of leading: [Variable], thenPureDistributionsOf count: Int) -> [[Rational]] {
        corners(of: leading).flatMap { p in
            (0 ..< count).map { k in p + (0 ..< count).map { $0 == k ? Rational(1) : Rational(0) } }
        }
    }
}

extension PropertyValues {
    /// The values of a decided property.
    ///
    /// Refuted: the values at the counterexample (the claim whose labels it carries, at the
    /// variables' values it names). Otherwise: the point of least slack among every claim's
    /// witness points that satisfy its assumptions; for a quantity that is multilinear in the
    /// ranged parameters and linear in a distribution (every PTSFD claim under a uniform prior)
    /// that point is where the slack is smallest over the whole ranges.
    static func measure(_ claims: [any MeasuredClaim], verdict: Verdict) -> PropertyValues {
        if let counterexample = verdict.counterexample {
            for claim in claims where claim.labels.allSatisfy({ counterexample[$0.name] == $0.value }) {
                // A variable the counterexample does not name (`reported == false`) is a point.
                let point = claim.variables.compactMap { v in
                    counterexample[v.name].flatMap(Rational.init) ?? (!v.reported && v.lower == v.upper ? v.lower : nil)
                }
                guard point.count == claim.variables.count else { continue }
                let exact = ExactAlgebra()
                let values = claim.quantities(exact, point)
                if exact.divisionByZero.flag { continue }
                return PropertyValues(values: values, at: labelled(claim, point), method: "at the counterexample")
            }
            return .none
        }
        var best: (slack: Rational, claim: any MeasuredClaim, point: [Rational])? = nil
        for claim in claims {
            for point in claim.witnessPoints {
                let exact = ExactAlgebra()
                guard exact.all(claim.assumptions(exact, point)) else { continue }
                let slack = claim.slack(exact, point)
                if exact.divisionByZero.flag { continue }
                if best == nil || slack < best!.slack { best = (slack, claim, point) }
            }
        }
        guard let best else { return .none }
        let values = best.claim.quantities(ExactAlgebra(), best.point)
        let ranged = claims.contains { $0.variables.contains { $0.lower != $0.upper } }
        return PropertyValues(
            values: values, at: labelled(best.claim, best.point),
            method: ranged ? "the least slack over the corners of the ranges" : "at the spec's values")
    }

    static func labelled(_ claim: some Claim, _ point: [Rational]) -> [String: String] {
        var at: [String: String] = [:]
        for label in claim.labels { at[label.name] = label.value }
        for (v, x) in zip(claim.variables, point) where v.reported { at[v.name] = x.description }
        return at
    }
}
