import Games
import Solver

/// What the equilibrium property asks Z3 about one profile of a population game:
/// - `equilibrium`: it is an equilibrium at every point (for all-truthful);
/// - `weak`: wherever it is an equilibrium, some player has a deviation that earns exactly as
///   much (it is not strict anywhere);
/// - `dominated`: wherever it is an equilibrium, all-truthful pays every player at least as
///   much as the profile pays it, and some player strictly more.
struct RivalEquilibriumClaim<Game: PopulationGame>: Claim {
    enum Statement: String { case equilibrium, weak, dominated }
    let game: Game
    let profile: [[Int]]
    let statement: Statement

    var labels: [(name: String, value: String)] {
        [("game", game.title), ("profile", game.describe(profile)), ("statement", statement.rawValue)]
    }
    var variables: [Variable] { game.variables }

    func assumptions<A: Algebra>(_ a: A, _ v: [A.Number]) -> [A.Truth] { game.assumptions(a, v) }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth { judge(a, game.payoffs(a, v)) }

    /// The statement over a payoff table already built at the point.
    func judge<A: Algebra>(_ a: A, _ table: PopulationPayoffs<A>) -> A.Truth {
        let equilibrium = game.isEquilibrium(a, table, profile)
        switch statement {
        case .equilibrium:
            return equilibrium
        case .weak:
            let tied = game.gains(a, table, profile).map { a.equal($0, a.constant(0)) }
            return a.any([a.not(equilibrium), a.any(tied)])
        case .dominated:
            let truthful = truthfulPayoffs(a, table)
            let played = game.played(table, profile)
            let atLeast = played.map { a.lessOrEqual($0.payoff, truthful[$0.group]) }
            let strictly = played.map { a.less($0.payoff, truthful[$0.group]) }
            return a.any([a.not(equilibrium), a.all([a.all(atLeast), a.any(strictly)])])
        }
    }

    /// Each group's payoff under all-truthful.
    func truthfulPayoffs<A: Algebra>(_ a: A, _ table: PopulationPayoffs<A>) -> [A.Number] {
        game.truthful.enumerated().map { g, split in table.payoff(g, split.firstIndex { $0 > 0 }!, game.truthful) }
    }

    /// The largest advantage of the profile over all-truthful among its players (at most 0,
    /// and below 0 for some player, when all-truthful payoff-dominates it), with that player's
    /// payoff and the truthful one, exactly at `point`.
    func advantage(at point: [Rational], table given: PopulationPayoffs<ExactAlgebra>? = nil) -> (advantage: Rational, payoff: Rational, truthful: Rational)? {
        let exact = ExactAlgebra()
        let table = given ?? game.payoffs(exact, point)
        let truthful = truthfulPayoffs(exact, table)
        let best = game.played(table, profile).max { $0.payoff - truthful[$0.group] < $1.payoff - truthful[$1.group] }
        guard let best, !exact.divisionByZero.flag else { return nil }
        return (best.payoff - truthful[best.group], best.payoff, truthful[best.group])
    }

    /// The deviation from the profile that gains most at `point`: its name, its gain and the
    /// deviator's payoff, exactly.
    func bestDeviation(at point: [Rational]) -> (name: String, gain: Rational, payoff: Rational)? {
        let exact = ExactAlgebra()
        let table = game.payoffs(exact, point)
        let gains = game.gains(exact, table, profile)
        let deviations = game.deviations(profile)
        guard let k = gains.indices.max(by: { gains[$0] < gains[$1] }), !exact.divisionByZero.flag else { return nil }
        let d = deviations[k]
        let strategies = game.groups[d.group].strategies
        let payoff = table.payoff(d.group, d.to, Population.deviate(profile, group: d.group, from: d.from, to: d.to))
        return ("\(strategies[d.from]) -> \(strategies[d.to])", gains[k], payoff)
    }

    /// The claim refuted exactly at a corner of the ranges where it fails, without Z3 (the
    /// counterexample carries the claim's labels and the corner, as a Z3 one would); `nil`
    /// when it holds at every corner. `tables` are the exact payoffs at `corners`, built once.
    func refutedAtCorner(_ corners: [[Rational]], _ tables: [PopulationPayoffs<ExactAlgebra>], _ exact: ExactAlgebra) -> Verdict? {
        for (corner, table) in zip(corners, tables) where !judge(exact, table) && !exact.divisionByZero.flag {
            return .refuted(Counterexample(labels + zip(variables, corner).map { ($0.name, $1.description) }))
        }
        return nil
    }
}
