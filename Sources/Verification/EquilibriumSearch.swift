import Games
import Solver

/// Where in the spec's ranges a profile is a pure Nash equilibrium.
enum EquilibriumExtent: Equatable, Sendable {
    /// At every point of the ranges (Z3 proved it).
    case everywhere
    /// At `witness` (checked exactly) but not at every point.
    case somewhere(witness: [Rational])
    /// At no point (Z3 proved it).
    case nowhere
    /// Not decided, with the reason.
    case unknown(reason: String)
}

/// One profile of the enumeration and where it is an equilibrium.
struct EquilibriumFinding {
    let profile: [[Int]]
    var extent: EquilibriumExtent
    /// A point where it is an equilibrium (the witness, or the ranges' first corner when it is
    /// one everywhere), at which `payoffs` are evaluated exactly.
    var point: [Rational] = []
    var payoffs: [(group: Int, strategy: Int, payoff: Rational)] = []
}

/// Pure-strategy equilibrium enumeration over a population game with symbolic parameters.
///
/// Every profile (`PopulationGame.profiles`, one per count vector) is first evaluated exactly
/// at every corner of the ranges: an equilibrium at some corners and not at others is one
/// "somewhere" (a corner is its witness). The rest are decided by Z3 in batches on one solver:
/// - the profiles that are equilibria at every corner: is there a point where one of them is
///   not? `unsat` proves them all equilibria everywhere; on `sat` the model is re-checked
///   exactly, each profile that fails there is an equilibrium somewhere (not everywhere), and the
///   question is asked again of the others;
/// - the profiles that are equilibria at no corner: is there a point where one of them is?
///   `unsat` proves that none is an equilibrium anywhere; on `sat` the profiles that are
///   equilibria at the (exactly re-checked) model have it as their witness, and so on.
/// A model that does not re-check, an `unknown` or the deadline leaves the rest `unknown`.
/// - Complexity: profiles x deviations exact evaluations per corner; Z3 queries: one per
///   batch plus one per profile whose answer differs from its corners'.
struct EquilibriumSearch {
    let prover: Prover

    func run<G: PopulationGame>(_ game: G) -> [EquilibriumFinding] {
        let profiles = game.profiles
        let exact = ExactAlgebra()
        let corners = cornerPoints(game, exact)
        let tables = corners.map { game.payoffs(exact, $0) }
        var findings: [EquilibriumFinding] = []
        var allCorners: [Int] = [], noCorner: [Int] = []
        /// For a profile that is an equilibrium at no corner, a deviation that gains at every
        /// corner, if one does: Z3 then only needs to prove that one gain positive.
        var gainer: [Int: Int] = [:]
        for counts in profiles {
            let holds = tables.map { game.isEquilibrium(exact, $0, counts) }
            if !corners.isEmpty, !holds.contains(true) {
                let gains = tables.map { game.gains(exact, $0, counts) }
                gainer[findings.count] = gains[0].indices.first { k in gains.allSatisfy { $0[k] > 0 } }
            }
            var finding = EquilibriumFinding(profile: counts, extent: .nowhere)
            if !corners.isEmpty && holds.allSatisfy({ $0 }) {
                finding.extent = .everywhere
                allCorners.append(findings.count)
            } else if let k = holds.firstIndex(of: true) {
                finding.extent = .somewhere(witness: corners[k])
            } else {
                noCorner.append(findings.count)
            }
            findings.append(finding)
        }
        // When every parameter is a single value, its one point is the whole range: the exact
        // evaluation there decides. Otherwise Z3 decides what the corners leave open.
        if !game.variables.allSatisfy({ $0.lower == $0.upper && !$0.lowerOpen && !$0.upperOpen }) || corners.isEmpty {
            // Every corner an equilibrium: prove it everywhere, or find a point where it is not.
            resolve(game, &findings, allCorners, looking: false)
            // No corner an equilibrium: prove one deviation's gain positive everywhere (which
            // leaves the profile no equilibrium anywhere); what that does not settle, ask whole.
            var rest = noCorner.filter { gainer[$0] == nil }
            rest += resolveByGainers(game, &findings, noCorner.filter { gainer[$0] != nil }, gainer)
            resolve(game, &findings, rest, looking: true)
        }
        // One exact table per point (most witnesses are corners), shared by its profiles.
        var byPoint = Dictionary(zip(corners, tables), uniquingKeysWith: { first, _ in first })
        for i in findings.indices {
            switch findings[i].extent {
            case .everywhere: findings[i].point = corners.first ?? []
            case .somewhere(let witness): findings[i].point = witness
            case .nowhere, .unknown: continue
            }
            let point = findings[i].point
            let table = byPoint[point] ?? game.payoffs(exact, point)
            byPoint[point] = table
            findings[i].payoffs = game.played(table, findings[i].profile)
        }
        return findings
    }

    /// The corners of the variables' box that satisfy the game's assumptions.
    func cornerPoints<G: PopulationGame>(_ game: G, _ exact: ExactAlgebra) -> [[Rational]] {
        let corners = game.variables.reduce([[Rational]]([[]])) { points, v in
            let mid = (v.lower + v.upper) / 2
            let ends = Set([v.lowerOpen ? mid : v.lower, v.upperOpen ? mid : v.upper]).sorted()
            return points.flatMap { p in ends.map { p + [$0] } }
        }
        return corners.filter { exact.all(game.assumptions(exact, $0)) }
    }

    /// Asks Z3, batch by batch, whether some profile of `pending` is (`looking`) or is not
    /// (otherwise) an equilibrium at some point, and updates the findings.
    func resolve<G: PopulationGame>(_ game: G, _ findings: inout [EquilibriumFinding], _ pending: [Int], looking: Bool) {
        var pending = pending
        let context = Context()
        let algebra = TermAlgebra(context: context)
        let terms = game.variables.map { context.real($0.name) }
        let table = game.payoffs(algebra, terms)
        while !pending.isEmpty {
            let settled: EquilibriumExtent = looking ? .nowhere : .everywhere
            guard let timeout = prover.deadline.queryTimeout(cap: prover.timeoutMilliseconds) else {
                for i in pending { findings[i].extent = .unknown(reason: prover.deadline!.reason) }
                return
            }
            prover.onQuery?()
            let solver = Solver(context: context, timeoutMilliseconds: timeout, simple: prover.linear)
            solver.constrain(game.variables, terms, in: context)
            for assumption in game.assumptions(algebra, terms) { solver.add(assumption) }
            solver.add(algebra.any(pending.map { i in
                let eq = game.isEquilibrium(algebra, table, findings[i].profile)
                return looking ? eq : algebra.not(eq)
            }))
            let answer: CheckResult
            do { answer = try solver.check() } catch {
                for i in pending { findings[i].extent = .unknown(reason: "Z3 error: \(error)") }
                return
            }
            switch answer {
            case .unsat:
                for i in pending { findings[i].extent = settled }
                return
            case .unknown(let reason):
                for i in pending { findings[i].extent = .unknown(reason: "Z3 answered unknown (\(reason))") }
                return
            case .sat(let model):
                guard let point = exactPoint(model, terms), game.variables.indices.allSatisfy({ game.variables[$0].contains(point[$0]) }) else {
                    for i in pending { findings[i].extent = .unknown(reason: "Z3's model could not be re-checked exactly") }
                    return
                }
                let exact = ExactAlgebra()
                let at = game.payoffs(exact, point)
                var moved = false
                pending.removeAll { i in
                    let eq = game.isEquilibrium(exact, at, findings[i].profile)
                    guard eq == looking, !exact.divisionByZero.flag else { return false }
                    // Looking: an equilibrium here. Otherwise: not one here, though one at every corner.
                    if looking { findings[i].extent = .somewhere(witness: point) } else {
                        // Stays an equilibrium at the corners: the first corner is its witness.
                        findings[i].extent = .somewhere(witness: cornerPoints(game, ExactAlgebra()).first ?? point)
                    }
                    moved = true
                    return true
                }
                if !moved {
                    for i in pending { findings[i].extent = .unknown(reason: "Z3's model did not re-check exactly") }
                    return
                }
            }
        }
    }

    /// Proves, in batches, that each profile's chosen deviation gains at every point (so the
    /// profile is an equilibrium nowhere); returns the profiles for which that failed.
    func resolveByGainers<G: PopulationGame>(_ game: G, _ findings: inout [EquilibriumFinding], _ pending: [Int], _ gainer: [Int: Int]) -> [Int] {
        var pending = pending, failed: [Int] = []
        let context = Context()
        let algebra = TermAlgebra(context: context)
        let terms = game.variables.map { context.real($0.name) }
        let table = game.payoffs(algebra, terms)
        func gain<A: Algebra>(_ a: A, _ t: PopulationPayoffs<A>, _ i: Int) -> A.Number {
            let counts = findings[i].profile
            let d = game.deviations(counts)[gainer[i]!]
            return a.subtract(
                t.payoff(d.group, d.to, Population.deviate(counts, group: d.group, from: d.from, to: d.to)),
                t.payoff(d.group, d.from, counts))
        }
        while !pending.isEmpty {
            guard let timeout = prover.deadline.queryTimeout(cap: prover.timeoutMilliseconds) else { return failed + pending }
            prover.onQuery?()
            let solver = Solver(context: context, timeoutMilliseconds: timeout, simple: prover.linear)
            solver.constrain(game.variables, terms, in: context)
            for assumption in game.assumptions(algebra, terms) { solver.add(assumption) }
            solver.add(algebra.any(pending.map { algebra.lessOrEqual(gain(algebra, table, $0), algebra.constant(0)) }))
            guard let answer = try? solver.check() else { return failed + pending }
            switch answer {
            case .unsat:
                for i in pending { findings[i].extent = .nowhere }
                return failed
            case .unknown:
                return failed + pending
            case .sat(let model):
                guard let point = exactPoint(model, terms) else { return failed + pending }
                let exact = ExactAlgebra()
                let at = game.payoffs(exact, point)
                let before = pending.count
                pending.removeAll { i in
                    guard gain(exact, at, i) <= 0 else { return false }
                    failed.append(i)
                    return true
                }
                if pending.count == before { return failed + pending }
            }
        }
        return failed
    }

    func exactPoint(_ model: Model, _ terms: [Term<RealSort>]) -> [Rational]? {
        var point: [Rational] = []
        for t in terms {
            guard let value = try? model.value(t), case .exact(let r) = value else { return nil }
            point.append(r)
        }
        return point
    }
}
