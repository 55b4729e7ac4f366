import Solver

/// The consensus games of Lu, Tang and Wang as population games for the equilibrium search.
///
/// Without a coalition the n workers are one group over sigma_e, sigma_t, sigma_f: a profile is
/// how many play each (the clauses see only whether someone sends nothing and whether all n
/// results are equal, and no two workers' junks are equal, so renaming workers changes nobody's
/// payoff). With a coalition of k >= 2 (section VI, Table II), the coalition is a group of one
/// choosing among its strategies (`ConsensusGame.coalition`), beside a group of n - k outsiders
/// over sigma_e, sigma_t, sigma_f; the coalition's payoff is its members' sum. Payoffs are net of
/// the cost c of every true result (`ConsensusPayoff`).
struct ConsensusPopulation: PopulationGame {
    let game: ConsensusGame
    let deposit: Variable, reward: Variable
    /// The cost c of producing the true result (`[costs] compute`; 0 in the paper).
    let cost: Variable

    /// The game of n individual workers (coalition size 1), or with a coalition of `coalition` workers.
    init(workers n: Int, coalition k: Int, deposit: Variable, reward: Variable, cost: Variable = Variable("c", 0, 0)) {
        game = k <= 1 ? .individual(workers: n) : .coalition(workers: n, size: k)
        self.deposit = deposit
        self.reward = reward
        self.cost = cost
    }

    var isIndividual: Bool { game.members[0].count == 1 }

    var title: String {
        isIndividual ? "\(game.workers) workers (σe, σt, σf)"
            : "a coalition of \(game.members[0].count) (Table II strategies) and \(game.workers - game.members[0].count) outsider(s)"
    }

    var groups: [PopulationGroup] {
        let outsider = game.shape.strategies[game.shape.strategies.count - 1]
        if isIndividual { return [PopulationGroup(name: "workers", size: game.workers, strategies: outsider)] }
        return [
            PopulationGroup(name: game.shape.playerNames[0], size: 1, strategies: game.shape.strategies[0]),
            PopulationGroup(name: "outsiders", size: game.members.count - 1, strategies: outsider),
        ]
    }

    var variables: [Variable] { [deposit, reward, cost] }

    var truthful: [[Int]] {
        let t = game.truthful
        if isIndividual { return [[0, game.workers, 0]] }
        var coalition = [Int](repeating: 0, count: game.shape.strategies[0].count)
        coalition[t[0]] = 1
        return [coalition, [0, game.members.count - 1, 0]]
    }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] { [] }

    /// The players of each group in `ConsensusGame` order.
    var players: [[Int]] {
        isIndividual ? [Array(game.members.indices)] : [[0], Array(1 ..< game.members.count)]
    }

    func payoffs<A: Algebra>(_ a: A, _ v: [A.Number]) -> PopulationPayoffs<A> {
        let players = players
        return PopulationPayoffs { group, strategy, counts in
            // A representative profile: the group's players take the strategies in order.
            var profile = [Int](repeating: 0, count: game.members.count)
            var me = 0
            for (g, split) in counts.enumerated() {
                var slot = 0
                for (s, count) in split.enumerated() {
                    for _ in 0 ..< count {
                        profile[players[g][slot]] = s
                        if g == group && s == strategy { me = players[g][slot] }
                        slot += 1
                    }
                }
            }
            return game.utilities(a, deposit: v[0], reward: v[1], cost: v[2], profile: profile)[me]
        }
    }
}
