/// Iterated elimination of weakly dominated strategies (IEWDS) over a `DominanceOracle`.
///
/// A state is the list of each player's remaining strategies. A move removes one strategy `s`
/// of a player with at least two remaining, when the oracle answers `.dominated` for some
/// *remaining* `s' != s` over the others' remaining strategies. IEWDS can depend on the order
/// of moves, so besides one canonical order the engine can search every order.
public enum IEWDS {
    /// Runs IEWDS.
    ///
    /// - Parameters:
    ///   - shape: the players, strategies and symmetry of the game.
    ///   - oracle: answers dominance questions; it is left in its final state (useful for
    ///     oracle-side statistics).
    ///   - exploreOrders: also search every order of one-at-a-time eliminations (a DFS over
    ///     states, memoised on the canonical state) for all terminal survivor sets.
    ///   - maxStates: the most canonical states the search may visit, at least 1.
    /// - Returns: the canonical order and its survivors, the terminal survivor sets, and any
    ///   unknown oracle answers.
    /// - Throws: whatever the oracle throws.
    /// - Complexity: the search visits up to `maxStates` states and asks at most
    ///   `players x strategies^2` questions in each; equal questions reach the oracle once.
    public static func run<Oracle: DominanceOracle>(
        shape: GameShape, oracle: inout Oracle, exploreOrders: Bool = true,
        maxStates: Int = 100_000
    ) throws -> IEWDSResult {
        precondition(maxStates >= 1, "maxStates must be at least 1")
        var engine = _IEWDSEngine(shape: shape, oracle: oracle)
        defer { oracle = engine.oracle }
        let (sequence, survivors) = try engine.canonicalSequence()
        var terminals = [survivors]
        var complete = false
        if exploreOrders {
            (terminals, complete) = try engine.exploreOrders(maxStates: maxStates)
        }
        return IEWDSResult(
            sequence: sequence, survivors: survivors, orderDependent: terminals.count > 1,
            terminalSurvivors: terminals, explorationComplete: complete,
            unknowns: engine.unknowns, statistics: engine.statistics)
    }
}

/// The mutable working state of one `IEWDS.run`: the oracle, its answer cache and counters.
package struct _IEWDSEngine<Oracle: DominanceOracle> {
    let shape: GameShape
    var oracle: Oracle
    var cache: [_DominanceQuestion: DominanceVerdict] = [:]
    var unknowns: [String] = []
    var statistics = IEWDSStatistics()

    init(shape: GameShape, oracle: Oracle) {
        self.shape = shape
        self.oracle = oracle
    }

    /// Asks (or recalls) whether `dominated` is weakly dominated by `dominating` for `player`.
    mutating func verdict(
        player: Int, dominating: Int, dominated: Int, remaining: [[Int]]
    ) throws -> DominanceVerdict {
        statistics.questions += 1
        let key = shape._canonicalQuestion(
            player: player, dominating: dominating, dominated: dominated, remaining: remaining)
        if let known = cache[key] { return known }
        statistics.oracleCalls += 1
        let answer = try oracle.weaklyDominates(
            player: player, dominating: dominating, dominated: dominated, opponents: remaining)
        if case .unknown(let reason) = answer {
            unknowns.append(
                "\(shape.playerNames[player]): is \(shape.name(player: player, strategy: dominated))"
                    + " dominated by \(shape.name(player: player, strategy: dominating)) given "
                    + "\(shape.describe(remaining: remaining))? unknown: \(reason)")
        }
        cache[key] = answer
        return answer
    }

    /// The first remaining strategy that weakly dominates `strategy` of `player`, if any.
    mutating func firstDominator(
        of strategy: Int, player: Int, in state: [[Int]]
    ) throws -> (dominating: Int, strictly: Bool)? {
        for dominating in state[player] where dominating != strategy {
            let answer = try verdict(
                player: player, dominating: dominating, dominated: strategy, remaining: state)
            if case .dominated(let strictly) = answer { return (dominating, strictly) }
        }
        return nil
    }

    /// The first move of the canonical order from `state`: lowest player, then lowest
    /// dominated index, then lowest dominating index.
    mutating func firstMove(in state: [[Int]]) throws -> (Int, Int, Int, Bool)? {
        for player in state.indices where state[player].count > 1 {
            for strategy in state[player] {
                if let (by, strictly) = try firstDominator(
                    of: strategy, player: player, in: state)
                {
                    return (player, strategy, by, strictly)
                }
            }
        }
        return nil
    }

    /// Follows the canonical order from the full game to a state with no move.
    mutating func canonicalSequence() throws -> ([Elimination], [[Int]]) {
        var state = shape.allStrategies
        var sequence: [Elimination] = []
        while let (player, strategy, by, strictly) = try firstMove(in: state) {
            state[player].removeAll { $0 == strategy }
            sequence.append(
                Elimination(
                    player: player, strategy: strategy, dominatedBy: by, strictly: strictly,
                    step: sequence.count + 1))
        }
        return (sequence, state)
    }
}
