// Canonical forms of IEWDS states and oracle questions under the declared player symmetry.

/// Lexicographic order on strategy-index lists, shorter prefix first.
package func _lexicographicallyLess(_ a: [Int], _ b: [Int]) -> Bool {
    a.lexicographicallyPrecedes(b)
}

/// Lexicographic order on states (one strategy-index list per player).
package func _lexicographicallyLess(_ a: [[Int]], _ b: [[Int]]) -> Bool {
    a.lexicographicallyPrecedes(b, by: _lexicographicallyLess)
}

/// The key under which an oracle answer is cached: equal keys ask the same question.
package struct _DominanceQuestion: Hashable, Sendable {
    /// The asking player, or the first member of its symmetric group.
    var player: Int
    var dominating: Int
    var dominated: Int
    /// The others' remaining strategies in canonical order; the asking slot is empty.
    var others: [[Int]]
}

extension GameShape {
    /// The representative of a state's orbit under the symmetric groups: within each group the
    /// members' remaining sets are sorted and handed out in member order.
    ///
    /// - Complexity: O(total strategies x log players).
    package func _canonicalState(_ remaining: [[Int]]) -> [[Int]] {
        var out = remaining
        for group in symmetricGroups {
            let sorted = group.map { remaining[$0] }.sorted(by: _lexicographicallyLess)
            for (member, set) in zip(group, sorted) { out[member] = set }
        }
        return out
    }

    /// The canonical form of "does `dominating` weakly dominate `dominated` for `player` given
    /// `remaining`?": the asker moves to its group's first slot and the other members' sets
    /// are sorted, so symmetric questions share one key.
    package func _canonicalQuestion(
        player: Int, dominating: Int, dominated: Int, remaining: [[Int]]
    ) -> _DominanceQuestion {
        var out = remaining
        out[player] = []
        var asker = player
        for (index, group) in symmetricGroups.enumerated() {
            if _groupIndex[player] == index {
                asker = group[0]
                let sorted = group.filter { $0 != player }.map { remaining[$0] }
                    .sorted(by: _lexicographicallyLess)
                out[group[0]] = []
                for (member, set) in zip(group.dropFirst(), sorted) { out[member] = set }
            } else {
                let sorted = group.map { remaining[$0] }.sorted(by: _lexicographicallyLess)
                for (member, set) in zip(group, sorted) { out[member] = set }
            }
        }
        return _DominanceQuestion(
            player: asker, dominating: dominating, dominated: dominated, others: out)
    }

    /// Every distinct state obtained by permuting the players of each symmetric group.
    ///
    /// - Complexity: the size of the orbit, at most the product of the groups' factorials.
    package func _orbit(of state: [[Int]]) -> Set<[[Int]]> {
        var states: Set<[[Int]]> = [state]
        for group in symmetricGroups {
            let sets = group.map { state[$0] }
            let arrangements = _distinctPermutations(sets)
            var next: Set<[[Int]]> = []
            for base in states {
                for arrangement in arrangements {
                    var permuted = base
                    for (member, set) in zip(group, arrangement) { permuted[member] = set }
                    next.insert(permuted)
                }
            }
            states = next
        }
        return states
    }
}

/// The distinct orderings of a multiset.
private func _distinctPermutations(_ items: [[Int]]) -> [[[Int]]] {
    var counts: [[Int]: Int] = [:]
    for item in items { counts[item, default: 0] += 1 }
    let kinds = counts.keys.sorted(by: _lexicographicallyLess)
    var out: [[[Int]]] = []
    var current: [[Int]] = []
    func extend() {
        if current.count == items.count { out.append(current); return }
        for kind in kinds where counts[kind, default: 0] > 0 {
            counts[kind, default: 0] -= 1
            current.append(kind)
            extend()
            current.removeLast()
            counts[kind, default: 0] += 1
        }
    }
    extend()
    return out
}
