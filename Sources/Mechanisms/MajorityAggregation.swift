/// Majority aggregation of one sample's votes into Y_aggr (Witt et al., Algorithm 3, lines 29-31).
public enum MajorityAggregation {
    /// The aggregated label from per-class vote counts.
    ///
    /// - `argmax`: the class with most votes, ties to the lowest index; -1 when nobody voted.
    /// - `paper`: the printed loop, which compares a vote count with the label index so far:
    ///   ```
    ///   globalLabels[j] = 0
    ///   for c = 0; c <= |C|; c++: if Votes[j, c] > globalLabels[j] then globalLabels[j] = c
    ///   ```
    ///   `Votes[j, |C|]` lies past the table; it is read as 0 votes, which never exceeds a label
    ///   index, so the out-of-range step changes nothing.
    /// - Parameter votes: `votes[c]` for `c in 0 ..< classes`.
    /// - Complexity: O(|C|).
    @inlinable
    public static func label(
        votes: UnsafeBufferPointer<Int>, classes: Int, rule: Aggregation
    ) -> Int {
        switch rule {
        case .argmax:
            var best = -1
            var bestVotes = 0
            for c in 0 ..< classes where votes[c] > bestVotes {
                best = c
                bestVotes = votes[c]
            }
            return best
        case .paper:
            var label = 0
            for c in 0 ... classes {
                let count = c < classes ? votes[c] : 0
                if count > label { label = c }
            }
            return label
        }
    }

    /// The aggregated label from an array of per-class vote counts.
    public static func label(votes: [Int], rule: Aggregation) -> Int {
        votes.withUnsafeBufferPointer { label(votes: $0, classes: votes.count, rule: rule) }
    }
}
