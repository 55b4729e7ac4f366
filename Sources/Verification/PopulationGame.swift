import Games
import Solver

/// A finite game whose players fall into groups of interchangeable players, with payoffs
/// written once over an `Algebra` in symbolic parameters (the spec's ranges), so that the
/// equilibrium search (`EquilibriumSearch`) can both evaluate them exactly and hand them to Z3.
///
/// A profile is `counts[group][strategy]` (`Population`): the payoff of a member of `group`
/// playing `strategy` depends on the others only through those counts. PTSFD's workers form one
/// group of n (`PTSFDPopulation`); the consensus game of n workers is one group of n, and a
/// coalition of k is a group of one (the coalition, choosing its Table II strategy) beside a
/// group of n - k outsiders (`ConsensusPopulation`).
protocol PopulationGame {
    /// What the game is, in words (for the notes).
    var title: String { get }
    /// Each group's name, size, and strategy names.
    var groups: [PopulationGroup] { get }
    /// The parameters the payoffs depend on, with their ranges.
    var variables: [Variable] { get }
    /// The all-truthful profile.
    var truthful: [[Int]] { get }
    /// Constraints besides the ranges (positive denominators).
    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth]
    /// The payoffs at one point: a table built once per point, read per profile.
    func payoffs<A: Algebra>(_ a: A, _ v: [A.Number]) -> PopulationPayoffs<A>
}

/// One group of interchangeable players.
struct PopulationGroup: Sendable {
    var name: String
    var size: Int
    var strategies: [String]
}

/// The payoff of a member of `group` playing `strategy` when the whole profile (that member
/// included) is `counts`.
/// Each payoff is computed once per table (a profile's deviations reach other profiles, whose
/// payoffs are asked again), so the terms handed to Z3 are shared too.
struct PopulationPayoffs<A: Algebra> {
    private final class Memo {
        var values: [[Int]: A.Number] = [:]
    }
    private let compute: (_ group: Int, _ strategy: Int, _ counts: [[Int]]) -> A.Number
    private let memo = Memo()

    init(_ compute: @escaping (_ group: Int, _ strategy: Int, _ counts: [[Int]]) -> A.Number) {
        self.compute = compute
    }

    func payoff(_ group: Int, _ strategy: Int, _ counts: [[Int]]) -> A.Number {
        let key = [group, strategy] + counts.joined()
        if let known = memo.values[key] { return known }
        let value = compute(group, strategy, counts)
        memo.values[key] = value
        return value
    }
}

extension PopulationGame {
    /// Every profile, up to the players' symmetry.
    var profiles: [[[Int]]] {
        Population.profiles(sizes: groups.map(\.size), strategies: groups.map(\.strategies.count))
    }

    /// How many profiles there are (saturating), to refuse a game before enumerating it.
    var profileCount: Int {
        groups.reduce(1) { count, g in
            let (m, overflow) = count.multipliedReportingOverflow(by: Population.splitCount(size: g.size, strategies: g.strategies.count))
            return overflow ? Int.max : m
        }
    }

    /// Every unilateral deviation from `counts`: the group, the strategy left, the one taken.
    func deviations(_ counts: [[Int]]) -> [(group: Int, from: Int, to: Int)] {
        var out: [(Int, Int, Int)] = []
        for (g, split) in counts.enumerated() {
            for from in split.indices where split[from] > 0 {
                for to in split.indices where to != from { out.append((g, from, to)) }
            }
        }
        return out
    }

    /// What each deviation gains (its payoff minus the payoff of the strategy left).
    func gains<A: Algebra>(_ a: A, _ table: PopulationPayoffs<A>, _ counts: [[Int]]) -> [A.Number] {
        deviations(counts).map { d in
            a.subtract(
                table.payoff(d.group, d.to, Population.deviate(counts, group: d.group, from: d.from, to: d.to)),
                table.payoff(d.group, d.from, counts))
        }
    }

    /// Whether `counts` is a (pure Nash) equilibrium: no deviation gains.
    func isEquilibrium<A: Algebra>(_ a: A, _ table: PopulationPayoffs<A>, _ counts: [[Int]]) -> A.Truth {
        a.all(gains(a, table, counts).map { a.lessOrEqual($0, a.constant(0)) })
    }

    /// The payoff of each strategy played in `counts`, by group.
    func played<A: Algebra>(_ table: PopulationPayoffs<A>, _ counts: [[Int]]) -> [(group: Int, strategy: Int, payoff: A.Number)] {
        counts.enumerated().flatMap { g, split in
            split.indices.filter { split[$0] > 0 }.map { (g, $0, table.payoff(g, $0, counts)) }
        }
    }

    /// The profile in words: `3 × σt, 7 × σf` per group.
    func describe(_ counts: [[Int]]) -> String {
        counts.enumerated().map { g, split in
            let parts = split.indices.filter { split[$0] > 0 }.map { s in
                groups[g].size == 1 ? groups[g].strategies[s] : "\(split[s]) × \(groups[g].strategies[s])"
            }
            return groups.count == 1 ? parts.joined(separator: ", ") : "\(groups[g].name): " + parts.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
