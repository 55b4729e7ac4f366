import Games

/// The games of Lu, Tang and Wang, "On Enabling Machine Learning Tasks atop Public
/// Blockchains" (sections IV and VI), and small textbook-style games.
enum Fixtures {
    /// A worker's play: e = submit nothing (or a result in E_ck), t = the true result,
    /// f = a random junk out of E_ck.
    enum Play: Int, CaseIterable { case e, t, f }
    static let workerStrategies = ["σe", "σt", "σf"]
    static let d = 1000.0, r = 200.0

    /// Table I, literally: utilities of (W_i, W_j) for the row play of W_i and column of W_j.
    static func tableI(_ profile: [Int]) -> [Double] {
        let table: [[(Double, Double)]] = [
            [(-d, -d), (-d, -d / 2), (-d, -d / 2)],
            [(-d / 2, -d), (r / 2, r / 2), (-d / 2, -d / 2)],
            [(-d / 2, -d), (-d / 2, -d / 2), (-d / 2, -d / 2)],
        ]
        let (a, b) = table[profile[0]][profile[1]]
        return [a, b]
    }

    /// The n-worker incentive clauses of section VI: if anyone plays e, e-players get -d and
    /// the others -d/2; else if all play t, each gets r/n; else each gets -d/2.
    static func workerPayoffs(_ plays: [Play]) -> [Double] {
        let n = Double(plays.count)
        if plays.contains(.e) { return plays.map { $0 == .e ? -d : -d / 2 } }
        if plays.allSatisfy({ $0 == .t }) { return plays.map { _ in r / n } }
        return plays.map { _ in -d / 2 }
    }

    static func twoWorkers(symmetric: Bool = false) throws -> NumericGame {
        let shape = try GameShape(players: 2, strategies: workerStrategies, symmetric: symmetric)
        return NumericGame(shape: shape, payoff: tableI)
    }

    static func nWorkers(_ n: Int, symmetric: Bool = true) throws -> NumericGame {
        let shape = try GameShape(players: n, strategies: workerStrategies, symmetric: symmetric)
        return NumericGame(shape: shape) { profile in
            workerPayoffs(profile.map { Play(rawValue: $0)! })
        }
    }

    /// A coalition strategy of Table II: p members play t, q play f, l play e, or all
    /// members submit the same pre-agreed junk (σ3).
    enum CoalitionPlay: Hashable {
        case counts(p: Int, q: Int, l: Int)
        case sameJunk
        var name: String {
            switch self {
            case .counts(let p, let q, let l): "t\(p) f\(q) e\(l)"
            case .sameJunk: "σ3 same junk"
            }
        }
    }

    /// Every (p, q, l) with p + q + l = k, all-t first, then σ3.
    static func coalitionPlays(k: Int) -> [CoalitionPlay] {
        var plays: [CoalitionPlay] = []
        for p in stride(from: k, through: 0, by: -1) {
            for q in stride(from: k - p, through: 0, by: -1) {
                plays.append(.counts(p: p, q: q, l: k - p - q))
            }
        }
        return plays + [.sameJunk]
    }

    /// Player 0 is a coalition of k workers (payoff: the sum over its members), players
    /// 1...n-k the other workers, interchangeable. The coalition's common junk differs from
    /// every outsider's submission (k <= n-1), so σ3 scores like k uncoordinated junks.
    static func coalition(n: Int, k: Int) throws -> NumericGame {
        let plays = coalitionPlays(k: k)
        let outsiders = Array(1...(n - k))
        let shape = try GameShape(
            strategies: [plays.map(\.name)] + outsiders.map { _ in workerStrategies },
            playerNames: ["coalition"] + outsiders.map { "W\($0)" },
            symmetricGroups: [outsiders])
        return NumericGame(shape: shape) { profile in
            let members: [Play] =
                switch plays[profile[0]] {
                case .counts(let p, let q, let l):
                    Array(repeating: .t, count: p) + Array(repeating: .f, count: q)
                        + Array(repeating: .e, count: l)
                case .sameJunk: Array(repeating: .f, count: k)
                }
            let all = workerPayoffs(members + profile.dropFirst().map { Play(rawValue: $0)! })
            return [all.prefix(k).reduce(0, +)] + all.dropFirst(k)
        }
    }

    /// A constructed 3x2 game whose IEWDS outcome depends on the order. Row M weakly
    /// dominates T (via R) and B (via L); removing T makes R dominate L for the column,
    /// removing B makes L dominate R.
    ///
    ///         L      R
    ///    T  (1,1)  (0,0)
    ///    M  (1,1)  (2,1)
    ///    B  (0,0)  (2,1)
    static func orderDependent() throws -> NumericGame {
        let shape = try GameShape(strategies: [["T", "M", "B"], ["L", "R"]])
        let table: [[[Double]]] = [[[1, 1], [0, 0]], [[1, 1], [2, 1]], [[0, 0], [2, 1]]]
        return NumericGame(shape: shape) { table[$0[0]][$0[1]] }
    }

    /// The prisoner's dilemma: C = 0, D = 1; D strictly dominates C for both.
    static func prisonersDilemma() throws -> NumericGame {
        let shape = try GameShape(players: 2, strategies: ["C", "D"], symmetric: true)
        let table: [[[Double]]] = [[[3, 3], [0, 5]], [[5, 0], [1, 1]]]
        return NumericGame(shape: shape) { table[$0[0]][$0[1]] }
    }
}

/// Counts the calls that reach the wrapped oracle.
struct CountingOracle<Inner: DominanceOracle>: DominanceOracle {
    var inner: Inner
    var calls = 0
    mutating func weaklyDominates(
        player: Int, dominating: Int, dominated: Int, opponents remaining: [[Int]]
    ) throws -> DominanceVerdict {
        calls += 1
        return try inner.weaklyDominates(
            player: player, dominating: dominating, dominated: dominated, opponents: remaining)
    }
}

/// Answers `.unknown` for the questions `isUnknown` selects, else asks the inner oracle.
struct PartlyUnknownOracle<Inner: DominanceOracle>: DominanceOracle {
    var inner: Inner
    let isUnknown: @Sendable (_ player: Int, _ dominating: Int, _ dominated: Int) -> Bool
    mutating func weaklyDominates(
        player: Int, dominating: Int, dominated: Int, opponents remaining: [[Int]]
    ) throws -> DominanceVerdict {
        if isUnknown(player, dominating, dominated) { return .unknown(reason: "test says so") }
        return try inner.weaklyDominates(
            player: player, dominating: dominating, dominated: dominated, opponents: remaining)
    }
}

/// Answers from a script, ignoring the opponents: `.dominated(strictly: false)` for the
/// listed (player, dominating, dominated) triples, else `.notDominated`. Need not be
/// consistent with any payoffs, which lets tests reach the engine's edge cases.
struct ScriptedOracle: DominanceOracle {
    struct Triple: Hashable { var player, dominating, dominated: Int }
    let dominations: Set<Triple>
    mutating func weaklyDominates(
        player: Int, dominating: Int, dominated: Int, opponents remaining: [[Int]]
    ) -> DominanceVerdict {
        dominations.contains(Triple(player: player, dominating: dominating, dominated: dominated))
            ? .dominated(strictly: false) : .notDominated
    }
}
