// Order exploration: every terminal survivor set reachable by one-at-a-time eliminations.

extension _IEWDSEngine {
    /// Every move from `state`: each (player, strategy) weakly dominated by some remaining
    /// strategy of a player with at least two left. Of several group members with equal
    /// remaining sets only the first is tried; the others' moves lead to permutations of the
    /// same successors.
    mutating func moves(in state: [[Int]]) throws -> [(player: Int, strategy: Int)] {
        var out: [(player: Int, strategy: Int)] = []
        var lastSetOfGroup: [Int: [Int]] = [:]
        for player in state.indices where state[player].count > 1 {
            if let group = shape._groupIndex[player] {
                if lastSetOfGroup[group] == state[player] { continue }
                lastSetOfGroup[group] = state[player]
            }
            for strategy in state[player]
            where try firstDominator(of: strategy, player: player, in: state) != nil {
                out.append((player, strategy))
            }
        }
        return out
    }

    /// Depth-first search over canonical states from the full game.
    ///
    /// - Returns: the distinct terminal states (orbits expanded under the symmetric groups,
    ///   sorted) and whether the search finished within `maxStates` states.
    mutating func exploreOrders(maxStates: Int) throws -> ([[[Int]]], Bool) {
        let start = shape._canonicalState(shape.allStrategies)
        var visited: Set<[[Int]]> = [start]
        var stack = [start]
        var terminals: Set<[[Int]]> = []
        var complete = true
        while let state = stack.popLast() {
            let next = try moves(in: state)
            if next.isEmpty {
                terminals.insert(state)
                continue
            }
            for (player, strategy) in next {
                var successor = state
                successor[player].removeAll { $0 == strategy }
                let canonical = shape._canonicalState(successor)
                if visited.contains(canonical) { continue }
                guard visited.count < maxStates else {
                    complete = false
                    continue
                }
                visited.insert(canonical)
                stack.append(canonical)
            }
        }
        statistics.statesVisited = visited.count
        var all: Set<[[Int]]> = []
        for terminal in terminals { all.formUnion(shape._orbit(of: terminal)) }
        return (all.sorted(by: _lexicographicallyLess), complete)
    }
}
