import Games
import Solver

/// The normal-form games of the consensus mechanism: plays per strategy, and the coalition
/// strategies sigma_1 ... sigma_7 of section VI.
public struct ConsensusGame: Sendable {
    public let shape: GameShape
    /// `plays[player][strategy]`: the plays of the workers that the player controls.
    public let plays: [[[ConsensusPlay]]]
    /// The workers each player controls, in the order of `plays`.
    public let members: [[Int]]
    public let workers: Int

    /// The game of n individual workers, each choosing sigma_e, sigma_t or sigma_f (Table I for
    /// n = 2); every worker's junk is its own.
    public static func individual(workers n: Int) -> ConsensusGame {
        let names = ["σe (nothing)", "σt (true result)", "σf (random junk)"]
        let plays = (0 ..< n).map { i in [[ConsensusPlay.nothing], [.truth], [.junk(i)]] }
        let shape = try! GameShape(
            strategies: Array(repeating: names, count: n),
            playerNames: (0 ..< n).map { "worker \($0)" }, symmetricGroups: [Array(0 ..< n)])
        return ConsensusGame(shape: shape, plays: plays, members: (0 ..< n).map { [$0] }, workers: n)
    }

    /// A coalition of the first k workers acting as one player against the n - k others (Table
    /// II). Its strategies: p members send the true result, q a junk each and l nothing
    /// (p + q + l = k; sigma_1, sigma_2, sigma_4 ... sigma_7 and "all junk"), and sigma_3, all
    /// members sending the same pre-agreed junk. The coalition's utility is its members' sum.
    /// Coalition junk tags are negative, so they never equal an outsider's junk (tag i).
    public static func coalition(workers n: Int, size k: Int) -> ConsensusGame {
        precondition(1 <= k && k < n)
        var names: [String] = [], plays: [[ConsensusPlay]] = []
        for p in stride(from: k, through: 0, by: -1) {
            for q in stride(from: k - p, through: 0, by: -1) {
                let l = k - p - q
                names.append(sigmaName(p: p, q: q, l: l, k: k))
                plays.append(Array(repeating: .truth, count: p) + (0 ..< q).map { .junk(-1 - $0) }
                    + Array(repeating: .nothing, count: l))
            }
        }
        if k >= 2 {
            names.append("σ3 (all \(k) send one agreed junk)")
            plays.append(Array(repeating: .junk(Self.agreedJunkTag), count: k))
        }
        let outsiderNames = ["σe (nothing)", "σt (true result)", "σf (random junk)"]
        let outsiders = (k ..< n).map { i in [[ConsensusPlay.nothing], [.truth], [.junk(i)]] }
        let shape = try! GameShape(
            strategies: [names] + Array(repeating: outsiderNames, count: n - k),
            playerNames: ["coalition of \(k)"] + (k ..< n).map { "worker \($0)" },
            symmetricGroups: n - k > 1 ? [Array(1 ... (n - k))] : [])
        return ConsensusGame(
            shape: shape, plays: [plays] + outsiders,
            members: [Array(0 ..< k)] + (k ..< n).map { [$0] }, workers: n)
    }

    /// The tag of sigma_3's agreed junk. Coalition junks have negative tags and individual
    /// worker i's junk has tag i, so no two are equal unless the coalition agreed on one.
    static let agreedJunkTag = Int.min

    static func sigmaName(p: Int, q: Int, l: Int, k: Int) -> String {
        switch (p, q, l) {
        case (0, 0, _): "σ1 (all \(k) send nothing)"
        case (_, 0, 0): "σ2 (all \(k) send the true result)"
        case (0, _, 0): "all \(k) send their own junk"
        case (_, 0, _): "σ4 (p=\(p) true, l=\(l) nothing)"
        case (0, _, _): "σ5 (q=\(q) junk, l=\(l) nothing)"
        case (_, _, 0): "σ6 (p=\(p) true, q=\(q) junk)"
        default: "σ7 (p=\(p) true, q=\(q) junk, l=\(l) nothing)"
        }
    }

    /// The all-truthful strategy of every player.
    public var truthful: [Int] {
        plays.map { options in options.firstIndex { $0.allSatisfy { $0 == .truth } }! }
    }

    /// Each player's utility for a profile of strategies, net of the cost c of every true result
    /// its workers send (a coalition's is its members' sum).
    public func utilities<A: Algebra>(_ a: A, deposit: A.Number, reward: A.Number, cost: A.Number, profile: [Int]) -> [A.Number] {
        var byWorker = [ConsensusPlay](repeating: .nothing, count: workers)
        for (player, strategy) in profile.enumerated() {
            for (slot, worker) in members[player].enumerated() { byWorker[worker] = plays[player][strategy][slot] }
        }
        let u = ConsensusPayoff.utilities(a, deposit: deposit, reward: reward, cost: cost, plays: byWorker)
        return members.map { a.sum($0.map { u[$0] }) }
    }
}
