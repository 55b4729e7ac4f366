/// A pure-strategy profile: one strategy index per player.
public typealias StrategyProfile = [Int]

/// Every profile of the other players' remaining strategies, as seen by one player.
///
/// Each element is a full-length profile whose entry for `player` is `-1`; set that entry to
/// the strategy being evaluated before computing payoffs. Profiles come in lexicographic
/// order of the other players' indices (last player fastest). When only `player` remains, the
/// single element is the all-placeholder profile `[-1]`.
///
/// ```swift
/// for var profile in OpponentProfiles(remaining: remaining, player: 0) {
///     profile[0] = dominating
///     ...
/// }
/// ```
public struct OpponentProfiles: Sequence, Sendable {
    /// The remaining strategy indices of every player (`remaining[player]` is ignored).
    public let remaining: [[Int]]
    /// The player whose opponents are enumerated.
    public let player: Int

    /// Enumerates the profiles of every player except `player`.
    ///
    /// - Parameters:
    ///   - remaining: remaining strategy indices per player; the others' lists must be
    ///     non-empty.
    ///   - player: the player left out.
    public init(remaining: [[Int]], player: Int) {
        precondition(remaining.indices.contains(player), "player out of range")
        self.remaining = remaining
        self.player = player
    }

    /// The number of profiles: the product of the others' remaining counts.
    public var count: Int {
        remaining.enumerated().reduce(1) { $1.offset == player ? $0 : $0 * $1.element.count }
    }

    /// An iterator over the profiles.
    public func makeIterator() -> Iterator { Iterator(remaining: remaining, player: player) }

    /// Odometer over the others' remaining lists.
    public struct Iterator: IteratorProtocol, Sendable {
        let remaining: [[Int]]
        let player: Int
        var digits: [Int]
        var done: Bool

        init(remaining: [[Int]], player: Int) {
            self.remaining = remaining
            self.player = player
            self.digits = Array(repeating: 0, count: remaining.count)
            self.done = remaining.enumerated().contains { $0.offset != player && $0.element.isEmpty }
        }

        /// The next profile, or `nil` when done.
        public mutating func next() -> [Int]? {
            guard !done else { return nil }
            var profile = [Int](repeating: -1, count: remaining.count)
            for p in remaining.indices where p != player { profile[p] = remaining[p][digits[p]] }
            // Advance: last player fastest.
            var p = remaining.count - 1
            while p >= 0 {
                if p != player {
                    digits[p] += 1
                    if digits[p] < remaining[p].count { break }
                    digits[p] = 0
                }
                p -= 1
            }
            if p < 0 { done = true }
            return profile
        }
    }
}
