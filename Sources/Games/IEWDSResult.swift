/// One removal in an elimination order.
///
/// Names resolve through the shape: `shape.name(player: e.player, strategy: e.strategy)`.
public struct Elimination: Hashable, Sendable {
    /// The player whose strategy is removed.
    public var player: Int
    /// The removed strategy index.
    public var strategy: Int
    /// The remaining strategy index that weakly dominates it.
    public var dominatedBy: Int
    /// Whether the domination was strict over the profiles remaining at that step.
    public var strictly: Bool
    /// The position in the order, starting at 1.
    public var step: Int

    /// Creates an elimination record.
    public init(player: Int, strategy: Int, dominatedBy: Int, strictly: Bool, step: Int) {
        self.player = player
        self.strategy = strategy
        self.dominatedBy = dominatedBy
        self.strictly = strictly
        self.step = step
    }
}

/// Counters describing the work done by one `IEWDS.run`.
public struct IEWDSStatistics: Hashable, Sendable {
    /// Dominance questions the engine asked, counting cache hits: the oracle calls an
    /// unmemoised engine (without the answer cache) would have made.
    public var questions: Int = 0
    /// Calls actually made to the oracle (cache misses).
    public var oracleCalls: Int = 0
    /// Distinct canonical states visited by the order exploration (0 if not explored).
    public var statesVisited: Int = 0

    /// Creates counters.
    public init(questions: Int = 0, oracleCalls: Int = 0, statesVisited: Int = 0) {
        self.questions = questions
        self.oracleCalls = oracleCalls
        self.statesVisited = statesVisited
    }
}

/// The outcome of iterated elimination of weakly dominated strategies.
public struct IEWDSResult: Hashable, Sendable {
    /// The canonical order: repeatedly remove the first weakly dominated strategy (lowest
    /// player, then lowest strategy index, then lowest dominating index).
    public var sequence: [Elimination]
    /// The strategies left by `sequence`, per player, ascending.
    public var survivors: [[Int]]
    /// Whether two elimination orders were found that end in different survivor sets.
    public var orderDependent: Bool
    /// Every distinct terminal survivor set reached by some order of one-at-a-time
    /// eliminations, sorted lexicographically. Only `[survivors]` when orders were not explored.
    public var terminalSurvivors: [[[Int]]]
    /// Whether `terminalSurvivors` is known to be complete: orders were explored and the
    /// state limit was not hit.
    public var explorationComplete: Bool
    /// Descriptions of every `.unknown` oracle answer met, in the order met. Non-empty means
    /// the result is not a proof: an undecided strategy was kept.
    public var unknowns: [String]
    /// Work counters.
    public var statistics: IEWDSStatistics

    /// Creates a result (the engine does; tests and decoders may too).
    public init(
        sequence: [Elimination], survivors: [[Int]], orderDependent: Bool,
        terminalSurvivors: [[[Int]]], explorationComplete: Bool, unknowns: [String],
        statistics: IEWDSStatistics
    ) {
        self.sequence = sequence
        self.survivors = survivors
        self.orderDependent = orderDependent
        self.terminalSurvivors = terminalSurvivors
        self.explorationComplete = explorationComplete
        self.unknowns = unknowns
        self.statistics = statistics
    }

    /// The single surviving profile, when the result proves one: exploration was complete,
    /// no oracle answer was unknown, and every terminal survivor set is the same single
    /// strategy per player. Otherwise `nil`.
    public var uniqueSurvivor: StrategyProfile? {
        guard explorationComplete, unknowns.isEmpty, let first = terminalSurvivors.first,
            first.allSatisfy({ $0.count == 1 }),
            terminalSurvivors.allSatisfy({ $0 == first })
        else { return nil }
        return first.map { $0[0] }
    }
}
