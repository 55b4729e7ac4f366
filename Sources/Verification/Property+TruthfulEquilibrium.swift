import Solver
import Specs

/// `truthful-equilibrium-dominant`: in the spec's finite game, all-truthful is a pure Nash
/// equilibrium at every point of the ranges, and every other pure equilibrium (at some point)
/// is weak and payoff-dominated by all-truthful wherever it is one.
///
/// The games: PTSFD's n workers over truthful, the collusion family's class maps, heuristic and
/// abstain (`PTSFDPopulation`); the consensus mechanism's n workers over sigma_e, sigma_t,
/// sigma_f, and for every coalition size 2 <= k <= n - 1 the coalition's Table II strategies
/// against n - k such outsiders (`ConsensusPopulation`). Profiles are enumerated up to the
/// workers' symmetry, as counts per strategy (`Population`). Every equilibrium found is listed
/// in the notes with where it holds, its payoffs (exact, at a point where it is an equilibrium)
/// and whether all-truthful payoff-dominates it.
///
/// Why not "all-truthful is the unique equilibrium" (fuzz's `honest-unique-equilibrium`): an
/// uninformative profile in which no single worker can change the outcome is an equilibrium of
/// both mechanisms (two junks in the consensus game, everybody heuristic in PTSFD), so
/// uniqueness fails on every spec and says nothing. What a designer needs is that such rivals
/// are fragile (weak: a deviator loses nothing) and worse for everybody than all-truthful.
/// The id differs from fuzz's so that one `[checks]` entry never names two statements.
struct TruthfulEquilibriumCheck {
    let spec: Spec
    let verifier: Verifier

    /// Most profiles the enumeration takes per game (10 PTSFD workers over 14 strategies).
    static let maximumProfiles = 300_000
    /// Most rival equilibria listed in the notes per game (all are judged).
    static let listedRivals = 24

    func run() -> Verifier.Decision {
        switch spec.mechanism.kind {
        case .ptsfd:
            let kinds = PTSFDSetting.perWorker(spec: spec).count
            guard kinds == 1 else {
                // Counting players per strategy needs interchangeable workers; a game of
                // workers that differ is not enumerated, and nothing is claimed about it.
                return Verifier.Decision(verdict: .unknown(
                    reason: "the equilibrium enumeration takes interchangeable workers; this spec has \(kinds) kinds of worker (accuracy, confusion or report_fraction differ)"))
            }
            return decide([PTSFDPopulation(setting: PTSFDSetting(spec: spec), costs: PTSFDCosts(spec: spec))], linear: false)
        case .consensus:
            let n = spec.federation.workers
            let check = ConsensusVerification(spec: spec, verifier: verifier, property: .truthfulEquilibriumDominant)
            let games = (1 ..< max(n, 2)).map {
                ConsensusPopulation(workers: n, coalition: $0, deposit: check.deposit, reward: check.reward, cost: check.cost)
            }
            return decide(games, linear: true)
        }
    }

    /// The verdict over every game: the first failure found refutes (or makes unknown).
    func decide<Game: PopulationGame>(_ games: [Game], linear: Bool) -> Verifier.Decision {
        let prover = verifier.prover(for: .truthfulEquilibriumDominant, recordsSMT2: false, linear: linear)
        var notes: [String] = ["profiles up to the workers' symmetry: how many workers play each strategy"]
        var equilibria = 0
        var closest: (claim: RivalEquilibriumClaim<Game>, point: [Rational], advantage: Rational)? = nil
        var truthfulPoint: (Game, [Rational])? = nil
        var failure: (verdict: Verdict, claim: RivalEquilibriumClaim<Game>, counterexample: Counterexample?)? = nil
        for game in games {
            let count = game.profileCount
            guard count <= Self.maximumProfiles else {
                return Verifier.Decision(verdict: .unknown(reason: "\(game.title): \(count) profiles, more than the \(Self.maximumProfiles) the enumeration takes"), notes: notes)
            }
            let search = EquilibriumSearch(prover: prover)
            let findings = search.run(game)
            // Exact payoff tables, one per point, shared by every rival's corner checks.
            let exact = ExactAlgebra()
            let corners = search.cornerPoints(game, exact)
            let cornerTables = corners.map { game.payoffs(exact, $0) }
            var tables = Dictionary(uniqueKeysWithValues: zip(corners, cornerTables))
            func table(_ point: [Rational]) -> PopulationPayoffs<ExactAlgebra> {
                if let known = tables[point] { return known }
                let built = game.payoffs(exact, point)
                tables[point] = built
                return built
            }
            var listed = 0
            // With every parameter a single value, that point is the whole range: the exact
            // check there decides each statement without Z3.
            let onePoint = game.variables.allSatisfy { $0.lower == $0.upper && !$0.lowerOpen && !$0.upperOpen }
            func decideExactly(_ claim: RivalEquilibriumClaim<Game>) -> Verdict? {
                claim.refutedAtCorner(corners, cornerTables, exact) ?? (onePoint && !corners.isEmpty ? .proved : nil)
            }
            if let undecided = findings.first(where: { if case .unknown = $0.extent { true } else { false } }),
               case .unknown(let reason) = undecided.extent {
                return Verifier.Decision(verdict: .unknown(reason: "\(game.title): profile \(game.describe(undecided.profile)): \(reason)"), notes: notes)
            }
            let found = findings.filter { $0.extent != .nowhere }
            equilibria += found.count
            notes.append("game: \(game.title): \(findings.count) profiles, \(found.count) equilibri\(found.count == 1 ? "um" : "a")")
            // All-truthful must be an equilibrium everywhere.
            let truthClaim = RivalEquilibriumClaim(game: game, profile: game.truthful, statement: .equilibrium)
            if findings.first(where: { $0.profile == game.truthful })?.extent != .everywhere {
                let verdict = decideExactly(truthClaim) ?? prover.decide([truthClaim]).verdict
                if case .proved = verdict {} else if failure == nil {
                    failure = (verdict, truthClaim, verdict.counterexample)
                    notes.append("  all-truthful is not an equilibrium everywhere")
                }
            }
            if truthfulPoint == nil, let first = found.first(where: { $0.profile == game.truthful }) { truthfulPoint = (game, first.point) }
            for finding in found {
                let rival = finding.profile != game.truthful
                var line = "  " + game.describe(finding.profile) + (rival ? "" : " (all-truthful)") + ": "
                if case .somewhere = finding.extent { line += "an equilibrium somewhere (at " + point(game, finding.point) + ")" } else { line += "an equilibrium everywhere" }
                line += "; payoffs " + finding.payoffs.map { "\(game.groups[$0.group].strategies[$0.strategy]) \($0.payoff) (~\($0.payoff.doubleValue))" }.joined(separator: ", ")
                guard rival else { notes.append(line); continue }
                // Every rival is judged and listed; the first failure decides the verdict.
                for statement in [RivalEquilibriumClaim<Game>.Statement.weak, .dominated] {
                    let claim = RivalEquilibriumClaim(game: game, profile: finding.profile, statement: statement)
                    // Once the verdict is decided, Z3 is not asked for the rest: the corners only.
                    guard let verdict = decideExactly(claim) ?? (failure == nil ? prover.decide([claim]).verdict : nil) else {
                        line += "; \(statement.rawValue): not asked (the verdict is decided)"
                        continue
                    }
                    switch verdict {
                    case .proved:
                        line += statement == .weak ? "; weak" : "; payoff-dominated by all-truthful"
                    case .refuted(let counterexample):
                        line += statement == .weak ? "; strict somewhere" : "; not payoff-dominated by all-truthful"
                        if failure == nil { failure = (verdict, claim, counterexample) }
                    case .unknown(let reason):
                        line += "; \(statement.rawValue): unknown (\(reason))"
                        if failure == nil { failure = (verdict, claim, nil) }
                    }
                }
                listed += 1
                if listed <= Self.listedRivals { notes.append(line) }
                let claim = RivalEquilibriumClaim(game: game, profile: finding.profile, statement: .dominated)
                if let a = claim.advantage(at: finding.point, table: table(finding.point)),
                   closest == nil || a.advantage > closest!.advantage {
                    closest = (claim, finding.point, a.advantage)
                }
            }
            if listed > Self.listedRivals { notes.append("  ... and \(listed - Self.listedRivals) more rival equilibria, judged alike") }
        }
        if let failure {
            let measured: PropertyValues = values(failure.claim, failure.counterexample, equilibria)
            return Verifier.Decision(verdict: failure.verdict, notes: notes, values: measured)
        }
        var result = Verifier.Decision(verdict: .proved, notes: notes)
        if let closest {
            result.values = values(closest.claim, closest.point, equilibria, method: "the rival equilibrium closest to all-truthful, at a point where it is one")
        } else if let (game, at) = truthfulPoint.map({ ($0.0, $0.1) }) {
            let table = game.payoffs(ExactAlgebra(), at)
            let truthful = table.payoff(0, game.truthful[0].firstIndex { $0 > 0 }!, game.truthful)
            result.values = PropertyValues(
                values: [PropertyValue("truthful_payoff", truthful), PropertyValue("equilibrium_profiles", Rational(equilibria))],
                at: Dictionary(uniqueKeysWithValues: zip(game.variables.map(\.name), at.map(\.description))),
                method: "all-truthful, the only equilibrium")
        }
        return result
    }

    func point<Game: PopulationGame>(_ game: Game, _ at: [Rational]) -> String {
        zip(game.variables, at).map { "\($0.name) = \($1)" }.joined(separator: ", ")
    }

    /// The values at a counterexample.
    func values<Game: PopulationGame>(_ claim: RivalEquilibriumClaim<Game>, _ counterexample: Counterexample?, _ equilibria: Int) -> PropertyValues {
        guard let counterexample else { return .none }
        let at = claim.variables.compactMap { counterexample[$0.name].flatMap(Rational.init) }
        guard at.count == claim.variables.count else { return .none }
        return values(claim, at, equilibria, method: "at the counterexample")
    }

    /// `rival_advantage` (the rival's payoff minus all-truthful's, the largest over its
    /// players), `rival_payoff`, `truthful_payoff`, and `equilibrium_profiles`.
    func values<Game: PopulationGame>(_ claim: RivalEquilibriumClaim<Game>, _ at: [Rational], _ equilibria: Int, method: String) -> PropertyValues {
        var where_ = Dictionary(uniqueKeysWithValues: zip(claim.variables.map(\.name), at.map(\.description)))
        where_["profile"] = claim.game.describe(claim.profile)
        if claim.statement == .equilibrium, let best = claim.bestDeviation(at: at) {
            // All-truthful is not an equilibrium: what the best deviation gains.
            where_["deviation"] = best.name
            return PropertyValues(
                values: [PropertyValue("deviation_gain", best.gain), PropertyValue("truthful_payoff", best.payoff - best.gain),
                         PropertyValue("deviation_payoff", best.payoff)],
                at: where_, method: method)
        }
        guard let a = claim.advantage(at: at) else { return .none }
        return PropertyValues(
            values: [
                PropertyValue("rival_advantage", a.advantage), PropertyValue("rival_payoff", a.payoff),
                PropertyValue("truthful_payoff", a.truthful), PropertyValue("equilibrium_profiles", Rational(equilibria)),
            ],
            at: where_, method: method)
    }
}
