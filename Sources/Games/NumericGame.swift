/// A finite game with concrete payoffs.
public struct NumericGame: Sendable {
    /// The players and strategies.
    public let shape: GameShape
    /// The payoff of every player for a full profile (one strategy index per player).
    public let payoff: @Sendable ([Int]) -> [Double]

    /// Creates a game.
    ///
    /// - Parameters:
    ///   - shape: players, strategies and symmetry. Symmetric groups must really be
    ///     symmetric in `payoff`, or the memoised engine answers for the wrong player.
    ///   - payoff: profile -> one payoff per player.
    public init(shape: GameShape, payoff: @escaping @Sendable ([Int]) -> [Double]) {
        self.shape = shape
        self.payoff = payoff
    }

    /// An oracle comparing this game's payoffs exactly.
    public var oracle: NumericDominanceOracle { NumericDominanceOracle(game: self) }

    /// Runs IEWDS on this game with its numeric oracle.
    ///
    /// - Parameters:
    ///   - exploreOrders: also search every elimination order.
    ///   - maxStates: the most canonical states the search may visit.
    public func iewds(exploreOrders: Bool = true, maxStates: Int = 100_000) -> IEWDSResult {
        var oracle = self.oracle
        // The numeric oracle never throws.
        return try! IEWDS.run(
            shape: shape, oracle: &oracle, exploreOrders: exploreOrders, maxStates: maxStates)
    }
}

/// Weak dominance by exact `Double` comparison of a `NumericGame`'s payoffs.
///
/// Answers `.unknown` when a compared payoff is NaN.
public struct NumericDominanceOracle: DominanceOracle, Sendable {
    /// The game whose payoffs are compared.
    public let game: NumericGame

    /// Creates an oracle for `game`.
    public init(game: NumericGame) { self.game = game }

    /// Compares `player`'s payoffs of `dominating` and `dominated` over every profile of the
    /// others' remaining strategies.
    ///
    /// - Complexity: two payoff evaluations per opponent profile.
    public mutating func weaklyDominates(
        player: Int, dominating: Int, dominated: Int, opponents remaining: [[Int]]
    ) -> DominanceVerdict {
        var someGreater = false
        var allGreater = true
        for var profile in OpponentProfiles(remaining: remaining, player: player) {
            var pair: [Double] = []
            for strategy in [dominating, dominated] {
                profile[player] = strategy
                let value = game.payoff(profile)[player]
                if value.isNaN {
                    return .unknown(reason: "NaN payoff at \(game.shape.describe(profile: profile))")
                }
                pair.append(value)
            }
            let (high, low) = (pair[0], pair[1])
            if high < low { return .notDominated }
            if high > low { someGreater = true } else { allGreater = false }
        }
        return someGreater ? .dominated(strictly: allGreater) : .notDominated
    }
}
