/// The profiles of a population game up to the players' symmetry.
///
/// In a game whose players fall into groups of interchangeable players (every member of a
/// group has the same strategies, and a player's payoff depends on the others only through how
/// many members of each group play each strategy), a profile is determined, up to renaming the
/// players, by its counts: `counts[group][strategy]`, summing to the group's size. Only those
/// are enumerated: `C(size + S - 1, S - 1)` splits of a group of `size` players over `S`
/// strategies (1,001 for 10 players over 5 strategies) instead of `S^size` profiles (9,765,625).
/// A unilateral deviation moves one player of a group from one strategy to another.
public enum Population {
    /// Every split of `size` players over `strategies` strategies, lexicographically from
    /// everybody on the first strategy down to everybody on the last.
    /// - Complexity: O(C(size + strategies - 1, strategies - 1) * strategies).
    public static func splits(size: Int, strategies: Int) -> [[Int]] {
        precondition(size >= 0 && strategies >= 1)
        if strategies == 1 { return [[size]] }
        var out: [[Int]] = []
        for first in stride(from: size, through: 0, by: -1) {
            for rest in splits(size: size - first, strategies: strategies - 1) { out.append([first] + rest) }
        }
        return out
    }

    /// How many splits `splits(size:strategies:)` returns, `C(size + strategies - 1, strategies - 1)`,
    /// saturating at `Int.max` (to refuse a game before enumerating it).
    public static func splitCount(size: Int, strategies: Int) -> Int {
        var count = 1
        for i in 1 ..< max(strategies, 1) {
            let (m, overflow) = count.multipliedReportingOverflow(by: size + i)
            if overflow { return Int.max }
            count = m / i
        }
        return count
    }

    /// Every profile of groups of `sizes` players over `strategies[group]` strategies: one split
    /// per group, every combination.
    public static func profiles(sizes: [Int], strategies: [Int]) -> [[[Int]]] {
        zip(sizes, strategies).reduce([[]]) { partial, group in
            let splits = splits(size: group.0, strategies: group.1)
            return partial.flatMap { p in splits.map { p + [$0] } }
        }
    }

    /// The profile after one player of `group` moves from strategy `from` to `to`.
    /// - Precondition: `counts[group][from] > 0`.
    public static func deviate(_ counts: [[Int]], group: Int, from: Int, to: Int) -> [[Int]] {
        precondition(counts[group][from] > 0)
        var next = counts
        next[group][from] -= 1
        next[group][to] += 1
        return next
    }
}
