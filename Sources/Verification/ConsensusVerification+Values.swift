import Solver

/// The values behind the consensus verdicts: what a deviation from all-truthful earns against
/// truthful others, exactly, at the corner of the d and r ranges where it comes closest.
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

    func deviationValues(_ game: ConsensusGame, gainName: String, deviationName: String) -> PropertyValues {
        let exact = ExactAlgebra()
        var best: (gain: Rational, honest: Rational, deviation: Rational, at: [String: String])? = nil
        let truthful = game.truthful
        for (d, r, c) in corners {
            let honest = game.utilities(exact, deposit: d, reward: r, cost: c, profile: truthful)
            // A coalition (player 0 of a coalition game) or, in the individual game, any worker.
            let players = game.members[0].count > 1 || gainName == "coalition_gain" ? [0] : Array(game.members.indices)
            for player in players {
                for s in game.shape.strategies[player].indices where s != truthful[player] {
                    var profile = truthful
                    profile[player] = s
                    let payoff = game.utilities(exact, deposit: d, reward: r, cost: c, profile: profile)[player]
                    let gain = payoff - honest[player]
                    if best == nil || gain > best!.gain {
                        best = (gain, honest[player], payoff, [
                            "player": game.shape.playerNames[player],
                            "deviation": game.shape.name(player: player, strategy: s),
                            "d": d.description, "r": r.description, "c": c.description,
                        ])
                    }
                }
            }
        }
        guard let best else { return .none }
        return PropertyValues(
            values: [PropertyValue(gainName, best.gain), PropertyValue("honest_payoff", best.honest), PropertyValue(deviationName, best.deviation)],
            at: best.at, method: "the best deviation against truthful others, over the corners of the d, r and c ranges")
    }

    /// The coalition values over every coalition size: the size and strategy that come closest.
    func coalitionValues() -> PropertyValues {
        var best: PropertyValues = .none
        for k in 1 ..< workers {
            let values = deviationValues(.coalition(workers: workers, size: k), gainName: "coalition_gain", deviationName: "coalition_payoff")
            guard let gain = values["coalition_gain"] else { continue }
            if best.deciding == nil || gain > best["coalition_gain"]! { best = values }
        }
        return best
    }
}
