/// The answer to one weak-dominance question.
public enum DominanceVerdict: Hashable, Sendable {
    /// `u(dominating, o) >= u(dominated, o)` for every opponent profile `o`, and `>` for at
    /// least one; `strictly` when `>` holds for every `o`.
    case dominated(strictly: Bool)
    /// Some opponent profile gives `dominated` more, or the payoffs are equal everywhere.
    case notDominated
    /// The oracle could not decide (solver timeout, unsupported payoff, ...).
    case unknown(reason: String)
}

/// Decides weak dominance between two strategies of one player.
///
/// The engine (`IEWDS`) knows nothing about payoffs: it asks an oracle, caches the answer on
/// the canonical form of the question, and removes a strategy only on `.dominated`.
/// Implementations may be numeric (`NumericDominanceOracle`) or symbolic (a solver proving
/// the inequalities for every parameter value in a range).
public protocol DominanceOracle {
    /// Is `dominated` weakly dominated by `dominating` for `player`?
    ///
    /// Weakly dominated means `u(dominating, o) >= u(dominated, o)` for every profile `o` of
    /// the other players drawn from their remaining strategies, and `>` for at least one.
    ///
    /// - Parameters:
    ///   - player: the player whose payoff is compared.
    ///   - dominating: a strategy index of `player`, different from `dominated`.
    ///   - dominated: a strategy index of `player`.
    ///   - remaining: remaining strategy indices of every player; only `remaining[p]` for
    ///     `p != player` matters (`OpponentProfiles` enumerates them).
    /// - Returns: the verdict; `.unknown` when the oracle cannot decide.
    /// - Throws: any error that should abort the whole run.
    mutating func weaklyDominates(
        player: Int, dominating: Int, dominated: Int, opponents remaining: [[Int]]
    ) throws -> DominanceVerdict
}
