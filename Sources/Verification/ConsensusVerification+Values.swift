import Solver

/// The values behind the consensus verdicts: what a deviation from all-truthful earns against
/// truthful others, exactly, at the corner of the d, r and c ranges where it comes closest; for
/// a refuted verdict, in the situation of the others where the deviation gains most.
///
/// - `iewds-truthful-unique`: `deviation_gain` (the best unilateral deviation's payoff minus
///   the truthful payoff), `honest_payoff` (r / n) and `deviation_payoff`.
/// - `coalition-resilient`: `coalition_gain`, `coalition_payoff` and `honest_payoff`, for the
///   coalition size and Table II strategy that come closest, against truthful outsiders; each
///   payoff is the coalition's total.
extension ConsensusVerification {
    /// Every corner of the (d, r, c) box.
    var corners: [(d: Rational, r: Rational, c: Rational)] {
        Set([deposit.lower, deposit.upper]).sorted().flatMap { d in
            Set([reward.lower, reward.upper]).sorted().flatMap { r in Set([cost.lower, cost.upper]).sorted().map { (d, r, $0) } }
        }
    }

    /// The best deviation from truthful, over the corners of the (d, r, c) box: against truthful
    /// others, or, with `everySituation` (for a refuted verdict), in every situation the others'
    /// strategies can make, which shows what breaks the dominance (with c > 0, a junk against a
    /// worker that sends nothing saves c).
    func deviationValues(_ game: ConsensusGame, gainName: String, deviationName: String, everySituation: Bool = false) -> PropertyValues {
        let exact = ExactAlgebra()
        var best: (gain: Rational, honest: Rational, deviation: Rational, at: [String: String])? = nil
        let truthful = game.truthful
        // A coalition (player 0 of a coalition game) or, in the individual game, any worker.
        let players = game.members[0].count > 1 || gainName == "coalition_gain" ? [0] : Array(game.members.indices)
        for (d, r, c) in corners {
            for player in players {
                let situations = everySituation
                    ? game.situations(remaining: game.shape.allStrategies, player: player) : [truthful]
                for situation in situations {
                    var profile = situation
                    profile[player] = truthful[player]
                    let honest = game.utilities(exact, deposit: d, reward: r, cost: c, profile: profile)[player]
                    for s in game.shape.strategies[player].indices where s != truthful[player] {
                        profile[player] = s
                        let payoff = game.utilities(exact, deposit: d, reward: r, cost: c, profile: profile)[player]
                        let gain = payoff - honest
                        guard best == nil || gain > best!.gain else { continue }
                        var at = [
                            "player": game.shape.playerNames[player],
                            "deviation": game.shape.name(player: player, strategy: s),
                            "d": d.description, "r": r.description, "c": c.description,
                        ]
                        if everySituation {
                            at["others"] = profile.indices.filter { $0 != player }
                                .map { "\(game.shape.playerNames[$0]): \(game.shape.name(player: $0, strategy: profile[$0]))" }
                                .joined(separator: ", ")
                        }
                        best = (gain, honest, payoff, at)
                    }
                }
            }
        }
        guard let best else { return .none }
        let against = everySituation ? "in every situation of the others" : "against truthful others"
        return PropertyValues(
            values: [PropertyValue(gainName, best.gain), PropertyValue("honest_payoff", best.honest), PropertyValue(deviationName, best.deviation)],
            at: best.at, method: "the best deviation \(against), over the corners of the d, r and c ranges")
    }

    /// The coalition values over every coalition size: the size and strategy that come closest.
    func coalitionValues(everySituation: Bool = false) -> PropertyValues {
        var best: PropertyValues = .none
        for k in 1 ..< workers {
            let values = deviationValues(
                .coalition(workers: workers, size: k), gainName: "coalition_gain", deviationName: "coalition_payoff",
                everySituation: everySituation)
            guard let gain = values["coalition_gain"] else { continue }
            if best.deciding == nil || gain > best["coalition_gain"]! { best = values }
        }
        return best
    }
}
