import Games
import Solver
import Specs

/// A dominance question put to Z3: for every d, r and c in range, `dominating` does at least as
/// well as `dominated` against every opponent profile, and strictly better against one (or
/// against all, for `strictly`).
struct DominanceClaim: Claim {
    let game: ConsensusGame
    let player: Int, dominating: Int, dominated: Int
    let opponents: [[Int]]
    let deposit: Variable, reward: Variable, cost: Variable
    let strictly: Bool

    var labels: [(name: String, value: String)] { [] }
    var variables: [Variable] { [deposit, reward, cost] }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        var weak: [A.Truth] = [], strict: [A.Truth] = []
        for var profile in game.situations(remaining: opponents, player: player) {
            profile[player] = dominating
            let better = game.utilities(a, deposit: v[0], reward: v[1], cost: v[2], profile: profile)[player]
            profile[player] = dominated
            let worse = game.utilities(a, deposit: v[0], reward: v[1], cost: v[2], profile: profile)[player]
            weak.append(a.lessOrEqual(worse, better))
            strict.append(a.less(worse, better))
        }
        return strictly ? a.all(strict) : a.all([a.all(weak), a.any(strict)])
    }
}

/// The Z3-backed oracle of the IEWDS engine: a strategy is eliminated only when Z3 proves the
/// dominance for every parameter value in the spec's ranges.
struct SolverDominanceOracle: DominanceOracle {
    let game: ConsensusGame
    let deposit: Variable, reward: Variable, cost: Variable
    let prover: Prover
    /// One Z3 context for every query of the run.
    let context = Context()
    var queries = 0

    mutating func weaklyDominates(player: Int, dominating: Int, dominated: Int, opponents remaining: [[Int]]) throws -> DominanceVerdict {
        func claim(_ strictly: Bool) -> DominanceClaim {
            DominanceClaim(game: game, player: player, dominating: dominating, dominated: dominated,
                           opponents: remaining, deposit: deposit, reward: reward, cost: cost, strictly: strictly)
        }
        if let deadline = prover.deadline, deadline.passed { return .unknown(reason: deadline.reason) }
        // A failure at one point of the ranges is already a counterexample: only proofs need Z3.
        let exact = ExactAlgebra()
        let point = [deposit.lower, reward.lower, cost.lower]
        guard claim(false).holds(exact, point) else { return .notDominated }
        queries += 1
        switch prover.decide([claim(false)], in: context).verdict {
        case .refuted: return .notDominated
        case .unknown(let reason): return .unknown(reason: reason)
        case .proved:
            guard claim(true).holds(exact, point) else { return .dominated(strictly: false) }
            queries += 1
            if case .proved = prover.decide([claim(true)], in: context).verdict { return .dominated(strictly: true) }
            return .dominated(strictly: false)
        }
    }
}

/// `iewds-truthful-unique` and `coalition-resilient` for a consensus spec.
struct ConsensusVerification {
    let spec: Spec
    /// The verifier's timeout, deadline and progress.
    let verifier: Verifier
    /// The property being decided (for progress).
    let property: PropertyID

    var deposit: Variable {
        Variable("d", Rational(spec.mechanism.depositRange.lowerBound), Rational(spec.mechanism.depositRange.upperBound))
    }
    var reward: Variable {
        Variable("r", Rational(spec.mechanism.rewardRange.lowerBound), Rational(spec.mechanism.rewardRange.upperBound))
    }
    /// c, the cost of producing the result honestly (`[costs] compute`, 0 by default).
    var cost: Variable { Variable("c", spec.costs.compute).reported(spec.costs != .none) }
    var workers: Int { spec.federation.workers }

    func decide(_ id: PropertyID) -> Verifier.Decision {
        do {
            switch id {
            case .iewdsTruthfulUnique:
                let (verdict, smt2, notes) = try truthfulUnique()
                let values = deviationValues(
                    .individual(workers: workers), gainName: "deviation_gain", deviationName: "deviation_payoff",
                    everySituation: verdict.counterexample != nil)
                return Verifier.Decision(verdict: verdict, smt2: smt2, notes: notes, values: values)
            case .coalitionResilient:
                let (verdict, smt2, notes) = try coalitionResilient()
                let values = coalitionValues(everySituation: verdict.counterexample != nil)
                return Verifier.Decision(verdict: verdict, smt2: smt2, notes: notes, values: values)
            case .heuristicPayoffIdentity, .heuristicUnprofitable, .selfPredicting, .truthfulBestResponse,
                .collusionUnprofitable, .honestParticipation, .effortIncentive, .budgetSolvent, .beliefsConsistent,
                .paperTablesDerived, .truthfulEquilibriumDominant:
                return Verifier.Decision(verdict: .unknown(reason: "\(id.rawValue) is not a consensus property"))
            }
        } catch {
            return Verifier.Decision(verdict: .unknown(reason: "\(error)"))
        }
    }

    /// Runs IEWDS on a game; the verdict is proved when all-truthful is the unique survivor of
    /// every order explored (only the canonical order when `exploreOrders` is false).
    func eliminate(_ game: ConsensusGame, exploreOrders: Bool = true) throws -> (Verdict?, IEWDSResult, Int) {
        var oracle = SolverDominanceOracle(
            game: game, deposit: deposit, reward: reward, cost: cost,
            prover: verifier.prover(for: property, recordsSMT2: false, linear: true))
        let result = try IEWDS.run(shape: game.shape, oracle: &oracle, exploreOrders: exploreOrders, maxStates: 20_000)
        let truthful = game.truthful
        if !result.unknowns.isEmpty {
            return (.unknown(reason: "Z3 could not decide: " + result.unknowns.joined(separator: "; ")), result, oracle.queries)
        }
        if exploreOrders && !result.explorationComplete {
            return (.unknown(reason: "the search over elimination orders hit its state limit"), result, oracle.queries)
        }
        let unique = result.terminalSurvivors.allSatisfy { survivors in
            survivors.enumerated().allSatisfy { $0.element == [truthful[$0.offset]] }
        }
        return (unique ? nil : .refuted(counterexample(game, result)), result, oracle.queries)
    }

    func counterexample(_ game: ConsensusGame, _ result: IEWDSResult) -> Counterexample {
        var entries: [(name: String, value: String)] = [("survivors", game.shape.describe(remaining: result.survivors))]
        if result.orderDependent {
            entries.append(("order_dependent", "\(result.terminalSurvivors.count) different survivor sets: "
                + result.terminalSurvivors.map { game.shape.describe(remaining: $0) }.joined(separator: " | ")))
        }
        entries.append(("d", deposit.lower == deposit.upper ? deposit.lower.description : "[\(deposit.lower), \(deposit.upper)]"))
        entries.append(("r", reward.lower == reward.upper ? reward.lower.description : "[\(reward.lower), \(reward.upper)]"))
        entries.append(("c", cost.lower == cost.upper ? cost.lower.description : "[\(cost.lower), \(cost.upper)]"))
        return Counterexample(entries)
    }

    func sequenceNote(_ game: ConsensusGame, _ result: IEWDSResult) -> String {
        "elimination order: " + result.sequence.map { e in
            "\(game.shape.playerNames[e.player]) drops \(game.shape.name(player: e.player, strategy: e.strategy)) "
                + "(\(e.strictly ? "strictly" : "weakly") dominated by \(game.shape.name(player: e.player, strategy: e.dominatedBy)))"
        }.joined(separator: "; ")
    }

    func truthfulUnique() throws -> (Verdict, String?, [String]) {
        let game = ConsensusGame.individual(workers: workers)
        let (failure, result, queries) = try eliminate(game)
        let notes = [
            workers == 2 ? "game: Table I (section IV), two workers" : "game: section VI, \(workers) workers",
            sequenceNote(game, result),
            "every elimination order explored: \(result.terminalSurvivors.count) survivor set(s); \(queries) Z3 dominance queries",
        ]
        return (failure ?? .proved, nil, notes)
    }

    func coalitionResilient() throws -> (Verdict, String?, [String]) {
        var notes: [String] = []
        var scripts: [String] = []
        let prover = verifier.prover(for: property, linear: true)
        let context = Context()
        for k in 1 ..< workers {
            let game = ConsensusGame.coalition(workers: workers, size: k)
            let sigma2 = game.truthful[0]
            // (a) sigma_2 does at least as well as every other coalition strategy in every situation.
            for s in game.shape.strategies[0].indices where s != sigma2 {
                let claim = NoBetterClaim(game: game, truthful: sigma2, deviation: s, deposit: deposit, reward: reward, cost: cost)
                let (verdict, script) = prover.decide([claim], in: context)
                scripts.append(script)
                if case .proved = verdict { continue }
                return (verdict, scripts.joined(separator: "\n(reset)\n"), notes)
            }
            // (b) truthful survives elimination at coalition level. By (a) no coalition strategy
            // can ever weakly dominate sigma_2 (it would need to beat sigma_2 somewhere), so
            // sigma_2 survives every order; the canonical order shows the outsiders keep t.
            let (failure, result, _) = try eliminate(game, exploreOrders: false)
            notes.append("coalition of \(k): \(game.shape.strategies[0].count) coalition strategies, survivors \(game.shape.describe(remaining: result.survivors))")
            if let failure { return (failure, scripts.joined(separator: "\n(reset)\n"), notes) }
        }
        return (.proved, scripts.joined(separator: "\n(reset)\n"), notes)
    }
}

/// Table II: a coalition deviating from sigma_2 never does better, whatever the outsiders play.
struct NoBetterClaim: Claim {
    let game: ConsensusGame
    let truthful: Int, deviation: Int
    let deposit: Variable, reward: Variable, cost: Variable

    var labels: [(name: String, value: String)] {
        [("coalition_size", "\(game.members[0].count)"), ("coalition_strategy", game.shape.name(player: 0, strategy: deviation))]
    }
    var variables: [Variable] { [deposit, reward, cost] }

    func holds<A: Algebra>(_ a: A, _ v: [A.Number]) -> A.Truth {
        a.all(game.situations(remaining: game.shape.allStrategies, player: 0).map { profile in
            var p = profile
            p[0] = truthful
            let honest = game.utilities(a, deposit: v[0], reward: v[1], cost: v[2], profile: p)[0]
            p[0] = deviation
            return a.lessOrEqual(game.utilities(a, deposit: v[0], reward: v[1], cost: v[2], profile: p)[0], honest)
        })
    }
}
