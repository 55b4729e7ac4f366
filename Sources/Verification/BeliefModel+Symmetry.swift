import Solver

/// Symmetry of the accuracy model: relabelling the classes by a permutation that keeps the
/// prior (`pi(p(t)) = pi(t)` for all t) leaves `ownMarginal`, `reportPrior` and `joint`
/// unchanged (`joint(p(x), p(y)) = joint(x, y)`), since the noise only asks whether an observed
/// class is the true one. So a claim about class x, or about the ordered pair (x, y), has the
/// same truth value as the claim about (p(x), p(y)), and one representative per orbit decides
/// them all. The orbits of the group of prior-keeping permutations: a class's orbit is its
/// group of classes with an equal prior; an ordered pair (x, y) with x != y is determined up to
/// the group by the two groups (and, within one group, needs the group to have two classes).
///
/// An explicit `[beliefs]` matrix, or a confusion matrix, has no such symmetry in general: there
/// every class and every pair is its own representative.
extension BeliefModel {
    /// The classes with an equal prior, each group in increasing order, groups by first class.
    var priorGroups: [[Int]] {
        var groups: [[Int]] = []
        for c in 0 ..< classes {
            if let g = groups.firstIndex(where: { prior[$0[0]] == prior[c] }) { groups[g].append(c) } else { groups.append([c]) }
        }
        return groups
    }

    /// One class per orbit (every class under an explicit matrix).
    public var representativeClasses: [Int] {
        isAccuracyModel ? priorGroups.map { $0[0] } : Array(0 ..< classes)
    }

    /// One ordered pair (x, y), x != y, per orbit (every pair under an explicit matrix).
    public var representativePairs: [(x: Int, y: Int)] {
        guard isAccuracyModel else {
            return (0 ..< classes).flatMap { x in (0 ..< classes).filter { $0 != x }.map { (x, $0) } }
        }
        let groups = priorGroups
        var pairs: [(x: Int, y: Int)] = []
        for gx in groups {
            for gy in groups {
                if gx == gy {
                    if gx.count >= 2 { pairs.append((gx[0], gx[1])) }
                } else {
                    pairs.append((gx[0], gy[0]))
                }
            }
        }
        return pairs
    }
}
