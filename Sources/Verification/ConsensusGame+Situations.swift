import Games

extension ConsensusGame {
    /// One opponent profile per distinct situation `player` can face, given each opponent's
    /// remaining strategies: what the claims of `player` need to quantify over.
    ///
    /// The reward clauses (`ConsensusPayoff`) depend on the plays only through whether some
    /// worker sends nothing and whether all n plays are equal, and every individual worker's
    /// junk is its own (no two individuals' junks are equal, nor equal to a coalition's). So
    /// `player`'s utility does not change when two individual opponents that play the same
    /// kind of play (nothing, the true result, a junk) swap strategies: a situation is the
    /// strategy of every non-individual opponent (a coalition) and the number of individual
    /// opponents of each kind. This enumerates the reachable situations by a pass over the
    /// opponents, keeping one representative profile each, instead of every profile.
    /// - Returns: profiles with `player`'s entry 0 (the caller sets it).
    /// - Complexity: O(n * situations), at most O(n^3) situations for n individual opponents
    ///   (against O(3^n) profiles).
    public func situations(remaining: [[Int]], player: Int) -> [[Int]] {
        struct Key: Hashable { var fixed: [Int]; var kinds: [Int] }
        var reps: [Key: [Int]] = [Key(fixed: [], kinds: [0, 0, 0]): [Int](repeating: 0, count: remaining.count)]
        for j in remaining.indices where j != player {
            var next: [Key: [Int]] = [:]
            for (key, rep) in reps {
                for s in remaining[j] {
                    var k = key
                    if let kind = individualKind(player: j, strategy: s) { k.kinds[kind] += 1 } else { k.fixed.append(s) }
                    if next[k] == nil {
                        var profile = rep
                        profile[j] = s
                        next[k] = profile
                    }
                }
            }
            reps = next
        }
        // A deterministic order: the profiles sorted.
        return reps.values.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The kind of play of an individual player's strategy (0 nothing, 1 true result, 2 own
    /// junk), or `nil` for a player that controls several workers.
    func individualKind(player: Int, strategy: Int) -> Int? {
        guard members[player].count == 1 else { return nil }
        switch plays[player][strategy][0] {
        case .nothing: return 0
        case .truth: return 1
        case .junk: return 2
        }
    }
}
