/// The players and named pure strategies of a finite normal-form game, without payoffs.
///
/// Strategies are addressed by index: `strategies[player][index]` is the name of that
/// strategy. Players may be declared interchangeable through `symmetricGroups`; the engine
/// then treats states that differ only by a permutation of a group's players as one state, and
/// reuses oracle answers across the group. Declaring a group asserts that the payoffs are
/// symmetric under any permutation of its players; the shape cannot check that claim.
public struct GameShape: Hashable, Sendable {
    /// The names of each player's pure strategies; `strategies[player][index]`.
    public let strategies: [[String]]
    /// A display name per player.
    public let playerNames: [String]
    /// Groups of interchangeable players, each sorted ascending, disjoint, at least two members.
    public let symmetricGroups: [[Int]]
    /// For each player, the index of its group in `symmetricGroups`, or `nil`.
    package let _groupIndex: [Int?]

    /// Creates a shape.
    ///
    /// - Parameters:
    ///   - strategies: each player's strategy names, at least one per player and one player.
    ///   - playerNames: display names; defaults to `"player 0"`, `"player 1"`, ...
    ///   - symmetricGroups: disjoint groups of interchangeable players. Members of a group
    ///     must have identical strategy lists. Groups of one player are dropped.
    /// - Throws: `GameShapeError` when any of the above does not hold.
    public init(
        strategies: [[String]], playerNames: [String]? = nil, symmetricGroups: [[Int]] = []
    ) throws(GameShapeError) {
        guard !strategies.isEmpty else { throw .noPlayers }
        for (player, names) in strategies.enumerated() where names.isEmpty {
            throw .noStrategies(player: player)
        }
        let names = playerNames ?? strategies.indices.map { "player \($0)" }
        guard names.count == strategies.count else {
            throw .playerNameCount(expected: strategies.count, got: names.count)
        }
        var groupIndex = [Int?](repeating: nil, count: strategies.count)
        var groups: [[Int]] = []
        for group in symmetricGroups {
            let members = group.sorted()
            guard members.count > 1 else { continue }
            for member in members {
                guard strategies.indices.contains(member) else { throw .playerOutOfRange(member) }
                guard groupIndex[member] == nil else { throw .playerInTwoGroups(member) }
                guard strategies[member] == strategies[members[0]] else {
                    throw .groupStrategiesDiffer(members[0], member)
                }
                groupIndex[member] = groups.count
            }
            groups.append(members)
        }
        self.strategies = strategies
        self.playerNames = names
        self.symmetricGroups = groups
        self._groupIndex = groupIndex
    }

    /// Creates a shape in which every player has the same strategies.
    ///
    /// - Parameters:
    ///   - players: the number of players, at least one.
    ///   - strategies: the strategy names shared by all players.
    ///   - symmetric: whether all players form one symmetric group.
    /// - Throws: `GameShapeError` when the shape is empty.
    public init(players: Int, strategies: [String], symmetric: Bool) throws(GameShapeError) {
        try self.init(
            strategies: Array(repeating: strategies, count: max(players, 0)),
            symmetricGroups: symmetric ? [Array(0..<max(players, 0))] : [])
    }

    /// The number of players.
    public var playerCount: Int { strategies.count }

    /// Every strategy index of every player: the initial state of IEWDS.
    public var allStrategies: [[Int]] { strategies.map { Array($0.indices) } }

    /// The number of pure-strategy profiles of the full game.
    public var profileCount: Int { strategies.reduce(1) { $0 * $1.count } }

    /// The name of `player`'s strategy `index`.
    public func name(player: Int, strategy index: Int) -> String { strategies[player][index] }

    /// A readable form of a profile, e.g. `"(σt, σt)"`.
    public func describe(profile: [Int]) -> String {
        "(" + profile.enumerated().map { strategies[$0.offset][$0.element] }
            .joined(separator: ", ") + ")"
    }

    /// A readable form of a set of remaining strategies, e.g. `"{σt} x {σe, σt}"`.
    public func describe(remaining: [[Int]]) -> String {
        remaining.enumerated().map { player, indices in
            "{" + indices.map { strategies[player][$0] }.joined(separator: ", ") + "}"
        }.joined(separator: " x ")
    }
}

/// Why a `GameShape` could not be built.
public enum GameShapeError: Error, Hashable, Sendable {
    /// The game has no players.
    case noPlayers
    /// A player has no strategies.
    case noStrategies(player: Int)
    /// `playerNames` does not have one name per player.
    case playerNameCount(expected: Int, got: Int)
    /// A symmetric group names a player that does not exist.
    case playerOutOfRange(Int)
    /// A player belongs to two symmetric groups.
    case playerInTwoGroups(Int)
    /// Two members of a symmetric group have different strategy lists.
    case groupStrategiesDiffer(Int, Int)
}
